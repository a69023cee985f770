package cn.hbce.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.testing.LocalTable;
import cn.hbce.testing.Race;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoAccountRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private DynamoAccountRepository accounts;
    private DynamoSessionStore sessions;

    @BeforeEach
    void freshTable() {
        String table = LocalTable.create();
        accounts = new DynamoAccountRepository(LocalTable.client(), table);
        sessions = new DynamoSessionStore(LocalTable.client(), table);
    }

    private Person person(String id) {
        return new Person(id, "420106198001010015", "测试", "13900000000", "hash", null, false, false, LoginGuard.CLEAR, 1, NOW);
    }

    @Test
    void onlyOneOfManySimultaneousClaimsOfAnIdNumberWins() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<Boolean> results = Race.run(8, () -> accounts.claimIdCard("420106198001010015", "p_" + n.incrementAndGet()));
        assertEquals(1, Collections.frequency(results, true));
        String holder = accounts.personIdForIdCard("420106198001010015").orElseThrow();
        accounts.releaseIdCard("420106198001010015", "p_someone_else");
        assertEquals(holder, accounts.personIdForIdCard("420106198001010015").orElseThrow(), "only the holder releases");
        accounts.releaseIdCard("420106198001010015", holder);
        assertTrue(accounts.personIdForIdCard("420106198001010015").isEmpty());
    }

    @Test
    void fiveFailuresInTheWindowLockTheAccountAndAnOldWindowStartsAgain() {
        accounts.createPerson(person("p_1"));
        for (int i = 1; i <= 4; i++) {
            LoginGuard g = accounts.recordFailure("p_1", NOW.plusSeconds(i));
            assertEquals(i, g.failures());
            assertFalse(g.lockedAt(NOW.plusSeconds(i)));
        }
        LoginGuard locked = accounts.recordFailure("p_1", NOW.plusSeconds(5));
        assertTrue(locked.lockedAt(NOW.plusSeconds(6)));
        assertTrue(accounts.person("p_1").orElseThrow().guard().lockedAt(NOW.plus(LoginGuard.LOCK).minusSeconds(1)));
        assertFalse(accounts.person("p_1").orElseThrow().guard().lockedAt(NOW.plus(LoginGuard.LOCK).plusSeconds(6)));

        accounts.clearFailures("p_1");
        accounts.recordFailure("p_1", NOW);
        LoginGuard later = accounts.recordFailure("p_1", NOW.plus(LoginGuard.WINDOW).plusSeconds(1));
        assertEquals(1, later.failures(), "a failure after the window starts a new count");
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        accounts.createPerson(person("p_2"));
        Race.run(4, () -> accounts.recordFailure("p_2", NOW));
        assertEquals(4, accounts.person("p_2").orElseThrow().guard().failures());
    }

    @Test
    void aPasswordChangeWithAStaleVersionIsRefused() {
        Person p = person("p_3");
        accounts.createPerson(p);
        assertTrue(accounts.updatePassword(p.withPassword("h2", false), p.version()));
        assertFalse(accounts.updatePassword(p.withPassword("h3", false), p.version()));
        assertEquals("h2", accounts.person("p_3").orElseThrow().passwordHash());
    }

    @Test
    void revokingAllSessionsKeepsOnlyTheNamedOne() {
        for (String sid : List.of("s_a", "s_b", "s_c")) {
            sessions.create(new Session("p_4", sid, "DEPARTMENT", "o_1", "a_1", NOW, NOW.plusSeconds(7200), NOW));
        }
        sessions.deleteAll("p_4", "s_b");
        assertTrue(sessions.get("p_4", "s_a").isEmpty());
        assertTrue(sessions.get("p_4", "s_b").isPresent());
        assertTrue(sessions.get("p_4", "s_c").isEmpty());
    }

    @Test
    void adminSeatsAreFoundFromThePerson() {
        accounts.createMembership(new AdminMembership("a_1", "o_1", "DEPARTMENT", "p_5", null, true, false));
        accounts.createMembership(new AdminMembership("a_2", "o_2", "UNIT", "p_5", "r_1", false, false));
        List<AdminMembership> seats = accounts.membershipsOf("p_5");
        assertEquals(2, seats.size());
        assertEquals("r_1", accounts.membership("o_2", "a_2").orElseThrow().roleId());
    }
}
