package cn.hbce.common.http;

import cn.hbce.common.domain.Actor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the authorizer hands the verified caller to the handlers: the flat string/boolean map that
 * API Gateway passes on as {@code requestContext.authorizer.lambda}. A map without a person is an
 * anonymous or rejected caller; protected routes then answer 401 in the contract's error shape.
 */
public final class PrincipalContext {
    private PrincipalContext() {
    }

    public static Map<String, Object> toContext(Actor p) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("personId", p.personId());
        ctx.put("sessionId", p.sessionId());
        ctx.put("userType", p.userType());
        ctx.put("orgId", p.orgId() == null ? "" : p.orgId());
        ctx.put("adminId", p.adminId() == null ? "" : p.adminId());
        ctx.put("superAdmin", p.superAdmin());
        ctx.put("permissions", String.join(",", p.permissions()));
        ctx.put("orgApproved", p.orgApproved());
        ctx.put("mustChangePassword", p.mustChangePassword());
        return ctx;
    }

    public static Map<String, Object> rejected(String reason) {
        return Map.of("authError", reason);
    }

    public static Optional<Actor> fromContext(Map<String, Object> ctx) {
        if (ctx == null || !(ctx.get("personId") instanceof String personId) || personId.isEmpty()) {
            return Optional.empty();
        }
        String perms = String.valueOf(ctx.getOrDefault("permissions", ""));
        Set<String> permissions = perms.isEmpty() ? Set.of()
                : Arrays.stream(perms.split(",")).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Actor(
                personId,
                str(ctx, "sessionId"),
                str(ctx, "userType"),
                emptyToNull(str(ctx, "orgId")),
                emptyToNull(str(ctx, "adminId")),
                bool(ctx, "superAdmin"),
                permissions,
                bool(ctx, "orgApproved"),
                bool(ctx, "mustChangePassword")));
    }

    private static String str(Map<String, Object> ctx, String key) {
        Object v = ctx.get(key);
        return v == null ? "" : v.toString();
    }

    private static boolean bool(Map<String, Object> ctx, String key) {
        Object v = ctx.get(key);
        return v instanceof Boolean b ? b : "true".equals(String.valueOf(v));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
