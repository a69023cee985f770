package cn.hbce.auth;

import cn.hbce.common.domain.Refusal;
import java.time.Instant;
import java.util.List;

/** The result of a login attempt: a session, or the reason there is none. */
public sealed interface LoginOutcome {

    record SignedIn(String token, Instant expiresAt, UserView user, boolean mustChangePassword) implements LoginOutcome {
    }

    /** Why there is no session; the handler answers with it like any refusal. */
    record Refused(Refusal refusal) implements LoginOutcome {
    }

    /** The user block of the login answer and of GET /v1/me. */
    record UserView(String personId, String name, String userType, String orgId, String orgName,
                    boolean superAdmin, List<String> permissions) {
    }
}
