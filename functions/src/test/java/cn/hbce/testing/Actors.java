package cn.hbce.testing;

import cn.hbce.account.AdminMembership;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.audit.AuditContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place tests build callers. Services take the caller ({@link Actor}) and the audit
 * facts ({@link AuditContext}) today; a test names who acts with one {@link TestActor} and hands
 * {@code actor.principal()} / {@code actor.meta()} over, so moving the services to a domain actor
 * changes this class and those two accessors, not the tests' scenarios.
 */
public final class Actors {
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    private Actors() {
    }

    /** Who acts, as the service sees it (null principal: nobody signed in). */
    public record TestActor(Actor principal, AuditContext meta) {
        public String personId() {
            return principal == null ? null : principal.personId();
        }

        public String orgId() {
            return principal == null ? null : principal.orgId();
        }

        /** The same caller from another source address. */
        public TestActor from(String sourceIp) {
            return new TestActor(principal, new AuditContext(meta.requestId(), sourceIp, meta.actorPersonId(), meta.actorOrgId()));
        }
    }

    /** Nobody signed in (registration, login) from {@code sourceIp}. */
    public static TestActor anonymous(String sourceIp) {
        return new TestActor(null, new AuditContext(nextRequest(), sourceIp, null, null));
    }

    /** The super admin of an org, signed in with that seat. */
    public static TestActor superAdmin(AdminMembership seat) {
        return admin(seat, Set.of());
    }

    /** An admin signed in with {@code seat}, holding {@code permissions} through its role (all of them if super). */
    public static TestActor admin(AdminMembership seat, Set<String> permissions) {
        Actor p = new Actor(seat.personId(), "s_" + seat.adminId(), seat.orgType(), seat.orgId(), seat.adminId(),
                seat.superAdmin(), Set.copyOf(permissions), true, false);
        return new TestActor(p, new AuditContext(nextRequest(), "198.51.100.1", seat.personId(), seat.orgId()));
    }

    /** An admin of {@code orgId} that exists only as a caller (no seat in any table). */
    public static TestActor adminOf(String orgId, String orgType, String personId, boolean superAdmin, Set<String> permissions) {
        return admin(new AdminMembership("a_" + personId, orgId, orgType, personId, null, superAdmin, false), permissions);
    }

    /** A professional signed in as PERSON of their unit. */
    public static TestActor professional(String personId, String orgId) {
        return professional(personId, orgId, "s_" + personId);
    }

    /** A professional signed in with the session {@code sessionId}. */
    public static TestActor professional(String personId, String orgId, String sessionId) {
        Actor p = new Actor(personId, sessionId, "PERSON", orgId, null, false, Set.of(), true, false);
        return new TestActor(p, new AuditContext(nextRequest(), "198.51.100.2", personId, orgId));
    }

    private static String nextRequest() {
        return "req-" + REQUESTS.incrementAndGet();
    }
}
