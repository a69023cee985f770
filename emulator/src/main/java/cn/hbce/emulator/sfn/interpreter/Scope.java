package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thread of control inside an execution: the top level, a Parallel branch or a Map iteration.
 * It links its events through previousEventId and knows whether it may checkpoint.
 */
final class Scope {

    private final Execution execution;
    private final ExecutionControl control;
    private final boolean topLevel;
    private long lastEventId;
    private boolean resuming;

    Scope(Execution execution, ExecutionControl control, boolean topLevel, long lastEventId, boolean resuming) {
        this.execution = execution;
        this.control = control;
        this.topLevel = topLevel;
        this.lastEventId = lastEventId;
        this.resuming = resuming;
    }

    Scope branch(ExecutionControl branchControl) {
        return new Scope(execution, branchControl, false, lastEventId, false);
    }

    long emit(String type, ObjectNode details) {
        HistoryEvent event = execution.history().append(type, lastEventId, details);
        lastEventId = event.id();
        return lastEventId;
    }

    Execution execution() {
        return execution;
    }

    ExecutionControl control() {
        return control;
    }

    boolean topLevel() {
        return topLevel;
    }

    /** True while the first state after a restart runs from its checkpoint. */
    boolean resuming() {
        return resuming;
    }

    void resumed() {
        resuming = false;
    }
}
