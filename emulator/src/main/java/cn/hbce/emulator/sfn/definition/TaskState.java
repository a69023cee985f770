package cn.hbce.emulator.sfn.definition;

/** A Task state. Timeouts are either fixed seconds or a path evaluated on the effective input. */
public record TaskState(
        String name,
        Transition transition,
        IoPaths io,
        ResultHandling result,
        ErrorHandling errors,
        String resource,
        Integer timeoutSeconds,
        String timeoutSecondsPath,
        Integer heartbeatSeconds,
        String heartbeatSecondsPath) implements State {

    /** The ASL default when no TimeoutSeconds is given. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 99_999_999;

    @Override
    public String type() {
        return "Task";
    }
}
