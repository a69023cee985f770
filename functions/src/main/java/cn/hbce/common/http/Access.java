package cn.hbce.common.http;

import cn.hbce.common.domain.Actor;
import java.util.Optional;

/**
 * Who may call a route. Checked by the handler base before any data is read:
 * anonymous routes, any signed-in caller, or an admin of an approved org holding a permission.
 */
public record Access(boolean open, boolean allowUnapprovedOrg, boolean allowPendingPasswordChange,
                     boolean adminOnly, Optional<String> permission) {

    public static Access anonymous() {
        return new Access(true, true, true, false, Optional.empty());
    }

    /** Any signed-in caller, even of an org still under review or with a temporary password (/v1/me*, logout). */
    public static Access signedIn() {
        return new Access(false, true, true, false, Optional.empty());
    }

    /**
     * Any signed-in caller, admin or professional, who has set a password of their own and, for an
     * admin, whose org is approved (the file routes: professionals upload evidence too).
     */
    public static Access signedInAndSettled() {
        return new Access(false, false, false, false, Optional.empty());
    }

    /** An admin of an approved org. */
    public static Access approvedOrgAdmin() {
        return new Access(false, false, false, true, Optional.empty());
    }

    public Access withPermission(String code) {
        return new Access(open, allowUnapprovedOrg, allowPendingPasswordChange, adminOnly, Optional.of(code));
    }

    /** Also open to admins whose org is still under review (GET/PUT /v1/org). */
    public Access evenIfOrgNotApproved() {
        return new Access(open, true, allowPendingPasswordChange, adminOnly, permission);
    }

    /** Checks the caller against this rule; returns the principal a signed-in route works with. */
    public Optional<Actor> check(Optional<Actor> caller) {
        if (open) {
            return caller;
        }
        Actor p = caller.orElseThrow(() -> new ApiError(ErrorCode.UNAUTHENTICATED));
        if (p.mustChangePassword() && !allowPendingPasswordChange) {
            throw new ApiError(ErrorCode.PASSWORD_CHANGE_REQUIRED);
        }
        if (adminOnly && !p.isAdmin()) {
            throw new ApiError(ErrorCode.FORBIDDEN);
        }
        if (p.isAdmin() && !p.orgApproved() && !allowUnapprovedOrg) {
            throw new ApiError(ErrorCode.ORG_NOT_APPROVED);
        }
        if (permission.isPresent() && !p.can(permission.get())) {
            throw new ApiError(ErrorCode.FORBIDDEN);
        }
        return caller;
    }
}
