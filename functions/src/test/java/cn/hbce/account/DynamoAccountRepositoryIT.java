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
    private String table;
    private DynamoSessionStore sessions;

    @BeforeEach
    void freshTable() {
        table = LocalTable.create();
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
    void fiveReservedChecksThenRefusedAndTheLockEndsWithAnAuditableUnlock() {
        accounts.createPerson(person("p_1"));
        AttemptReservation last = null;
        for (int i = 1; i <= 5; i++) {
            last = accounts.reserveLoginAttempt("p_1", NOW.plusSeconds(i));
            assertTrue(last.granted(), "check " + i);
            assertFalse(last.endedLock());
        }
        assertFalse(accounts.reserveLoginAttempt("p_1", NOW.plusSeconds(6)).granted(), "no sixth check in the window");
        assertTrue(accounts.lockIfAttemptsUsed("p_1", last, NOW.plusSeconds(6)), "the window is used: lock");
        assertFalse(accounts.lockIfAttemptsUsed("p_1", last, NOW.plusSeconds(6)), "only one write locks");
        assertTrue(accounts.person("p_1").orElseThrow().guard().lockedAt(NOW.plus(LoginGuard.LOCK)));

        Instant windowOver = NOW.plus(LoginGuard.WINDOW).plusSeconds(60);
        assertFalse(accounts.reserveLoginAttempt("p_1", windowOver).granted(), "the lock outlasts the window");
        Instant lockOver = NOW.plusSeconds(6).plus(LoginGuard.LOCK).plusSeconds(1);
        AttemptReservation after = accounts.reserveLoginAttempt("p_1", lockOver);
        assertTrue(after.granted());
        assertTrue(after.endedLock(), "the first check after the lock reports the unlock");
        assertFalse(accounts.reserveLoginAttempt("p_1", lockOver.plusSeconds(1)).endedLock(), "reported once");
    }

    @Test
    void aCorrectPasswordGivesTheWindowBackAndAnOldWindowStartsAgain() {
        accounts.createPerson(person("p_4"));
        for (int i = 0; i < 4; i++) {
            accounts.reserveLoginAttempt("p_4", NOW);
        }
        accounts.clearFailures("p_4");
        for (int i = 0; i < 5; i++) {
            assertTrue(accounts.reserveLoginAttempt("p_4", NOW).granted());
        }
        assertFalse(accounts.reserveLoginAttempt("p_4", NOW).granted());
        assertTrue(accounts.reserveLoginAttempt("p_4", NOW.plus(LoginGuard.WINDOW).plusSeconds(1)).granted(),
                "without a lock, a new window opens after 15 minutes");
    }

    @Test
    void ofManySimultaneousChecksOnlyFiveAreReserved() throws Exception {
        accounts.createPerson(person("p_2"));
        List<Boolean> granted = Race.run(24, () -> accounts.reserveLoginAttempt("p_2", NOW).granted());
        assertEquals(LoginGuard.MAX_FAILURES, Collections.frequency(granted, true));
    }

    @Test
    void aSourceAddressGetsTwentyFailuresAndSuccessesDoNotCount() throws Exception {
        DynamoLoginSourceLimiter sources = new DynamoLoginSourceLimiter(LocalTable.client(), table);
        List<AttemptReservation> taken = Race.run(30, () -> sources.reserve("198.51.100.7", NOW));
        assertEquals(LoginGuard.MAX_SOURCE_FAILURES, taken.stream().filter(AttemptReservation::granted).count());
        AttemptReservation one = taken.stream().filter(AttemptReservation::granted).findFirst().orElseThrow();
        sources.release("198.51.100.7", one);
        assertTrue(sources.reserve("198.51.100.7", NOW).granted(), "a released place can be taken again");
        assertFalse(sources.reserve("198.51.100.7", NOW).granted());
        assertTrue(sources.reserve("198.51.100.8", NOW).granted(), "another address has its own budget");
        assertTrue(sources.reserve("198.51.100.7", NOW.plus(LoginGuard.WINDOW).plusSeconds(1)).granted(),
                "a new window after 15 minutes");
    }

    @Test
    void aStrongerHashReplacesTheOldOneOnlyIfUnchanged() {
        Person p = person("p_5");
        accounts.createPerson(p);
        assertFalse(accounts.replacePasswordHash("p_5", "other", "new"));
        assertTrue(accounts.replacePasswordHash("p_5", "hash", "new"));
        assertEquals("new", accounts.person("p_5").orElseThrow().passwordHash());
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
    void endingOneSeatsSessionsLeavesTheOthers() {
        sessions.create(new Session("p_6", "s_d", "DEPARTMENT", "o_1", "a_1", NOW, NOW.plusSeconds(7200), NOW));
        sessions.create(new Session("p_6", "s_u", "UNIT", "o_2", "a_2", NOW, NOW.plusSeconds(7200), NOW));
        sessions.create(new Session("p_6", "s_p", "PERSON", "o_2", null, NOW, NOW.plusSeconds(7200), NOW));
        sessions.deleteAllOfSeat("p_6", "a_2");
        assertTrue(sessions.get("p_6", "s_d").isPresent());
        assertTrue(sessions.get("p_6", "s_u").isEmpty());
        assertTrue(sessions.get("p_6", "s_p").isPresent());
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
