package cn.hbce.org.subordinates;

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
import cn.hbce.account.Session;
import cn.hbce.auth.LoginOutcome;
import cn.hbce.auth.LoginService;
import cn.hbce.common.paging.Page;
import cn.hbce.org.Org;
import cn.hbce.org.OrgType;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.TestData;
import cn.hbce.testing.fakes.Fakes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 下属机构管理 at the service level: jurisdiction, disabling one seat, resetting a shared account. */
class SubordinateServiceTest {
    private static final String WRONG = "Wrong#Pass99";
    private final Fakes fakes = new Fakes();
    private final SubordinateService service = fakes.subordinateService();
    private final LoginService login = fakes.loginService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "武汉市人社局");
    private final TestActor deptAdmin = Actors.superAdmin(fakes.superAdminOf(dept));
    private final Org otherDept = fakes.department(root.orgId(), "黄石市人社局");
    private final Org unit = fakes.unit(dept.orgId(), "武汉大学");
    private final Org foreignUnit = fakes.unit(otherDept.orgId(), "湖北理工学院");

    private LoginOutcome loginAs(String type, Person p, String password, String orgId) {
        return login.login(new LoginService.Command(type, p.idCard(), password, orgId), Actors.anonymous("203.0.113.1").meta());
    }

    private Session openSession(Person p, String userType, String orgId, String adminId) {
        Instant now = fakes.clock.instant();
        Session s = new Session(p.personId(), "s_" + userType + orgId, userType, orgId, adminId, now, now.plus(Fakes.TOKEN_LIFETIME), now);
        fakes.sessions.create(s);
        return s;
    }

    @Test
    void onlyOrgsDirectlyBelowAreInJurisdictionAndOthersLookMissing() {
        Org grandchild = fakes.department(fakes.department(dept.orgId(), "江岸区人社局").orgId(), "某街道");
        AdminMembership foreignSeat = fakes.superAdminOf(foreignUnit);
        AdminMembership grandchildSeat = fakes.superAdminOf(grandchild);
        for (Org outside : List.of(foreignUnit, grandchild, dept, root)) {
            assertRefused("NOT_FOUND", () -> service.admins(deptAdmin.principal(), outside.orgId()));
        }
        assertRefused("NOT_FOUND", () -> service.setDisabled(deptAdmin.principal(), foreignUnit.orgId(),
                foreignSeat.adminId(), true, deptAdmin.meta()));
        assertRefused("NOT_FOUND", () -> service.resetPassword(deptAdmin.principal(), grandchild.orgId(),
                grandchildSeat.adminId(), deptAdmin.meta()));
        assertRefused("NOT_FOUND", () -> service.setDisabled(deptAdmin.principal(), unit.orgId(),
                foreignSeat.adminId(), true, deptAdmin.meta()), "a seat of another org under my subordinate's id");
        assertFalse(fakes.admins.seat(foreignUnit.orgId(), foreignSeat.adminId()).orElseThrow().disabled());
        assertTrue(fakes.audit.of("ADMIN_DISABLE").isEmpty());
    }

    @Test
    void disablingASeatEndsOnlyThatSeatsSessionsAndLogin() {
        Org otherUnit = fakes.unit(dept.orgId(), "华中科技大学");
        Person p = fakes.professional("兼职管理员", TestData.PASSWORD, unit.orgId(), RegistrationStatus.APPROVED);
        AdminMembership here = fakes.seat(unit, p, true, null);
        AdminMembership there = fakes.seat(otherUnit, p, true, null);
        Session hereSession = openSession(p, "UNIT", unit.orgId(), here.adminId());
        Session thereSession = openSession(p, "UNIT", otherUnit.orgId(), there.adminId());
        Session personSession = openSession(p, "PERSON", unit.orgId(), null);

        service.setDisabled(deptAdmin.principal(), unit.orgId(), here.adminId(), true, deptAdmin.meta());
        List<String> left = fakes.sessions.of(p.personId()).stream().map(Session::sessionId).toList();
        assertEquals(List.of(thereSession.sessionId(), personSession.sessionId()), left);
        assertFalse(left.contains(hereSession.sessionId()));
        assertLoginRefused("ACCOUNT_DISABLED", loginAs("UNIT", p, TestData.PASSWORD, unit.orgId()));
        assertInstanceOf(LoginOutcome.SignedIn.class, loginAs("UNIT", p, TestData.PASSWORD, otherUnit.orgId()));
        assertInstanceOf(LoginOutcome.SignedIn.class, loginAs("PERSON", p, TestData.PASSWORD, null));
        assertEquals("DISABLED", service.admins(deptAdmin.principal(), unit.orgId()).stream()
                .filter(a -> a.adminId().equals(here.adminId())).findFirst().orElseThrow().status());

        service.setDisabled(deptAdmin.principal(), unit.orgId(), here.adminId(), false, deptAdmin.meta());
        assertInstanceOf(LoginOutcome.SignedIn.class, loginAs("UNIT", p, TestData.PASSWORD, unit.orgId()));
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ADMIN_DISABLE", here.adminId()));
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ADMIN_ENABLE", here.adminId()));
    }

    @Test
    void aResetGivesATemporaryPasswordAndEndsEverySession() {
        AdminMembership seat = fakes.superAdminOf(unit);
        Person p = fakes.accounts.person(seat.personId()).orElseThrow();
        openSession(p, "UNIT", unit.orgId(), seat.adminId());
        String temporary = service.resetPassword(deptAdmin.principal(), unit.orgId(), seat.adminId(), deptAdmin.meta());
        assertNotEquals(TestData.PASSWORD, temporary);
        assertTrue(fakes.sessions.of(p.personId()).isEmpty());
        assertLoginRefused("INVALID_CREDENTIALS", loginAs("UNIT", p, TestData.PASSWORD, null), "the old password is gone");
        LoginOutcome.SignedIn in = assertInstanceOf(LoginOutcome.SignedIn.class, loginAs("UNIT", p, temporary, null));
        assertTrue(in.mustChangePassword());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ADMIN_PASSWORD_RESET", seat.adminId()));
    }

    @Test
    void aSeatOutsideTheSubtreeMakesTheAccountSharedAndItsPasswordStays() {
        Person p = fakes.person("两地管理员", TestData.PASSWORD);
        AdminMembership here = fakes.seat(unit, p, true, null);
        fakes.seat(foreignUnit, p, false, null);
        assertRefused("SHARED_ACCOUNT", () -> service.resetPassword(deptAdmin.principal(), unit.orgId(), here.adminId(),
                deptAdmin.meta()));
        assertEquals(p.passwordHash(), fakes.reload(p).passwordHash());
        assertEquals(List.of("FAILURE:SHARED_ACCOUNT"), fakes.audit.results("ADMIN_PASSWORD_RESET", here.adminId()));
    }

    @Test
    void aRegistrationOutsideTheSubtreeMakesTheAccountSharedUnlessItWasRejected() {
        Person registeredElsewhere = fakes.professional("外单位专技", TestData.PASSWORD, foreignUnit.orgId(),
                RegistrationStatus.APPROVED);
        AdminMembership seat = fakes.seat(unit, registeredElsewhere, false, null);
        assertRefused("SHARED_ACCOUNT", () -> service.resetPassword(deptAdmin.principal(), unit.orgId(), seat.adminId(),
                deptAdmin.meta()));

        Person rejectedElsewhere = fakes.professional("曾被驳回", TestData.PASSWORD, foreignUnit.orgId(),
                RegistrationStatus.REJECTED);
        AdminMembership other = fakes.seat(unit, rejectedElsewhere, false, null);
        service.resetPassword(deptAdmin.principal(), unit.orgId(), other.adminId(), deptAdmin.meta());
    }

    @Test
    void seatsAndRegistrationsDeeperInTheSubtreeDoNotMakeItShared() {
        Org subDept = fakes.department(dept.orgId(), "江岸区人社局");
        Org deepUnit = fakes.unit(subDept.orgId(), "江岸区某医院");
        Person p = fakes.professional("本辖区", TestData.PASSWORD, deepUnit.orgId(), RegistrationStatus.APPROVED);
        AdminMembership seat = fakes.seat(unit, p, false, null);
        fakes.seat(deepUnit, p, false, null);
        service.resetPassword(deptAdmin.principal(), unit.orgId(), seat.adminId(), deptAdmin.meta());
    }

    @Test
    void aResetOfALockedAccountUnlocksItAndTheUnlockIsAudited() {
        AdminMembership seat = fakes.superAdminOf(unit);
        Person p = fakes.accounts.person(seat.personId()).orElseThrow();
        for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
            loginAs("UNIT", p, WRONG, null);
        }
        assertLoginRefused("ACCOUNT_LOCKED", loginAs("UNIT", p, TestData.PASSWORD, null));
        String temporary = service.resetPassword(deptAdmin.principal(), unit.orgId(), seat.adminId(), deptAdmin.meta());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ACCOUNT_UNLOCK", p.personId()));
        assertInstanceOf(LoginOutcome.SignedIn.class, loginAs("UNIT", p, temporary, null), "no wait for the lock to end");
    }

    @Test
    void theListShowsDirectChildrenOnlyWithPhonesMaskedAndPages() {
        fakes.unit(dept.orgId(), "华中科技大学");
        fakes.org(OrgType.BASE, "继续教育基地", dept.orgId(), cn.hbce.org.OrgStatus.PENDING);
        fakes.department(fakes.department(dept.orgId(), "江岸区人社局").orgId(), "更下一级");
        List<Subordinate> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Subordinate> page = service.list(deptAdmin.principal(), Optional.empty(), Optional.empty(), 2, cursor);
            all.addAll(page.items());
            cursor = Optional.ofNullable(page.nextCursor());
        } while (cursor.isPresent());
        assertEquals(4, all.size(), all::toString);
        assertTrue(all.stream().noneMatch(s -> s.name().equals("更下一级")));
        assertTrue(all.stream().allMatch(s -> s.contactPhone() == null || s.contactPhone().contains("*")), all::toString);
        assertEquals(List.of("继续教育基地"), service.list(deptAdmin.principal(), Optional.of(OrgType.BASE), Optional.empty(), 10,
                Optional.empty()).items().stream().map(Subordinate::name).toList());
        assertEquals(List.of("武汉大学"), service.list(deptAdmin.principal(), Optional.empty(), Optional.of("武汉"), 10,
                Optional.empty()).items().stream().map(Subordinate::name).toList());
    }
}
