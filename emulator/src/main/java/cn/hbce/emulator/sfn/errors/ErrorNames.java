package cn.hbce.emulator.sfn.errors;

/** The predefined error names of the States language. */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";

    private ErrorNames() {
    }

    /** Errors that end the execution whatever Retry or Catch says. */
    public static boolean isTerminal(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /**
     * Whether an {@code ErrorEquals} entry matches an error. States.ALL matches everything
     * except terminal errors; States.TaskFailed matches everything except States.Timeout.
     */
    public static boolean matches(String pattern, String error) {
        if (error == null) {
            return ALL.equals(pattern);
        }
        if (isTerminal(error)) {
            return false;
        }
        if (ALL.equals(pattern)) {
            return true;
        }
        if (TASK_FAILED.equals(pattern)) {
            return !TIMEOUT.equals(error) && !HEARTBEAT_TIMEOUT.equals(error)
                    || TASK_FAILED.equals(error);
        }
        return pattern.equals(error);
    }
}
