package cn.hbce.common.http;

import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the application sees it, free of API Gateway types.
 * Header names are lower-case.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        String sourceIp,
        String requestId,
        Optional<Principal> principal) {

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * A path id; 404 when it cannot be an id of ours (too long, or characters no id has), exactly
     * like an id that names nothing, before it reaches a key.
     */
    public String pathParam(String name) {
        String value = pathParameters.get(name);
        if (!cn.hbce.common.Ids.plausible(value)) {
            throw new ApiError(ErrorCode.NOT_FOUND);
        }
        return value;
    }

    /** The signed-in caller; only valid on routes whose {@link Access} is not anonymous. */
    public Principal caller() {
        return principal.orElseThrow(() -> new ApiError(ErrorCode.UNAUTHENTICATED));
    }

    public RequestMeta meta() {
        return new RequestMeta(requestId, sourceIp, principal.map(Principal::personId).orElse(null),
                principal.map(Principal::orgId).orElse(null));
    }
}
