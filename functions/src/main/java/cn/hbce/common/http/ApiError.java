package cn.hbce.common.http;

import java.util.List;

/**
 * A request that cannot be served, raised while parsing, validating or authorising it.
 * Outcomes of use cases are values; this is for input and access failures that end the request.
 */
public final class ApiError extends RuntimeException {
    private final ErrorCode code;
    private final String userMessage;
    private final List<String> fields;

    public ApiError(ErrorCode code) {
        this(code, code.message(), List.of());
    }

    public ApiError(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiError(ErrorCode code, String message, List<String> fields) {
        super(code.name(), null, false, false);
        this.code = code;
        this.fields = List.copyOf(fields);
        this.userMessage = message;
    }

    public static ApiError invalid(List<String> fields) {
        return new ApiError(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.message() + "：" + String.join(", ", fields), fields);
    }

    public ErrorCode code() {
        return code;
    }

    public String userMessage() {
        return userMessage;
    }

    public List<String> fields() {
        return fields;
    }
}
