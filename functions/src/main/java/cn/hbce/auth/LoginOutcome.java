package cn.hbce.auth;

import cn.hbce.common.http.ErrorCode;
import java.time.Instant;
import java.util.List;

/** The result of a login attempt: a session, or the reason there is none. */
public sealed interface LoginOutcome {

    record SignedIn(String token, Instant expiresAt, UserView user, boolean mustChangePassword) implements LoginOutcome {
    }

    record Refused(ErrorCode reason) implements LoginOutcome {
    }

    /** The user block of the login answer and of GET /v1/me. */
    record UserView(String personId, String name, String userType, String orgId, String orgName,
                    boolean superAdmin, List<String> permissions) {
    }
}
