package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 角色管理: GET /v1/permissions and the role CRUD of /v1/org/roles. */
class RolesIT {
    private static final Set<String> GRANTABLE = Set.of("org.edit", "org.departments", "subordinates.manage",
            "review.registration", "review.change", "review.plan", "review.hours", "review.transfer", "transfer.out",
            "materials.submit", "stats.view", "persons.view", "certificates.view", "hours.declare", "plans.submit");
    private static OrgAdmin.Org org;
    private static OrgAdmin.Org other;

    @BeforeAll
    static void orgs() {
        org = OrgAdmin.department("角色");
        other = OrgAdmin.department("别家角色");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theCatalogueListsEveryGrantablePermissionForAnyAdmin() {
        E2E.Resp r = E2E.get("/v1/permissions", org.token());
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().isArray(), r::toString);
        Set<String> codes = new TreeSet<>();
        for (JsonNode p : r.json()) {
            codes.add(p.path("code").asText());
            assertFalse(p.path("name").asText("").isBlank(), p::toString);
        }
        assertEquals(new TreeSet<>(GRANTABLE), codes);
        // An admin without any role may read it too.
        String roleless = createRoleAndAdmin(org);
        assertEquals(200, E2E.get("/v1/permissions", roleless).status());
    }

    /** A non-super admin of {@code o} with an empty role; returns their token. */
    private static String createRoleAndAdmin(OrgAdmin.Org o) {
        String roleId = OrgAdmin.createRole(o, "空角色");
        return OrgAdmin.token(o, OrgAdmin.addNewUser(o, roleId));
    }

    @Test
    void createListEditDelete() {
        E2E.Resp created = E2E.post("/v1/org/roles", obj("name", "注册审核员",
                "permissions", List.of("review.registration", "persons.view", "review.registration")), org.token());
        assertEquals(201, created.status(), created::toString);
        String roleId = created.json().path("roleId").asText();
        JsonNode role = OrgAdmin.role(org, roleId).orElseThrow();
        assertEquals("注册审核员", role.path("name").asText());
        assertEquals(List.of("persons.view", "review.registration"), texts(role.path("permissions")));
        assertEquals(0, role.path("assignedCount").asLong());
        assertEquals(1, role.path("version").asLong());

        E2E.Resp edited = E2E.put("/v1/org/roles/" + roleId, obj("permissions", List.of("stats.view"), "version", 1), org.token());
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(2, edited.json().path("version").asLong());
        assertEquals("注册审核员", edited.json().path("name").asText(), "a name not sent stays");
        assertEquals(List.of("stats.view"), texts(OrgAdmin.role(org, roleId).orElseThrow().path("permissions")));

        E2E.Resp renamed = E2E.put("/v1/org/roles/" + roleId, obj("name", "统计员", "version", 2), org.token());
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(List.of("stats.view"), texts(renamed.json().path("permissions")), "permissions not sent stay");

        assertEquals(204, OrgAdmin.delete("/v1/org/roles/" + roleId, org.token()).status());
        assertTrue(OrgAdmin.role(org, roleId).isEmpty());
        assertError(OrgAdmin.delete("/v1/org/roles/" + roleId, org.token()), 404, "NOT_FOUND");
        assertError(E2E.put("/v1/org/roles/" + roleId, obj("name", "x", "version", 3), org.token()), 404, "NOT_FOUND");
        List<String> audit = OrgAdmin.auditActions(org.orgId());
        for (String action : List.of("ROLE_CREATE", "ROLE_EDIT", "ROLE_DELETE")) {
            assertTrue(audit.contains(action), () -> action + " not audited: " + audit);
        }
    }

    @Test
    void staleVersionIs412() {
        String roleId = OrgAdmin.createRole(org, "版本", "org.edit");
        assertEquals(200, E2E.put("/v1/org/roles/" + roleId, obj("name", "版本二", "version", 1), org.token()).status());
        assertError(E2E.put("/v1/org/roles/" + roleId, obj("permissions", List.of(), "version", 1), org.token()), 412, "VERSION_CONFLICT");
        assertEquals(List.of("org.edit"), texts(OrgAdmin.role(org, roleId).orElseThrow().path("permissions")));
        List<E2E.Resp> race = E2E.concurrently(List.of(
                () -> E2E.put("/v1/org/roles/" + roleId, obj("name", "甲", "version", 2), org.token()),
                () -> E2E.put("/v1/org/roles/" + roleId, obj("name", "乙", "version", 2), org.token())));
        assertEquals(List.of(200, 412), race.stream().map(E2E.Resp::status).sorted().toList(), race::toString);
    }

    @Test
    void unknownAndSuperAdminOnlyPermissionsAre400() {
        for (String code : List.of("admins.manage", "roles.manage", "org.everything")) {
            JsonNode body = assertError(E2E.post("/v1/org/roles", obj("name", "越权", "permissions", List.of("org.edit", code)),
                    org.token()), 400, "VALIDATION_FAILED");
            assertEquals(List.of("permissions[1]"), Fixtures.fields(body));
        }
        String roleId = OrgAdmin.createRole(org, "改权", "org.edit");
        assertError(E2E.put("/v1/org/roles/" + roleId, obj("permissions", List.of("roles.manage"), "version", 1), org.token()),
                400, "VALIDATION_FAILED");
        assertEquals(1, OrgAdmin.role(org, roleId).orElseThrow().path("version").asLong());
        assertValidation(E2E.post("/v1/org/roles", obj("name", "无权限字段"), org.token()), "permissions");
        assertValidation(E2E.post("/v1/org/roles", obj("permissions", List.of()), org.token()), "name");
        assertValidation(E2E.post("/v1/org/roles", obj("name", "类型", "permissions", "org.edit"), org.token()), "permissions");
        assertValidation(E2E.put("/v1/org/roles/" + roleId, obj("name", "无版本"), org.token()), "version");
    }

