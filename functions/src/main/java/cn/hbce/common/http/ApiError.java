package cn.hbce.common.http;

import java.util.List;

/**
 * A request the web layer itself cannot serve: a body that is not JSON, too large, of the wrong
 * type, or a caller the route does not admit. Use cases never see it; they answer with a
 * {@link cn.hbce.common.domain.Refusal}. Both reach the client through {@link ErrorMapper}.
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
