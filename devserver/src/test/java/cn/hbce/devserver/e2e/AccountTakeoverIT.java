package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.RegistrationStatus;
import cn.hbce.devserver.seed.DemoData;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * "One person, many seats": the admin of a department must not be able to take over an account
 * that also opens doors outside its jurisdiction, by seating the person in a unit below it and then
 * resetting or disabling that seat.
 */
class AccountTakeoverIT {

    /** The attack as first found, against the root HRSS super admin: every decisive step is refused. */
    @Test
    void aDepartmentCannotTakeOverTheRootAdminThroughASeatInItsUnit() {
        String victimToken = Fixtures.rootToken();
        OrgAdmin.Org dept = OrgAdmin.department("夺权");
        OrgAdmin.Org unit = OrgAdmin.of(OrgType.UNIT, dept.orgId(), "夺权单位");

        // Seating someone needs the ID number AND the name: a guessed name is refused like an unknown ID.
        String role = OrgAdmin.createRole(unit, "挂名", "stats.view");
        assertError(E2E.post("/v1/org/admins", obj("mode", "EXISTING_USER", "roleId", role,
                "idCard", Fixtures.ROOT_ADMIN_ID_CARD, "name", "王五"), unit.token()), 404, "NOT_FOUND");
        // Names are no secret, so with the right one the seat is made: that alone opens nothing.
        E2E.Resp seated = E2E.post("/v1/org/admins", obj("mode", "EXISTING_USER", "roleId", role,
                "idCard", Fixtures.ROOT_ADMIN_ID_CARD, "name", "省人社厅管理员"), unit.token());
        assertEquals(201, seated.status(), seated::toString);
        String seatId = seated.json().path("adminId").asText();

        E2E.Resp reset = E2E.post("/v1/subordinates/" + unit.orgId() + "/admins/" + seatId + "/reset-password",
                null, dept.token());
        assertError(reset, 409, "SHARED_ACCOUNT");
        assertFalse(reset.text().contains("temporaryPassword"), reset::toString);
        assertTrue(OrgAdmin.auditActions(dept.orgId()).contains("ADMIN_PASSWORD_RESET"), "the refusal is audited");

        // Disabling the seat stops that seat only: the root admin's session and login are untouched.
        assertEquals(200, E2E.post("/v1/subordinates/" + unit.orgId() + "/admins/" + seatId + "/disable", null,
                dept.token()).status());
        assertEquals(200, E2E.get("/v1/org", victimToken).status(), "the victim's session goes on");
        E2E.Resp login = Fixtures.login("HRSS", Fixtures.ROOT_ADMIN_ID_CARD, Fixtures.ROOT_ADMIN_PASSWORD);
        assertEquals(200, login.status(), "the victim's password is unchanged: " + login);
        assertError(Fixtures.login("UNIT", Fixtures.ROOT_ADMIN_ID_CARD, Fixtures.ROOT_ADMIN_PASSWORD), 403,
                "ACCOUNT_DISABLED");

        // Clean up the seat so the root admin keeps exactly the seats the other tests expect.
        assertEquals(204, OrgAdmin.delete("/v1/org/admins/" + seatId, unit.token()).status());
    }

    @Test
    void aResetIsAllowedOnlyWhenEverySeatAndTheRegistrationLieWithinTheCallersSubtree() {
        OrgAdmin.Org dept = OrgAdmin.department("重置范围");
        OrgAdmin.Org unitA = OrgAdmin.of(OrgType.UNIT, dept.orgId(), "范围内甲");
        OrgAdmin.Org unitB = OrgAdmin.of(OrgType.UNIT, dept.orgId(), "范围内乙");
        String roleA = OrgAdmin.createRole(unitA, "统计", "stats.view");

        // A professional of unit B (inside the department) who is also admin of unit A: inside.
        String inside = TestData.idCard();
        OrgAdmin.professionalOf(unitB.orgId(), RegistrationStatus.APPROVED, inside);
        String insideSeat = seat(unitA, roleA, inside, OrgAdmin.PROFESSIONAL_NAME);
        E2E.Resp ok = E2E.post("/v1/subordinates/" + unitA.orgId() + "/admins/" + insideSeat + "/reset-password",
                null, dept.token());
        assertEquals(200, ok.status(), ok::toString);
        String temporary = ok.json().path("temporaryPassword").asText();
        E2E.Resp first = Fixtures.login("UNIT", inside, temporary);
        assertEquals(200, first.status(), first::toString);
        assertTrue(first.json().path("mustChangePassword").asBoolean());

        // A professional of the demo hospital (another department's unit) who is admin of unit A: outside.
        String outside = TestData.idCard();
        OrgAdmin.professionalOf(DemoData.HOSPITAL, RegistrationStatus.APPROVED, outside);
        String outsideSeat = seat(unitA, roleA, outside, OrgAdmin.PROFESSIONAL_NAME);
        assertError(E2E.post("/v1/subordinates/" + unitA.orgId() + "/admins/" + outsideSeat + "/reset-password",
                null, dept.token()), 409, "SHARED_ACCOUNT");
        assertEquals(200, Fixtures.login("PERSON", outside, TestData.PASSWORD).status(), "password unchanged");
    }