    @Test
    void anAssignedRoleCannotBeDeletedUntilNobodyHoldsIt() {
        String roleId = OrgAdmin.createRole(org, "在用", "stats.view");
        OrgAdmin.Added admin = OrgAdmin.addNewUser(org, roleId);
        assertEquals(1, OrgAdmin.role(org, roleId).orElseThrow().path("assignedCount").asLong());
        assertError(OrgAdmin.delete("/v1/org/roles/" + roleId, org.token()), 409, "CONFLICT");
        assertTrue(OrgAdmin.role(org, roleId).isPresent());

        // Moving the admin to another role frees it.
        String next = OrgAdmin.createRole(org, "接替");
        assertEquals(200, E2E.put("/v1/org/admins/" + admin.adminId(), obj("roleId", next), org.token()).status());
        assertEquals(0, OrgAdmin.role(org, roleId).orElseThrow().path("assignedCount").asLong());
        assertEquals(204, OrgAdmin.delete("/v1/org/roles/" + roleId, org.token()).status());

        // Deleting the admin frees the other.
        assertError(OrgAdmin.delete("/v1/org/roles/" + next, org.token()), 409, "CONFLICT");
        assertEquals(204, OrgAdmin.delete("/v1/org/admins/" + admin.adminId(), org.token()).status());
        assertEquals(204, OrgAdmin.delete("/v1/org/roles/" + next, org.token()).status());
    }

    @Test
    void aDeleteRacingAnAssignmentNeverLeavesAnAdminWithAGoneRole() {
        for (int round = 0; round < 4; round++) {
            String roleId = OrgAdmin.createRole(org, "竞争" + round, "stats.view");
            String idCard = TestData.idCard();
            List<E2E.Resp> answers = E2E.concurrently(List.of(
                    () -> OrgAdmin.delete("/v1/org/roles/" + roleId, org.token()),
                    () -> E2E.post("/v1/org/admins", OrgAdmin.newUser(roleId, idCard, TestData.phone()), org.token())));
            E2E.Resp deleted = answers.get(0);
            E2E.Resp added = answers.get(1);
            assertNotEquals(deleted.status() == 204, added.status() == 201, () -> "both or neither won: " + answers);
            if (added.status() == 201) {
                assertError(deleted, 409, "CONFLICT");
                assertEquals(1, OrgAdmin.role(org, roleId).orElseThrow().path("assignedCount").asLong());
                assertEquals(roleId, OrgAdmin.admin(org, added.json().path("adminId").asText()).orElseThrow().path("roleId").asText());
            } else {
                assertValidation(added, "roleId");
                assertTrue(OrgAdmin.role(org, roleId).isEmpty());
                // The person was not left half-made: the ID number is free again.
                assertEquals(201, E2E.post("/v1/org/admins", OrgAdmin.newUser(OrgAdmin.createRole(org, "补"), idCard,
                        TestData.phone()), org.token()).status());
            }
        }
    }

    @Test
    void anotherOrgsRolesAreNotFoundAndNotListed() {
        String roleId = OrgAdmin.createRole(org, "本家", "org.edit");
        assertTrue(OrgAdmin.role(other, roleId).isEmpty());
        assertError(E2E.put("/v1/org/roles/" + roleId, obj("name", "被改", "version", 1), other.token()), 404, "NOT_FOUND");
        assertError(OrgAdmin.delete("/v1/org/roles/" + roleId, other.token()), 404, "NOT_FOUND");
        assertEquals("本家", OrgAdmin.role(org, roleId).orElseThrow().path("name").asText());
        // Nor can it be given to the other org's admins.
        assertValidation(E2E.post("/v1/org/admins", OrgAdmin.newUser(roleId, TestData.idCard(), TestData.phone()), other.token()),
                "roleId");
    }

    @Test
    void aNewRoleAssignmentTakesEffectAtOnce() {
        String without = OrgAdmin.createRole(org, "无部门权限", "stats.view");
        OrgAdmin.Added admin = OrgAdmin.addNewUser(org, without);
        String token = OrgAdmin.token(org, admin);
        assertError(E2E.get("/v1/org/departments", token), 403, "FORBIDDEN");
        String with = OrgAdmin.createRole(org, "部门管理", "org.departments");
        assertEquals(200, E2E.put("/v1/org/admins/" + admin.adminId(), obj("roleId", with), org.token()).status());
        assertEquals(200, E2E.get("/v1/org/departments", token).status(), "the same token, the new role");
        assertEquals(List.of("org.departments"), texts(E2E.get("/v1/me", token).json().at("/user/permissions")));
    }

    @Test
    void rolesArePagedWithACursor() {
        OrgAdmin.Org paged = OrgAdmin.department("角色分页");
        for (int i = 0; i < 3; i++) {
            OrgAdmin.createRole(paged, "分页" + i);
        }
        E2E.Resp first = E2E.get("/v1/org/roles?limit=2", paged.token());
        assertEquals(2, first.json().path("items").size());
        String cursor = first.json().path("nextCursor").asText();
        E2E.Resp second = E2E.get("/v1/org/roles?limit=2&cursor=" + cursor, paged.token());
        assertEquals(1, second.json().path("items").size(), second::toString);
        assertTrue(second.json().path("nextCursor").isNull(), second::toString);
    }
}
