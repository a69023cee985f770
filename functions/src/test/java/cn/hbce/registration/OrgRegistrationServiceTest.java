package cn.hbce.registration;

import static cn.hbce.testing.Refusals.assertLoginRefused;
import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.auth.LoginOutcome;
import cn.hbce.auth.LoginService;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgSummary;
import cn.hbce.org.OrgType;
import cn.hbce.testing.Actors;
import cn.hbce.testing.TestData;
import cn.hbce.testing.fakes.Faults;
import cn.hbce.testing.fakes.Fakes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 注册 of departments, units and bases at the service level: codes, claims, review, undo. */
class OrgRegistrationServiceTest {
    private final Fakes fakes = new Fakes();
    private final OrgRegistrationService registration = fakes.orgRegistrationService();
    private final LoginService login = fakes.loginService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "武汉市人力资源和社会保障局");
    private final AdminMembership deptAdmin = fakes.superAdminOf(dept);

    private static DepartmentRegistration.AdminApplicant applicant(String idCard) {
        return new DepartmentRegistration.AdminApplicant(idCard, "李管理", TestData.phone(), TestData.PASSWORD);
    }

    private RegistrationResult unit(String creditCode, String supervisor, String adminIdCard) {
        return registration.registerSupervised(OrgType.UNIT, new SupervisedOrgRegistration(creditCode, "武汉光谷软件园",
                supervisor, "420100", "027-87654321", applicant(adminIdCard)), Actors.anonymous("203.0.113.5").meta());
    }

    private LoginOutcome adminLogin(String type, String idCard) {
        return login.login(new LoginService.Command(type, idCard, TestData.PASSWORD, null), Actors.anonymous("203.0.113.5").meta());
    }

    @Test
    void aUnitWaitsForItsSupervisorWhileItsAdminMayAlreadySignIn() {
        String idCard = TestData.idCard();
        RegistrationResult r = unit(TestData.creditCode(), dept.orgId(), idCard);
        assertEquals("PENDING", r.status());
        Org org = fakes.orgs.get(r.orgId()).orElseThrow();
        assertEquals(OrgStatus.PENDING, org.status());
        assertEquals(dept.orgId(), org.parentOrgId());
        LoginOutcome.SignedIn in = assertInstanceOf(LoginOutcome.SignedIn.class, adminLogin("UNIT", idCard));
        assertTrue(in.user().superAdmin(), "the first admin is the super admin");
        assertTrue(fakes.orgs.lookup("光谷", Optional.empty(), 20).isEmpty(), "not findable before approval");

        String reviewId = fakes.reviewAbout(r.orgId());
        assertEquals(List.of(dept.orgId()), fakes.workflow.waitingFor(reviewId));
        fakes.decide(deptAdmin, reviewId, true);
        assertEquals(OrgStatus.APPROVED, fakes.orgs.get(r.orgId()).orElseThrow().status());
        assertEquals(List.of(new OrgSummary(r.orgId(), "武汉光谷软件园", OrgType.UNIT)),
                fakes.orgs.lookup("光谷", Optional.empty(), 20));
    }

    @Test
    void aDepartmentMaySitUnderTheRootAUnitOnlyUnderADepartment() {
        RegistrationResult d = registration.registerDepartment(new DepartmentRegistration(TestData.creditCode(), "黄石市人社局",
                root.orgId(), "420200", "0714-6221234", applicant(TestData.idCard())), Actors.anonymous("203.0.113.5").meta());
        assertEquals(List.of(root.orgId()), fakes.workflow.waitingFor(fakes.reviewAbout(d.orgId())));
        Org otherUnit = fakes.unit(dept.orgId(), "已有单位");
        Org pendingDept = fakes.org(OrgType.DEPARTMENT, "审核中部门", root.orgId(), OrgStatus.PENDING);
        for (String supervisor : new String[] {root.orgId(), otherUnit.orgId(), pendingDept.orgId(), "o_missing"}) {
            assertEquals(List.of("supervisorOrgId"), assertRefused("VALIDATION_FAILED",
                    () -> unit(TestData.creditCode(), supervisor, TestData.idCard())).fields(), supervisor);
        }
    }

    @Test
    void invalidCodesAreRefusedNamingTheField() {
        String code = TestData.creditCode();
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        assertEquals(List.of("creditCode"), assertRefused("CREDIT_CODE_INVALID",
                () -> unit(wrongCheck, dept.orgId(), TestData.idCard())).fields());
        assertEquals(List.of("admin.idCard"), assertRefused("ID_CARD_INVALID",
                () -> unit(TestData.creditCode(), dept.orgId(), "420106198001011234")).fields());
        assertTrue(fakes.orgs.claimCreditCode(wrongCheck, "o_probe"), "nothing was claimed");
    }

    @Test
    void aRegisteredCreditCodeIs409AndHoldsNothingElse() {
        String code = TestData.creditCode();
        unit(code, dept.orgId(), TestData.idCard());
        String secondAdmin = TestData.idCard();
        assertEquals(List.of("creditCode"), assertRefused("ALREADY_REGISTERED",
                () -> unit(code.toLowerCase(), dept.orgId(), secondAdmin)).fields());
        assertTrue(fakes.accounts.personIdForIdCard(secondAdmin).isEmpty(), "the admin's ID number was not kept");
    }

    @Test
    void anAdminWhoseIdNumberIsRegisteredIs409AndTheCreditCodeIsGivenBack() {
        String adminId = TestData.idCard();
        unit(TestData.creditCode(), dept.orgId(), adminId);
        String code = TestData.creditCode();
        assertEquals(List.of("admin.idCard"), assertRefused("ALREADY_REGISTERED",
                () -> unit(code, dept.orgId(), adminId)).fields());
        assertEquals("PENDING", unit(code, dept.orgId(), TestData.idCard()).status(), "the code is free again");
    }

    @Test
    void aRejectedOrgMayRegisterAgainWithTheSameCodeAndAdmin() {
        String code = TestData.creditCode();
        String adminId = TestData.idCard();
        RegistrationResult first = unit(code, dept.orgId(), adminId);
        fakes.decide(deptAdmin, fakes.reviewAbout(first.orgId()), false);
        assertEquals(OrgStatus.REJECTED, fakes.orgs.get(first.orgId()).orElseThrow().status());
        assertLoginRefused("ACCOUNT_REJECTED", adminLogin("UNIT", adminId));

        RegistrationResult second = unit(code, dept.orgId(), adminId);
        assertNotEquals(first.orgId(), second.orgId());
        assertInstanceOf(LoginOutcome.SignedIn.class, adminLogin("UNIT", adminId), "the new registration's admin signs in");
    }

    @Test
    void aRejectionDoesNotFreeTheIdNumberOfAnAdminWhoHoldsMore() {
        String adminId = TestData.idCard();
        RegistrationResult first = unit(TestData.creditCode(), dept.orgId(), adminId);
        String personId = fakes.accounts.personIdForIdCard(adminId).orElseThrow();
        Org other = fakes.unit(dept.orgId(), "另一单位");
        fakes.seat(other, fakes.accounts.person(personId).orElseThrow(), false, null);
        fakes.decide(deptAdmin, fakes.reviewAbout(first.orgId()), false);
        assertRefused("ALREADY_REGISTERED", () -> unit(TestData.creditCode(), dept.orgId(), adminId));
    }

    @Test
    void aFailedWriteGivesBothClaimsBack() {
        String code = TestData.creditCode();
        String adminId = TestData.idCard();
        for (String failing : new String[] {"OrgRepository.create", "AccountRepository.createMembership"}) {
            fakes.faults().failOn(failing);
            assertThrows(Faults.InjectedFault.class, () -> unit(code, dept.orgId(), adminId), failing);
            assertTrue(fakes.accounts.personIdForIdCard(adminId).isEmpty(), failing + ": the ID number is free");
        }
        assertEquals("PENDING", unit(code, dept.orgId(), adminId).status(), "both codes are free again");
    }
}
