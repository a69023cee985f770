package cn.hbce.auth;

import static cn.hbce.testing.Refusals.assertLoginRefused;
import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.Session;
import cn.hbce.account.TestHashers;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Race;
import cn.hbce.testing.TestData;
import cn.hbce.testing.fakes.Fakes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 登录 and lockout at the service level, over the fakes with a hand-moved clock. */
class LoginServiceTest {
    private static final String WRONG = "Wrong#Pass99";
    private final Fakes fakes = new Fakes();
    private final LoginService login = fakes.loginService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "武汉市人社局");
    private final Org unit = fakes.unit(dept.orgId(), "武汉大学");

    private LoginOutcome attempt(String userType, Person who, String password, String ip) {
        return login.login(new LoginService.Command(userType, who.idCard(), password, null), Actors.anonymous(ip).meta());
    }

    private Person approvedProfessional() {
        return fakes.professional("张三", TestData.PASSWORD, unit.orgId(), RegistrationStatus.APPROVED);
    }

    @Test
    void ofFiftySimultaneousGuessesOnlyFiveGetAPasswordCheckAndOneLocks() throws Exception {
        Person p = approvedProfessional();
        AtomicInteger n = new AtomicInteger();
        List<LoginOutcome> outcomes = Race.run(50, () -> attempt("PERSON", p, WRONG, "203.0.113." + n.incrementAndGet()));
        List<String> reasons = outcomes.stream().map(o -> ((LoginOutcome.Refused) o).refusal().reason().code()).toList();
        assertEquals(LoginGuard.MAX_FAILURES, Collections.frequency(reasons, "INVALID_CREDENTIALS"), reasons::toString);
        assertEquals(50 - LoginGuard.MAX_FAILURES, Collections.frequency(reasons, "ACCOUNT_LOCKED"), reasons::toString);
        assertEquals(1, fakes.audit.of("ACCOUNT_LOCK").size(), "the lock is audited once");
        assertLoginRefused("ACCOUNT_LOCKED", attempt("PERSON", p, TestData.PASSWORD, "203.0.113.200"));
    }

    @Test
    void aLockedAnswerSaysUntilWhenSoTheLoginPageCanShowIt() {
        Person p = approvedProfessional();
        for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
            assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", p, WRONG, "203.0.113.1"));
        }
        Instant lockedAt = Instant.ofEpochSecond(fakes.clock.instant().getEpochSecond());
        fakes.clock.advance(Duration.ofMinutes(7));
        LoginOutcome.Refused refused = assertInstanceOf(LoginOutcome.Refused.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.1"));
        assertEquals("ACCOUNT_LOCKED", refused.refusal().reason().code());
        assertEquals(List.of(Map.of("lockedUntil", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(lockedAt.plus(LoginGuard.LOCK).atOffset(java.time.ZoneOffset.ofHours(8))))),
                refused.refusal().details(), "the lock's end, not the time of asking");
    }

    @Test
    void aLockedAccountRefusesTheRightPasswordUntilTheLockTimeHasPassed() {
        Person p = approvedProfessional();
        for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
            assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", p, WRONG, "203.0.113.1"));
            fakes.clock.advance(Duration.ofSeconds(10));
        }
        assertLoginRefused("ACCOUNT_LOCKED", attempt("PERSON", p, TestData.PASSWORD, "203.0.113.1"));
        fakes.clock.advance(LoginGuard.LOCK.minusMinutes(1));
        assertLoginRefused("ACCOUNT_LOCKED", attempt("PERSON", p, TestData.PASSWORD, "203.0.113.1"));
        fakes.clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.1"));
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ACCOUNT_UNLOCK", p.personId()), "the unlock is audited once");
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ACCOUNT_LOCK", p.personId()));
    }

    @Test
    void failuresOlderThanTheWindowDoNotAddUp() {
        Person p = approvedProfessional();
        for (int i = 0; i < LoginGuard.MAX_FAILURES - 1; i++) {
            attempt("PERSON", p, WRONG, "203.0.113.1");
        }
        fakes.clock.advance(LoginGuard.WINDOW.plusSeconds(1));
        for (int i = 0; i < LoginGuard.MAX_FAILURES - 1; i++) {
            assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", p, WRONG, "203.0.113.1"));
        }
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.1"));
    }

    @Test
    void aCorrectPasswordForgetsTheFailuresBeforeIt() {
        Person p = approvedProfessional();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < LoginGuard.MAX_FAILURES - 1; i++) {
                assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", p, WRONG, "203.0.113.1"));
            }
            assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.1"));
        }
        assertTrue(fakes.audit.of("ACCOUNT_LOCK").isEmpty());
    }

    @Test
    void anAddressThatSpentItsBudgetIsAnswered429BeforeAnyAccountIsTouched() {
        Person p = approvedProfessional();
        for (int i = 0; i < LoginGuard.MAX_SOURCE_FAILURES; i++) {
            Person stranger = new Person("p_x", TestData.idCard(), "无名", null, null, null, false, false, LoginGuard.CLEAR, 1,
                    fakes.clock.instant());
            assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", stranger, WRONG, "203.0.113.9"));
        }
        assertLoginRefused("TOO_MANY_ATTEMPTS", attempt("PERSON", p, TestData.PASSWORD, "203.0.113.9"));
        assertEquals(0, fakes.reload(p).guard().failures(), "the account's own window was not touched");
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.10"),
                "another address is not affected");
        fakes.clock.advance(LoginGuard.WINDOW.plusSeconds(1));
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.9"),
                "the address's window ends");
    }

    @Test
    void successfulLoginsDoNotSpendTheAddressBudget() {
        Person p = approvedProfessional();
        for (int i = 0; i < LoginGuard.MAX_SOURCE_FAILURES + 10; i++) {
            assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.20"));
        }
        Person other = fakes.professional("李四", TestData.PASSWORD, unit.orgId(), RegistrationStatus.APPROVED);
        assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", other, WRONG, "203.0.113.20"));
    }

    @Test
    void anOldHashIsReplacedByTheCurrentWorkFactorAtTheNextCorrectLogin() {
        PasswordHasher old = TestHashers.withIterations(TestHashers.FAST_ITERATIONS / 2);
        Person p = fakes.person("王五", TestData.PASSWORD, null);
        fakes.accounts.replacePasswordHash(p.personId(), p.passwordHash(), old.hash(TestData.PASSWORD));
        AdminMembership seat = fakes.seat(unit, p, true, null);
        String before = fakes.reload(p).passwordHash();

        assertLoginRefused("INVALID_CREDENTIALS", attempt(seat.orgType(), p, WRONG, "203.0.113.1"));
        assertEquals(before, fakes.reload(p).passwordHash(), "a wrong password changes nothing");
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt(seat.orgType(), p, TestData.PASSWORD, "203.0.113.1"));
        String after = fakes.reload(p).passwordHash();
        assertNotEquals(before, after);
        assertTrue(after.startsWith("pbkdf2-sha256$" + TestHashers.FAST_ITERATIONS + "$"), after);
        assertFalse(fakes.hasher.needsRehash(after));
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt(seat.orgType(), p, TestData.PASSWORD, "203.0.113.1"),
                "the same password opens the upgraded hash");
    }

    @Test
    void pendingRejectedAndDisabledAccountsAreToldSoOnlyAfterTheRightPassword() {
        Person pending = fakes.professional("待审", TestData.PASSWORD, unit.orgId(), RegistrationStatus.PENDING);
        Person rejected = fakes.professional("驳回", TestData.PASSWORD, unit.orgId(), RegistrationStatus.REJECTED);
        Person disabled = approvedProfessional();
        fakes.accounts.disablePerson(disabled.personId());

        assertLoginRefused("ACCOUNT_PENDING", attempt("PERSON", pending, TestData.PASSWORD, "203.0.113.1"));
        assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", pending, WRONG, "203.0.113.1"));
        assertLoginRefused("ACCOUNT_REJECTED", attempt("PERSON", rejected, TestData.PASSWORD, "203.0.113.1"));
        assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", rejected, WRONG, "203.0.113.1"));
        assertLoginRefused("ACCOUNT_DISABLED", attempt("PERSON", disabled, TestData.PASSWORD, "203.0.113.1"));
        assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", disabled, WRONG, "203.0.113.1"));
        assertTrue(fakes.sessions.of(pending.personId()).isEmpty());
        assertTrue(fakes.sessions.of(disabled.personId()).isEmpty());
    }

    @Test
    void anAdminOfARejectedOrgOrADisabledSeatIsRefusedAndOfAPendingOrgSignsIn() {
        Org rejectedOrg = fakes.org(OrgType.UNIT, "被驳回单位", dept.orgId(), OrgStatus.REJECTED);
        Org pendingOrg = fakes.org(OrgType.BASE, "审核中基地", dept.orgId(), OrgStatus.PENDING);
        AdminMembership ofRejected = fakes.superAdminOf(rejectedOrg);
        AdminMembership ofPending = fakes.superAdminOf(pendingOrg);
        Person rejectedAdmin = fakes.accounts.person(ofRejected.personId()).orElseThrow();
        Person pendingAdmin = fakes.accounts.person(ofPending.personId()).orElseThrow();
        assertLoginRefused("ACCOUNT_REJECTED", attempt("UNIT", rejectedAdmin, TestData.PASSWORD, "203.0.113.1"));
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt("BASE", pendingAdmin, TestData.PASSWORD, "203.0.113.1"));
        assertLoginRefused("INVALID_CREDENTIALS", attempt("DEPARTMENT", pendingAdmin, TestData.PASSWORD, "203.0.113.1"),
                "no seat of that type");

        AdminMembership seat = fakes.superAdminOf(unit);
        fakes.subordinates.setSeatDisabled(unit.orgId(), seat.adminId(), true);
        Person admin = fakes.accounts.person(seat.personId()).orElseThrow();
        assertLoginRefused("ACCOUNT_DISABLED", attempt("UNIT", admin, TestData.PASSWORD, "203.0.113.1"));
    }

    @Test
    void withSeatsInTwoUnitsTheEnabledOneIsChosen() {
        Org other = fakes.unit(dept.orgId(), "华中科技大学");
        Person p = fakes.person("双重身份", TestData.PASSWORD);
        AdminMembership first = fakes.seat(unit, p, true, null);
        AdminMembership second = fakes.seat(other, p, true, null);
        AdminMembership disabled = first.orgId().compareTo(second.orgId()) < 0 ? first : second;
        fakes.subordinates.setSeatDisabled(disabled.orgId(), disabled.adminId(), true);
        LoginOutcome.SignedIn in = assertInstanceOf(LoginOutcome.SignedIn.class, attempt("UNIT", p, TestData.PASSWORD, "203.0.113.1"));
        assertNotEquals(disabled.orgId(), in.user().orgId());
    }

    @Test
    void aSignInOpensASessionTheTokenNamesAndSaysWhatTheAdminMay() {
        var role = fakes.role(unit.orgId(), "审核员", Set.of("org.edit", "stats.view"));
        Person p = fakes.person("管理员", TestData.PASSWORD);
        AdminMembership seat = fakes.seat(unit, p, false, role.roleId());
        LoginOutcome.SignedIn in = assertInstanceOf(LoginOutcome.SignedIn.class, attempt("UNIT", p, TestData.PASSWORD, "203.0.113.1"));
        assertEquals(List.of("org.edit", "stats.view"), in.user().permissions());
        assertEquals(unit.name(), in.user().orgName());
        assertEquals(fakes.clock.instant().plus(Fakes.TOKEN_LIFETIME), in.expiresAt());
        TokenClaims claims = fakes.tokens.verify(in.token(), fakes.clock.instant()).orElseThrow();
        Session session = fakes.sessions.get(p.personId(), claims.sessionId()).orElseThrow();
        assertEquals(seat.adminId(), session.adminId());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("LOGIN", p.personId()));
        assertFalse(in.mustChangePassword());
    }

    @Test
    void anUnknownOrMalformedIdNumberLooksLikeAWrongPassword() {
        Person nobody = new Person("p_x", TestData.idCard(), "无名", null, null, null, false, false, LoginGuard.CLEAR, 1,
                fakes.clock.instant());
        Person malformed = new Person("p_y", "12345", "无名", null, null, null, false, false, LoginGuard.CLEAR, 1,
                fakes.clock.instant());
        assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", nobody, TestData.PASSWORD, "203.0.113.1"));
        assertLoginRefused("INVALID_CREDENTIALS", attempt("PERSON", malformed, TestData.PASSWORD, "203.0.113.1"));
        assertEquals(List.of("FAILURE:INVALID_CREDENTIALS", "FAILURE:INVALID_CREDENTIALS"), fakes.audit.results("LOGIN", "-"));
    }

    @Test
    void aPasswordChangeCountsWrongOldPasswordsLikeLoginsAndEndsTheOtherSessions() {
        Person p = approvedProfessional();
        AccountService account = fakes.accountService();
        LoginOutcome.SignedIn here = assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.1"));
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, TestData.PASSWORD, "203.0.113.2"));
        String sid = fakes.tokens.verify(here.token(), fakes.clock.instant()).orElseThrow().sessionId();
        Actors.TestActor me = Actors.professional(p.personId(), unit.orgId(), sid);
        var principal = me.principal();

        assertRefused("WRONG_PASSWORD", () -> account.changePassword(principal, WRONG, "New#Pass2026", me.meta()));
        assertRefused("WEAK_PASSWORD", () -> account.changePassword(principal, TestData.PASSWORD, "weak", me.meta()));
        account.changePassword(principal, TestData.PASSWORD, "New#Pass2026", me.meta());
        assertEquals(List.of(sid), fakes.sessions.of(p.personId()).stream().map(Session::sessionId).toList(),
                "only the session that changed it goes on");
        assertInstanceOf(LoginOutcome.SignedIn.class, attempt("PERSON", p, "New#Pass2026", "203.0.113.1"));

        for (int i = 0; i < LoginGuard.MAX_FAILURES - 1; i++) {
            assertRefused("WRONG_PASSWORD", () -> account.changePassword(principal, WRONG, "Other#Pass2026", me.meta()));
        }
        assertRefused("ACCOUNT_LOCKED", () -> account.changePassword(principal, WRONG, "Other#Pass2026", me.meta()));
        assertTrue(fakes.sessions.of(p.personId()).isEmpty(), "a lock ends every session");
        assertLoginRefused("ACCOUNT_LOCKED", attempt("PERSON", p, "New#Pass2026", "203.0.113.1"));
    }
}
