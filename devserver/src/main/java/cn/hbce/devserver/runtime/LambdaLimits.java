package cn.hbce.devserver.runtime;

/**
 * Lambda's quotas for a synchronous invocation that the local runtime enforces, in the exact figures
 * Lambda answers with ("Request must be smaller than 6291456 bytes for the InvokeFunction operation";
 * responses may be 100 bytes larger: "Response payload size exceeded maximum allowed payload size
 * (6291556 bytes).").
 */
public final class LambdaLimits {
    public static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

    private LambdaLimits() {
    }

    /** The error payload's message of a function that ran past its Timeout, e.g. "Task timed out after 2.00 seconds". */
    public static String timedOut(int timeoutSeconds) {
        return String.format(java.util.Locale.ROOT, "Task timed out after %d.00 seconds", timeoutSeconds);
    }

    public static String responseTooLarge(long bytes) {
        return "Response payload size (" + bytes + " bytes) exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).";
    }

    public static String requestTooLarge() {
        return "Request must be smaller than " + MAX_REQUEST_BYTES + " bytes for the InvokeFunction operation";
    }
}
