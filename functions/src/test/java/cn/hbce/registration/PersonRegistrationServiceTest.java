package cn.hbce.registration;

import static cn.hbce.testing.Refusals.assertLoginRefused;
import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.auth.LoginOutcome;
import cn.hbce.auth.LoginService;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Refusals;
import cn.hbce.testing.TestData;
import cn.hbce.testing.fakes.Faults;
import cn.hbce.testing.fakes.Fakes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 专业技术人员注册 at the service level: checks, one live registration per ID number, review, undo. */
class PersonRegistrationServiceTest {
    private final Fakes fakes = new Fakes();
    private final PersonRegistrationService registration = fakes.personRegistrationService();
    private final LoginService login = fakes.loginService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "武汉市卫生健康委员会");
    private final AdminMembership deptAdmin = fakes.superAdminOf(dept);
    private final Org unit = fakes.unit(dept.orgId(), "武汉市中心医院");

    private PersonRegistrationRequest request(String idCard, String unitOrgId) {
        return new PersonRegistrationRequest(idCard, "张三", TestData.phone(), TestData.PASSWORD, unitOrgId, "卫生技术人员",
                "中级", null, "本科", "临床医学");
    }

    private RegistrationResult register(PersonRegistrationRequest req) {
        return registration.register(req, Actors.anonymous("203.0.113.5").meta());
    }

    private LoginOutcome loginAsPerson(String idCard) {
        return login.login(new LoginService.Command("PERSON", idCard, TestData.PASSWORD, null),
                Actors.anonymous("203.0.113.5").meta());
    }

    @Test
    void aRegistrationWaitsForTheSupervisingDepartmentThenOpensTheLogin() {
        String idCard = TestData.idCard();
        RegistrationResult r = register(request(idCard, unit.orgId()));
        assertEquals("PENDING", r.status());
        assertLoginRefused("ACCOUNT_PENDING", loginAsPerson(idCard));
        String reviewId = fakes.reviewAbout(r.personId());
        assertEquals(List.of(dept.orgId()), fakes.workflow.waitingFor(reviewId), "the unit's supervisor decides");
        assertEquals(1, fakes.reviews.countPending(dept.orgId(), ReviewKind.PERSON_REGISTRATION));

        assertEquals(ReviewService.Outcome.DONE, fakes.decide(deptAdmin, reviewId, true));
        assertEquals(ReviewStatus.APPROVED, fakes.reviews.get(reviewId).orElseThrow().status());
        LoginOutcome.SignedIn in = assertInstanceOf(LoginOutcome.SignedIn.class, loginAsPerson(idCard));
        assertEquals(unit.orgId(), in.user().orgId());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("REGISTER_PERSON", r.personId()));
    }

    @Test
    void aProfessionalOfADepartmentIsReviewedByThatDepartment() {
        RegistrationResult r = register(request(TestData.idCard(), dept.orgId()));
        assertEquals(List.of(dept.orgId()), fakes.workflow.waitingFor(fakes.reviewAbout(r.personId())));
    }

    @Test
    void anInvalidIdNumberPhoneOrPasswordIsRefusedNamingTheField() {
        String valid = TestData.idCard();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        assertEquals(List.of("idCard"), assertRefused("ID_CARD_INVALID", () -> register(request(wrongCheck, unit.orgId()))).fields());
        assertRefused("ID_CARD_INVALID", () -> register(request("420106209901010011", unit.orgId())));
        PersonRegistrationRequest badPhone = new PersonRegistrationRequest(valid, "张三", "12345", TestData.PASSWORD,
                unit.orgId(), "卫生技术人员", "中级", null, null, null);
        assertRefused("PHONE_INVALID", () -> register(badPhone));
        PersonRegistrationRequest weak = new PersonRegistrationRequest(valid, "张三", TestData.phone(), "password",
                unit.orgId(), "卫生技术人员", "中级", null, null, null);
        assertRefused("WEAK_PASSWORD", () -> register(weak));
        PersonRegistrationRequest female = new PersonRegistrationRequest(valid, "张三", TestData.phone(), TestData.PASSWORD,
                unit.orgId(), "卫生技术人员", "中级", "FEMALE", null, null);
        assertEquals(List.of("gender"), assertRefused("VALIDATION_FAILED", () -> register(female)).fields(),
                "the ID number says male");
        assertTrue(fakes.accounts.personIdForIdCard(valid).isEmpty(), "nothing was claimed");
    }

    @Test
    void onlyAnApprovedUnitOrDepartmentTakesRegistrations() {
        Org pendingUnit = fakes.org(OrgType.UNIT, "审核中单位", dept.orgId(), OrgStatus.PENDING);
        for (String orgId : new String[] {pendingUnit.orgId(), root.orgId(), "o_missing"}) {
            assertEquals(List.of("unitOrgId"), assertRefused("VALIDATION_FAILED",
                    () -> register(request(TestData.idCard(), orgId))).fields());
        }
        assertEquals(List.of("titleSeries"), assertRefused("VALIDATION_FAILED", () -> register(new PersonRegistrationRequest(
                TestData.idCard(), "张三", TestData.phone(), TestData.PASSWORD, unit.orgId(), "卫生技术人员", "特级", null,
                null, null))).fields());
    }

    @Test
    void aPendingOrApprovedIdNumberCannotRegisterAgain() {
        String idCard = TestData.idCard();
        RegistrationResult first = register(request(idCard, unit.orgId()));
        Refusals.Refused again = assertRefused("ALREADY_REGISTERED", () -> register(request(idCard, unit.orgId())));
        assertEquals(List.of("idCard"), again.fields());
        fakes.decide(deptAdmin, fakes.reviewAbout(first.personId()), true);
        assertRefused("ALREADY_REGISTERED", () -> register(request(idCard.toLowerCase(), unit.orgId())));
        assertEquals(1, fakes.reviews.about(first.personId()).size());
    }

    @Test
    void aRejectedRegistrationMayRegisterAgainAsANewPerson() {
        String idCard = TestData.idCard();
        RegistrationResult first = register(request(idCard, unit.orgId()));
        fakes.decide(deptAdmin, fakes.reviewAbout(first.personId()), false);
        assertLoginRefused("ACCOUNT_REJECTED", loginAsPerson(idCard));

        RegistrationResult second = register(request(idCard, dept.orgId()));
        assertNotEquals(first.personId(), second.personId());
        assertEquals(second.personId(), fakes.accounts.personIdForIdCard(idCard).orElseThrow());
        assertLoginRefused("ACCOUNT_PENDING", loginAsPerson(idCard), "the new registration is the one that counts");
        assertRefused("ALREADY_REGISTERED", () -> register(request(idCard, unit.orgId())));
    }

    @Test
    void anExpiredReviewFreesTheIdNumberLikeARejection() {
        String idCard = TestData.idCard();
        RegistrationResult first = register(request(idCard, unit.orgId()));
        fakes.workflow.expire(fakes.reviewAbout(first.personId()));
        assertEquals(RegistrationStatus.REJECTED,
                fakes.accounts.person(first.personId()).orElseThrow().registration().status());
        register(request(idCard, unit.orgId()));
    }

    @Test
    void aFailedWriteGivesTheIdNumberBack() {
        String idCard = TestData.idCard();
        fakes.faults().failOn("AccountRepository.createPerson");
        assertThrows(Faults.InjectedFault.class, () -> register(request(idCard, unit.orgId())));
        assertTrue(fakes.accounts.personIdForIdCard(idCard).isEmpty(), "the claim was released");
        assertEquals("PENDING", register(request(idCard, unit.orgId())).status(), "the person can try again");
    }
}
