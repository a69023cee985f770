package cn.hbce.auth;

import java.time.Instant;

/**
 * What a token asserts: whose session it is, in which org seat, and until when. The session item
 * stays the authority; the org and admin ids only let the authorizer fetch everything in one read.
 */
public record TokenClaims(String personId, String sessionId, String orgId, String adminId, Instant issuedAt,
                          Instant expiresAt) {
    public static final String ISSUER = "hbce";
}
