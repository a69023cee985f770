package cn.hbce.common.domain;

import java.util.Set;

/**
 * Who a use case acts for: the signed-in person, the session they signed in with, and the seat it
 * opened. {@code userType} is the org type of the seat for an admin (HRSS, DEPARTMENT, UNIT, BASE) or
 * PERSON for a professional, whose {@code adminId} is empty. The web layer builds it from what the
 * authorizer verified; use cases only ask it questions, so they never see HTTP.
 */
public record Actor(
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

    /** A super admin holds every permission. */
    public boolean can(String permission) {
        return superAdmin || permissions.contains(permission);
    }

    /** The org the actor acts in; 404 when the session opened none (a use case of the own org has nothing to show). */
    public String requireOrg() {
        if (orgId == null) {
            throw new NotFound();
        }
        return orgId;
    }
}
