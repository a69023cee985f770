package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thread of control inside an execution: the top level, a Parallel branch or a Map iteration.
 * It links its events through previousEventId and records its progress in its own checkpoint.
 */
final class Scope {

    private final Execution execution;
    private final Checkpoint checkpoint;
    private final ExecutionControl control;
    private long lastEventId;
    private boolean resuming;

    /** A scope whose checkpoint already names a state continues there instead of at StartAt. */
    Scope(Execution execution, Checkpoint checkpoint, ExecutionControl control, long lastEventId) {
        this.execution = execution;
        this.checkpoint = checkpoint;
        this.control = control;
        this.lastEventId = lastEventId;
        this.resuming = checkpoint.stateName() != null;
    }

    Scope branch(ExecutionControl branchControl, Checkpoint branchCheckpoint) {
        return new Scope(execution, branchCheckpoint, branchControl, lastEventId);
    }

    long emit(String type, ObjectNode details) {
        HistoryEvent event = execution.history().append(type, lastEventId, details);
        lastEventId = event.id();
        return lastEventId;
    }

    /**
     * Runs a checkpoint change together with the events that announce it, so a save sees both or
     * neither: an event in the saved history always has its change in the saved checkpoint.
     */
    void atomically(Runnable step) {
        checkpoint.atomically(() -> {
            step.run();
            return null;
        });
    }

    void persist(EngineServices services) {
        services.persist(execution);
    }

    Execution execution() {
        return execution;
    }

    Checkpoint checkpoint() {
        return checkpoint;
    }

    ExecutionControl control() {
        return control;
    }

    /** True while the first state after a restart runs from its checkpoint. */
    boolean resuming() {
        return resuming;
    }

    void resumed() {
        resuming = false;
    }
}
