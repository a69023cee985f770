package cn.hbce.common.http;

import java.util.Set;

/**
 * The verified caller of a request, as established by the authorizer from a live session.
 * {@code adminId} is empty for a person acting as a professional (userType PERSON).
 */
public record Principal(
        String personId,
        String sessionId,
        String userType,
        String orgId,
        String adminId,
        boolean superAdmin,
        Set<String> permissions,
        boolean orgApproved,
        boolean mustChangePassword) {

    public boolean isAdmin() {
        return adminId != null && !adminId.isEmpty();
    }

    public boolean can(String permission) {
        return superAdmin || permissions.contains(permission);
    }
}
