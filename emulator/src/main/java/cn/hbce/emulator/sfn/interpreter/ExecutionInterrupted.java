package cn.hbce.emulator.sfn.interpreter;

/**
 * Unwinds a branch of control that must stop without running Retry or Catch: the execution was
 * stopped or timed out, a sibling Parallel branch failed, or the service is shutting down.
 */
public final class ExecutionInterrupted extends RuntimeException {

    /** Why the branch stops. */
    public enum Reason { STOPPED, TIMED_OUT, SIBLING_FAILED, SHUTDOWN }

    private final Reason reason;

    public ExecutionInterrupted(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
