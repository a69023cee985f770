package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** ORG_NOT_APPROVED: what the admin of a department under review may and may not do; GET /v1/todo. */
class OrgApprovalGatingIT {

    @Test
    void adminOfAPendingDepartmentUsesMeAndOrgButTodoIs403OrgNotApproved() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        E2E.Resp login = Fixtures.login("DEPARTMENT", d.idCard(), d.password());
        assertEquals(200, login.status(), login::toString);
        String token = login.json().path("token").asText();

        E2E.Resp me = E2E.get("/v1/me", token);
        assertEquals(200, me.status(), me::toString);
        assertEquals(d.idCard(), me.json().path("idCard").asText());

        E2E.Resp org = E2E.get("/v1/org", token);
        assertEquals(200, org.status(), org::toString);
        assertEquals("PENDING", org.json().path("status").asText());

        E2E.Resp edit = E2E.put("/v1/org", obj("contactPhone", "027-86666666", "version", org.json().path("version").asLong()),
                token);
        assertEquals(200, edit.status(), edit::toString);
        assertEquals("PENDING", edit.json().path("status").asText(), "editing does not approve the org");

        assertError(E2E.get("/v1/todo", token), 403, "ORG_NOT_APPROVED");

        E2E.Resp out = E2E.post("/v1/auth/logout", null, token);
        assertEquals(204, out.status(), out::toString);
        assertError(E2E.get("/v1/todo", token), 401, "UNAUTHENTICATED");
    }

    @Test
    void adminOfAPendingDepartmentMayChangeTheirPassword() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String token = Fixtures.token(d);
        assertEquals(204, E2E.put("/v1/me/password", obj("oldPassword", d.password(), "newPassword", "Pending#Org2026"), token)
                .status());
        assertError(E2E.get("/v1/todo", token), 403, "ORG_NOT_APPROVED");
    }

    @Test
    void approvedAdminsGetTodoCountsThatAddUp() {
        for (String token : new String[] {Fixtures.rootToken(),
                Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD)}) {
            E2E.Resp r = E2E.get("/v1/todo", token);
            assertEquals(200, r.status(), r::toString);
            long sum = 0;
            for (JsonNode item : r.json().path("items")) {
                assertTrue(item.path("count").asLong() > 0, r::toString);
                sum += item.path("count").asLong();
            }
            assertEquals(sum, r.json().path("total").asLong(-1), r::toString);
        }
    }

    @Test
    void approvedOrgsWithNothingToDecideGetAnEmptyTodo() {
        assertEmptyTodo(E2E.get("/v1/todo", Fixtures.token("UNIT", Fixtures.HOSPITAL_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD)));
        Fixtures.ApprovedOrg approved = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID,
                TestData.departmentName("已批"));
        assertEmptyTodo(E2E.get("/v1/todo", Fixtures.token("DEPARTMENT", approved.idCard(), approved.password())));
    }

    @Test
    void professionalGetsNoAdminTodo() {
        String token = Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD);
        assertError(E2E.get("/v1/todo", token), 403, "FORBIDDEN");
    }

    private static void assertEmptyTodo(E2E.Resp r) {
        assertEquals(200, r.status(), r::toString);
        JsonNode body = r.json();
        assertEquals(0, body.path("total").asLong(-1), r::toString);
        assertTrue(body.path("total").isIntegralNumber(), r::toString);
        assertTrue(body.path("items").isArray(), r::toString);
        assertEquals(0, body.path("items").size(), r::toString);
    }
}
