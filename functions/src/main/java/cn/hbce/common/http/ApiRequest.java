package cn.hbce.common.http;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.paging.PageRequest;
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
        Optional<Actor> principal) {

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

    /** The signed-in caller, as use cases know it; only valid on routes whose {@link Access} is not anonymous. */
    public Actor caller() {
        return principal.orElseThrow(() -> new ApiError(ErrorCode.UNAUTHENTICATED));
    }

    /** The facts the audit records of this request: request id, source address and the signed-in person. */
    public AuditContext meta() {
        return new AuditContext(requestId, sourceIp, principal.map(Actor::personId).orElse(null),
                principal.map(Actor::orgId).orElse(null));
    }

    /** {@code ?limit=} (1–100, default 20) and {@code ?cursor=} of a list route. */
    public PageRequest page() {
        return new PageRequest(limit(), queryParam("cursor"));
    }

    /** {@code ?limit=}: 20 when absent, 400 naming {@code limit} outside 1–100. */
    public int limit() {
        return queryParam("limit").map(PageRequest::parseLimit)
                .orElse(PageRequest.DEFAULT_LIMIT);
    }
}
