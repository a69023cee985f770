package cn.hbce.common.http;

import cn.hbce.common.log.JsonLog;

/** The one place that turns failures into the contract's error responses. */
public final class ErrorMapper {
    private ErrorMapper() {
    }

    public static ApiResponse toResponse(ApiError error, String requestId) {
        ErrorCode code = error.code();
        return new ApiResponse(code.status(),
                new ErrorBody(code.name(), error.userMessage(), requestId, error.fields()),
                java.util.Map.of());
    }

    public static ApiResponse toResponse(ErrorCode code, String requestId) {
        return toResponse(new ApiError(code), requestId);
    }

    public static ApiResponse unexpected(Throwable failure, String requestId) {
        JsonLog.error("request.failed", failure, "requestId", requestId);
        return toResponse(ErrorCode.INTERNAL, requestId);
    }
}
