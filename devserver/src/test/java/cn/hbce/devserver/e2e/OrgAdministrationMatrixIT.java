package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call the org administration routes: callers × routes, asserting 401 for anonymous, 403
 * for professionals, for admins whose role lacks the permission (even holding every other grantable
 * one) and for admins of an org under review, and 404 for another org's super admin on this org's ids,
 * whose lists show none of this org's rows.
 */
class OrgAdministrationMatrixIT {
    private static final Set<String> ALL_GRANTABLE = Set.of("org.edit", "org.departments", "subordinates.manage",
            "review.registration", "review.change", "review.plan", "review.hours", "review.transfer", "transfer.out",
            "materials.submit", "stats.view", "persons.view", "certificates.view", "hours.declare", "plans.submit");
    private static OrgAdmin.Org org;
    private static OrgAdmin.Org other;
    private static String deptId;
    private static String roleId;
    private static String adminId;
    /** A non-super admin holding every grantable permission except org.departments. */
    private static String allButDepartments;
    /** A non-super admin holding every grantable permission. */
    private static String allGrantable;
    private static String professional;
    private static String pendingOrgAdmin;

    /** One route with the ids of the org under test, and a body that would be valid for it. */
    private record Route(String method, String path, Object body) {
        E2E.Resp call(String token) {
            byte[] bytes = body == null ? null : E2E.bytes(body);
            return E2E.send(method, path, bytes, token, bytes == null ? null : "application/json");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void setUp() {
        org = OrgAdmin.department("矩阵");
        other = OrgAdmin.department("别家矩阵");
        E2E.Resp dept = E2E.post("/v1/org/departments", obj("name", "矩阵部门"), org.token());
        assertEquals(201, dept.status(), dept::toString);
        deptId = dept.json().path("deptId").asText();
        roleId = OrgAdmin.createRole(org, "矩阵角色", "stats.view");
        adminId = OrgAdmin.addNewUser(org, roleId).adminId();
        String[] withoutDepartments = ALL_GRANTABLE.stream().filter(p -> !p.equals("org.departments")).toArray(String[]::new);
        allButDepartments = OrgAdmin.token(org, OrgAdmin.addNewUser(org, OrgAdmin.createRole(org, "除部门外", withoutDepartments)));
        allGrantable = OrgAdmin.token(org, OrgAdmin.addNewUser(org, OrgAdmin.createRole(org, "全部可授",
                ALL_GRANTABLE.toArray(String[]::new))));
        professional = Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD);
        pendingOrgAdmin = Fixtures.token(Fixtures.registerDepartment());
    }

    private static List<Route> departmentRoutes() {
        return List.of(
                new Route("GET", "/v1/org/departments", null),
                new Route("POST", "/v1/org/departments", obj("name", "矩阵新部门" + System.nanoTime())),
                new Route("PUT", "/v1/org/departments/" + deptId, obj("name", "矩阵改名", "version", 1)),
                new Route("DELETE", "/v1/org/departments/" + deptId, null));
    }

    private static List<Route> superAdminRoutes() {
        return List.of(
                new Route("GET", "/v1/org/roles", null),
                new Route("POST", "/v1/org/roles", obj("name", "矩阵新角色", "permissions", List.of("stats.view"))),
                new Route("PUT", "/v1/org/roles/" + roleId, obj("name", "矩阵改名", "version", 1)),
                new Route("DELETE", "/v1/org/roles/" + roleId, null),
                new Route("GET", "/v1/org/admins", null),
                new Route("POST", "/v1/org/admins", OrgAdmin.newUser(roleId, TestData.idCard(), TestData.phone())),
                new Route("PUT", "/v1/org/admins/" + adminId, obj("roleId", roleId)),
                new Route("POST", "/v1/org/admins/" + adminId + "/make-super", null),
                new Route("DELETE", "/v1/org/admins/" + adminId, null));
    }

    private static List<Route> everyRoute() {
        List<Route> all = new java.util.ArrayList<>(departmentRoutes());
        all.addAll(superAdminRoutes());
        all.add(new Route("GET", "/v1/permissions", null));
        return all;
    }

    @Test
    void anonymousCallersAre401() {
        for (Route r : everyRoute()) {
            assertError(r.call(null), 401, "UNAUTHENTICATED");
            assertError(r.call("not-a-token"), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void professionalsAre403() {
        for (Route r : everyRoute()) {
            assertError(r.call(professional), 403, "FORBIDDEN");
        }
    }

    @Test
    void adminsOfAnOrgUnderReviewAre403() {
        for (Route r : everyRoute()) {
            assertError(r.call(pendingOrgAdmin), 403, "ORG_NOT_APPROVED");
        }
    }

    @Test
    void aRoleWithoutThePermissionIs403() {
        for (Route r : departmentRoutes()) {
            assertError(r.call(allButDepartments), 403, "FORBIDDEN");
        }
        for (Route r : superAdminRoutes()) {
            assertError(r.call(allGrantable), 403, "FORBIDDEN");
            assertError(r.call(allButDepartments), 403, "FORBIDDEN");
        }
        // What the role does grant works.
        assertEquals(200, E2E.get("/v1/org/departments", allGrantable).status());
        assertEquals(200, E2E.get("/v1/permissions", allButDepartments).status());
        assertUntouched();
    }

    @Test
    void anotherOrgsSuperAdminGets404OnTheseIdsAndSeesNoneOfTheirRows() {
        for (Route r : everyRoute()) {
            if (r.path().contains(deptId) || r.path().contains(roleId) || r.path().contains(adminId)) {
                assertError(r.call(other.token()), 404, "NOT_FOUND");
            }
        }
        String departments = E2E.get("/v1/org/departments?limit=100", other.token()).text();
        String roles = E2E.get("/v1/org/roles?limit=100", other.token()).text();
        String admins = E2E.get("/v1/org/admins?limit=100", other.token()).text();
        assertFalse(departments.contains(deptId), departments);
        assertFalse(roles.contains(roleId), roles);
        assertFalse(admins.contains(adminId), admins);
        assertEquals(1, E2E.get("/v1/org/admins?limit=100", other.token()).json().path("items").size(), admins);
        assertUntouched();
    }

    private static void assertUntouched() {
        assertTrue(OrgAdmin.find(E2E.get("/v1/org/departments?limit=100", org.token()), "deptId", deptId)
                .map(d -> d.path("version").asLong() == 1).orElse(false), "department changed");
        assertTrue(OrgAdmin.role(org, roleId).map(r -> r.path("version").asLong() == 1).orElse(false), "role changed");
        assertTrue(OrgAdmin.admin(org, adminId).map(a -> !a.path("superAdmin").asBoolean()).orElse(false), "admin changed");
    }
}
