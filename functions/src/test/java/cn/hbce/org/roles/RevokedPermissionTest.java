package cn.hbce.org.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.auth.Caller;
import cn.hbce.org.CachedRoleRepository;
import cn.hbce.org.PermissionCatalogue;
import cn.hbce.org.RoleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A permission taken off a role stops working for requests within 60 s, without signing in again. */
class RevokedPermissionTest {
    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Map<String, Set<String>> stored = new ConcurrentHashMap<>();
    private final RoleRepository table = (orgId, roleId) -> Optional.ofNullable(stored.get(orgId + "/" + roleId));
    private final ManualClock clock = new ManualClock();
    private final Caller caller = new Caller(PermissionCatalogue.load(), new CachedRoleRepository(table, clock));
    private final AdminMembership seat = new AdminMembership("a_1", "o_1", "DEPARTMENT", "p_1", "r_1", false, false);

    @Test
    void aRemovedPermissionStopsWorkingWithinSixtySeconds() {
        stored.put("o_1/r_1", Set.of("org.departments", "stats.view"));
        assertTrue(caller.permissions(seat).contains("org.departments"));

        stored.put("o_1/r_1", Set.of("stats.view"));
        clock.advance(Duration.ofSeconds(60));
        Set<String> after = caller.permissions(seat);
        assertFalse(after.contains("org.departments"), "still granted 60 s after removal: " + after);
        assertEquals(Set.of("stats.view"), after);
    }

    @Test
    void theCacheNeverKeepsARoleLongerThanItsTtl() {
        stored.put("o_1/r_1", Set.of("org.departments"));
        caller.permissions(seat);
        stored.put("o_1/r_1", Set.of());
        clock.advance(CachedRoleRepository.TTL.plusSeconds(1));
        assertTrue(caller.permissions(seat).isEmpty());
        assertTrue(CachedRoleRepository.TTL.compareTo(Duration.ofSeconds(60)) < 0, "the TTL must stay under the 60 s bound");
    }

    @Test
    void aDeletedRoleGrantsNothing() {
        stored.put("o_1/r_1", Set.of("org.departments"));
        caller.permissions(seat);
        stored.remove("o_1/r_1");
        clock.advance(Duration.ofSeconds(60));
        assertTrue(caller.permissions(seat).isEmpty());
    }

    @Test
    void superAdminOnlyCodesStoredOnARoleAreIgnored() {
        stored.put("o_1/r_1", Set.of("admins.manage", "roles.manage", "org.edit"));
        assertEquals(Set.of("org.edit"), caller.permissions(seat));
    }
}