    @Test
    void disablingOneSeatEndsOnlyThatSeatsSessions() {
        OrgAdmin.Org dept = OrgAdmin.department("只停一席");
        OrgAdmin.Org unit = OrgAdmin.of(OrgType.UNIT, dept.orgId(), "只停一席单位");
        OrgAdmin.Org elsewhere = OrgAdmin.department("另一部门");
        String role = OrgAdmin.createRole(unit, "统计", "stats.view");
        // The super admin of another department also gets a seat in the unit.
        String idCard = elsewhere.org().idCard();
        String seatId = seat(unit, role, idCard, "测试超级管理员");
        String unitToken = Fixtures.token("UNIT", idCard, TestData.PASSWORD);
        String deptToken = Fixtures.token("DEPARTMENT", idCard, TestData.PASSWORD);

        assertEquals(200, E2E.post("/v1/subordinates/" + unit.orgId() + "/admins/" + seatId + "/disable", null,
                dept.token()).status());
        assertError(E2E.get("/v1/org", unitToken), 401, "UNAUTHENTICATED");
        assertEquals(200, E2E.get("/v1/org", deptToken).status(), "the seat in the other department goes on");
        assertError(Fixtures.login("UNIT", idCard, TestData.PASSWORD), 403, "ACCOUNT_DISABLED");
        assertEquals(200, Fixtures.login("DEPARTMENT", idCard, TestData.PASSWORD).status());
    }

    @Test
    void nobodyDecidesAReviewTheySubmitted() {
        Reviews.Tree tree = Reviews.tree("自审");
        OrgAdmin.Org unit = new OrgAdmin.Org(tree.unit(), Fixtures.token(tree.unit()));
        // The department's super admin also holds a seat in the unit, with the right to edit it.
        String role = OrgAdmin.createRole(unit, "信息维护", "org.edit");
        seat(unit, role, tree.dept().idCard(), "测试超级管理员");
        String asUnit = Fixtures.token("UNIT", tree.dept().idCard(), TestData.PASSWORD);
        JsonNode org = E2E.get("/v1/org", asUnit).json();
        E2E.Resp change = E2E.put("/v1/org", obj("address", "自审路 1 号", "version", org.path("version").asInt()), asUnit);
        assertEquals(202, change.status(), change::toString);
        String reviewId = change.json().path("reviewId").asText();
        Reviews.awaitPendingOrg(tree.deptToken(), "ORG_CHANGE", tree.unit().orgId());

        E2E.Resp own = Reviews.decide(tree.deptToken(), Reviews.approve(reviewId));
        assertEquals(200, own.status(), own::toString);
        assertEquals("SELF_REVIEW", Reviews.outcome(own, reviewId));
        assertEquals("PENDING", Reviews.detail(tree.deptToken(), reviewId).json().path("status").asText());

        // Another admin of the department, with the permission, decides it.
        String colleague = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(tree.dept(),
                Fixtures.role(tree.dept().orgId(), "review.change")), TestData.PASSWORD);
        assertEquals("DONE", Reviews.outcome(Reviews.decide(colleague, Reviews.approve(reviewId)), reviewId));
        Reviews.awaitStatus(tree.deptToken(), reviewId, "APPROVED");
    }

    private static String seat(OrgAdmin.Org org, String roleId, String idCard, String name) {
        E2E.Resp r = E2E.post("/v1/org/admins", obj("mode", "EXISTING_USER", "roleId", roleId, "idCard", idCard,
                "name", name), org.token());
        assertEquals(201, r.status(), r::toString);
        return r.json().path("adminId").asText();
    }
}
