package cn.hbce.common.http;

import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.Refusal;
import cn.hbce.common.log.JsonLog;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns failures into the contract's error responses: a use case's
 * {@link Refusal} (its reason gives the code, the code gives the status, {@link UserMessages} the
 * message), the web layer's own {@link ApiError}s, and anything unexpected (500, logged).
 */
public final class ErrorMapper {
    private ErrorMapper() {
    }

    public static ApiResponse toResponse(Refusal refusal, String requestId) {
        Reason reason = refusal.reason();
        ErrorCode code = ErrorCode.valueOf(reason.code());
        return new ApiResponse(code.status(), new ErrorBody(code.name(), message(reason, refusal.fields()), requestId,
                refusal.fields(), refusal.details().isEmpty() ? null : refusal.details()), Map.of());
    }

    public static ApiResponse toResponse(ApiError error, String requestId) {
        return answer(error.code(), error.userMessage(), error.fields(), requestId);
    }

    public static ApiResponse toResponse(ErrorCode code, String requestId) {
        return toResponse(new ApiError(code), requestId);
    }

    public static ApiResponse unexpected(Throwable failure, String requestId) {
        JsonLog.error("request.failed", failure, "requestId", requestId);
        return toResponse(ErrorCode.INTERNAL, requestId);
    }

    /** The generic 400 lists the fields at fault after its message; every other reason has its own text. */
    static String message(Reason reason, List<String> fields) {
        String message = UserMessages.of(reason.name());
        return reason == Reason.VALIDATION_FAILED && !fields.isEmpty() ? message + "：" + String.join(", ", fields) : message;
    }

    private static ApiResponse answer(ErrorCode code, String message, List<String> fields, String requestId) {
        return new ApiResponse(code.status(), new ErrorBody(code.name(), message, requestId, fields), Map.of());
    }
}
