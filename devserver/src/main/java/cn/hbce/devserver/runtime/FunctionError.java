package cn.hbce.devserver.runtime;

/**
 * An invocation that ended as Lambda reports a function error: {@code errorType} is what Lambda
 * puts in the error payload (the exception's class name, {@code Sandbox.Timedout},
 * {@code Function.ResponseSizeTooLarge}...), which is what Step Functions' Retry and Catch match.
 */
public final class FunctionError extends RuntimeException {
    private final String errorType;

    public FunctionError(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
