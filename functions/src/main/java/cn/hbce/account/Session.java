package cn.hbce.account;

import java.time.Instant;

/** A signed-in session; the token names it, and deleting it revokes the token at once. */
public record Session(
        String personId,
        String sessionId,
        String userType,
        String orgId,
        String adminId,
        Instant issuedAt,
        Instant expiresAt,
        Instant lastSeenAt) {

    public boolean adminSession() {
        return adminId != null;
    }
}
