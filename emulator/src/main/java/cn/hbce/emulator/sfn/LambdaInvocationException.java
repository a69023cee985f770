package cn.hbce.emulator.sfn;

/**
 * A failed Lambda invocation. {@link #errorType()} is the error name Step Functions sees:
 * the function's exception type as the Lambda runtime reports it, or a service error such as
 * {@code Lambda.ServiceException} or {@code Lambda.Unknown}.
 */
public class LambdaInvocationException extends Exception {

    private final String errorType;

    public LambdaInvocationException(String errorType, String errorMessage) {
        super(errorMessage);
        this.errorType = errorType == null || errorType.isBlank() ? "Lambda.Unknown" : errorType;
    }

    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return getMessage();
    }
}
