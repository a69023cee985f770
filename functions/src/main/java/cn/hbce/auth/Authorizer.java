package cn.hbce.auth;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.account.Session;
import cn.hbce.account.SessionStore;
import cn.hbce.common.domain.Actor;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a bearer token into the caller, checking on every request that the session still exists,
 * has not expired or idled out (admins), and that the person and admin seat are still enabled.
 */
public final class Authorizer {
    /** Activity is written at most this often, to keep reads cheap. */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(60);
    private final TokenCodec tokens;
    private final SessionSnapshot.Loader loader;
    private final SessionStore sessions;
    private final Caller caller;
    private final Clock clock;
    private final Duration adminIdleLimit;

    public Authorizer(TokenCodec tokens, SessionSnapshot.Loader loader, SessionStore sessions, Caller caller, Clock clock,
                      Duration adminIdleLimit) {
        this.tokens = tokens;
        this.loader = loader;
        this.sessions = sessions;
        this.caller = caller;
        this.clock = clock;
        this.adminIdleLimit = adminIdleLimit;
    }

    public Optional<Actor> authorize(String authorizationHeader) {
        Instant now = clock.instant();
        Optional<TokenClaims> claims = bearer(authorizationHeader).flatMap(t -> tokens.verify(t, now));
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        TokenClaims c = claims.get();
        SessionSnapshot snap = loader.load(c);
        if (snap.session().isEmpty() || snap.person().isEmpty()) {
            return Optional.empty();
        }
        Session session = snap.session().get();
        Person person = snap.person().get();
        if (!now.isBefore(session.expiresAt()) || person.disabled() || !sameSeat(session, c)) {
            return Optional.empty();
        }
        AdminMembership seat = null;
        if (session.adminSession()) {
            if (session.lastSeenAt().plus(adminIdleLimit).isBefore(now)) {
                sessions.delete(session.personId(), session.sessionId());
                return Optional.empty();
            }
            if (snap.membership().isEmpty() || snap.membership().get().disabled()) {
                return Optional.empty();
            }
            seat = snap.membership().get();
        }
        Optional<Org> org = snap.org();
        if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            sessions.touch(session.personId(), session.sessionId(), now);
        }
        boolean orgApproved = org.map(o -> o.status() == OrgStatus.APPROVED).orElse(false);
        return Optional.of(new Actor(person.personId(), session.sessionId(), session.userType(),
                session.orgId(), session.adminId(), seat != null && seat.superAdmin(), caller.permissions(seat),
                orgApproved, person.mustChangePassword()));
    }

    private static boolean sameSeat(Session session, TokenClaims c) {
        return java.util.Objects.equals(session.orgId(), c.orgId()) && java.util.Objects.equals(session.adminId(), c.adminId());
    }

    private static Optional<String> bearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() < 8 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        return Optional.of(h.substring(7).trim());
    }
}
