package cn.hbce.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.testing.Race;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link AccountRepository}, {@link LoginSourceLimiter} and {@link SessionStore} promise, run
 * against the DynamoDB adapters on dynalite ({@code DynamoAccountRepositoryIT}) and against the
 * in-memory fakes the service tests use ({@code InMemoryAccountRepositoryTest}), so the fakes
 * cannot drift from the table's conditional semantics.
 */
public abstract class AccountRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    protected AccountRepository accounts;
    protected LoginSourceLimiter sources;
    protected SessionStore sessions;

    /** The three ports over one fresh, empty table. */
    public record Ports(AccountRepository accounts, LoginSourceLimiter sources, SessionStore sessions) {
    }

    protected abstract Ports freshPorts();

    @BeforeEach
    void freshTable() {
        Ports p = freshPorts();
        accounts = p.accounts();
        sources = p.sources();
        sessions = p.sessions();
    }

    protected Person person(String id) {
        return new Person(id, "420106198001010015", "测试", "13900000000", "hash", null, false, false, LoginGuard.CLEAR, 1, NOW);
    }

    private Person professional(String id, RegistrationStatus status) {
        return new Person(id, "420106198001010015", "测试", "13900000000", "hash",
                new PersonRegistration("o_1", status, "高等学校教师", "中级"), false, false, LoginGuard.CLEAR, 1, NOW);
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
    void aRejectedClaimIsFreeForANewRegistrationAndOnlyItsHolderMarksIt() {
        assertTrue(accounts.claimIdCard("420106198001010015", "p_old"));
        accounts.markClaimRejected("420106198001010015", "p_other");
        assertFalse(accounts.claimIdCard("420106198001010015", "p_new"), "marked by someone else: still held");
        accounts.markClaimRejected("420106198001010015", "p_old");
        assertEquals("p_old", accounts.personIdForIdCard("420106198001010015").orElseThrow(), "the rejected record stays");
        assertTrue(accounts.claimIdCard("420106198001010015", "p_new"));
        assertEquals("p_new", accounts.personIdForIdCard("420106198001010015").orElseThrow());
        assertFalse(accounts.claimIdCard("420106198001010015", "p_third"), "the new claim is a live one");
    }

    @Test
    void aRegistrationIsDecidedOnceFromPending() {
        accounts.createPerson(professional("p_7", RegistrationStatus.PENDING));
        assertTrue(accounts.decideRegistration("p_7", RegistrationStatus.APPROVED));
        assertFalse(accounts.decideRegistration("p_7", RegistrationStatus.REJECTED), "already decided");
        assertEquals(RegistrationStatus.APPROVED, accounts.person("p_7").orElseThrow().registration().status());
        accounts.createPerson(person("p_8"));
        assertFalse(accounts.decideRegistration("p_8", RegistrationStatus.APPROVED), "an admin-only person has none");
        assertFalse(accounts.decideRegistration("p_missing", RegistrationStatus.APPROVED));
    }

    @Test
    void aPersonIsCreatedOnceAndReadBackWhole() {
        Person p = professional("p_9", RegistrationStatus.PENDING);
        accounts.createPerson(p);
        assertThrows(RuntimeException.class, () -> accounts.createPerson(person("p_9")), "the id is taken");
        assertEquals(p, accounts.person("p_9").orElseThrow());
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
    void aWindowNotUsedUpDoesNotLockAndAnUnknownPersonGetsNoCheck() {
        accounts.createPerson(person("p_10"));
        AttemptReservation first = accounts.reserveLoginAttempt("p_10", NOW);
        assertFalse(accounts.lockIfAttemptsUsed("p_10", first, NOW), "one failure of five");
        assertFalse(accounts.person("p_10").orElseThrow().guard().lockedAt(NOW));
        assertFalse(accounts.reserveLoginAttempt("p_nobody", NOW).granted());
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
    void withoutASourceAddressNothingIsCounted() {
        for (int i = 0; i < LoginGuard.MAX_SOURCE_FAILURES + 5; i++) {
            assertTrue(sources.reserve(null, NOW).granted());
        }
        assertEquals(AttemptReservation.UNCOUNTED, sources.reserve(" ", NOW));
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
    void aNewPasswordEndsTheLockAndKeepsTheRestOfThePerson() {
        accounts.createPerson(person("p_11"));
        AttemptReservation last = null;
        for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
            last = accounts.reserveLoginAttempt("p_11", NOW);
        }
        assertTrue(accounts.lockIfAttemptsUsed("p_11", last, NOW));
        Person locked = accounts.person("p_11").orElseThrow();
        assertTrue(accounts.updatePassword(locked.withPassword("temporary", true), locked.version()));
        Person after = accounts.person("p_11").orElseThrow();
        assertFalse(after.guard().lockedAt(NOW));
        assertTrue(after.mustChangePassword());
        assertEquals(locked.version() + 1, after.version());
        assertEquals(locked.name(), after.name());
        assertTrue(accounts.reserveLoginAttempt("p_11", NOW).granted(), "checks are possible again at once");
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
        sessions.deleteAll("p_4", null);
        assertTrue(sessions.get("p_4", "s_b").isEmpty());
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
    void aTouchOfAnEndedSessionDoesNotBringItBack() {
        sessions.create(new Session("p_12", "s_1", "UNIT", "o_1", "a_1", NOW, NOW.plusSeconds(7200), NOW));
        sessions.touch("p_12", "s_1", NOW.plusSeconds(60));
        assertEquals(NOW.plusSeconds(60), sessions.get("p_12", "s_1").orElseThrow().lastSeenAt());
        sessions.delete("p_12", "s_1");
        sessions.touch("p_12", "s_1", NOW.plusSeconds(120));
        assertTrue(sessions.get("p_12", "s_1").isEmpty());
    }

    @Test
    void adminSeatsAreFoundFromThePerson() {
        accounts.createMembership(new AdminMembership("a_1", "o_1", "DEPARTMENT", "p_5", null, true, false));
        accounts.createMembership(new AdminMembership("a_2", "o_2", "UNIT", "p_5", "r_1", false, false));
        List<AdminMembership> seats = accounts.membershipsOf("p_5");
        assertEquals(2, seats.size());
        assertEquals("r_1", accounts.membership("o_2", "a_2").orElseThrow().roleId());
        assertTrue(accounts.membership("o_1", "a_2").isEmpty(), "a seat is found in its own org only");
        assertThrows(RuntimeException.class,
                () -> accounts.createMembership(new AdminMembership("a_1", "o_1", "DEPARTMENT", "p_6", null, false, false)));
    }
}
