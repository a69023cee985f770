package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.RegistrationStatus;
import cn.hbce.devserver.seed.DemoData;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 单位管理员: list, add (MEMBER, NEW_USER, EXISTING_USER), change role, make-super, delete. */
class AdminsIT {
    private static final Pattern MASKED_ID = Pattern.compile("\\d{4}\\*{10}[0-9X]{4}");
    private static final Pattern MASKED_PHONE = Pattern.compile("1\\d{2}\\*{4}\\d{4}");
    private static OrgAdmin.Org org;
    private static String statsRole;

    @BeforeAll
    static void org() {
        org = OrgAdmin.department("管理员");
        statsRole = OrgAdmin.createRole(org, "统计员", "stats.view", "persons.view");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static E2E.Resp add(OrgAdmin.Org o, Object body) {
        return E2E.post("/v1/org/admins", body, o.token());
    }

    private static String added(E2E.Resp r) {
        assertEquals(201, r.status(), r::toString);
        return r.json().path("adminId").asText();
    }

    @Test
    void theListShowsEveryAdminMasked() {
        OrgAdmin.Added a = OrgAdmin.addNewUser(org, statsRole);
        E2E.Resp list = E2E.get("/v1/org/admins?limit=100", org.token());
        assertEquals(200, list.status(), list::toString);
        JsonNode self = null;
        for (JsonNode item : list.json().path("items")) {
            assertTrue(MASKED_ID.matcher(item.path("idCardMasked").asText()).matches(), item::toString);
            assertTrue(MASKED_PHONE.matcher(item.path("phone").asText()).matches(), item::toString);
            assertFalse(item.path("personId").asText("").isEmpty());
            assertEquals("ACTIVE", item.path("status").asText());
            if (item.path("superAdmin").asBoolean()) {
                self = item;
            }
        }
        assertTrue(self != null && self.path("name").asText().equals("测试超级管理员"), list::toString);
        JsonNode mine = OrgAdmin.admin(org, a.adminId()).orElseThrow();
        assertEquals(statsRole, mine.path("roleId").asText());
        assertFalse(mine.path("superAdmin").asBoolean());
        assertEquals(a.phone().substring(0, 3) + "****" + a.phone().substring(7), mine.path("phone").asText());
        assertEquals(a.idCard().substring(0, 4) + "**********" + a.idCard().substring(14), mine.path("idCardMasked").asText());
        assertFalse(list.text().contains(a.idCard()), "raw ID number in the list");
        assertFalse(list.text().contains(a.phone()), "raw phone in the list");
        assertFalse(list.text().contains(org.org().idCard()), "raw ID number in the list");
    }

    @Test
    void aNewUserBecomesAdminAndLogsInWithTheOrgsUserTypeAndTheRolesPermissions() {
        OrgAdmin.Added a = OrgAdmin.addNewUser(org, statsRole);
        E2E.Resp login = OrgAdmin.login(org, a);
        assertEquals(200, login.status(), login::toString);
        assertEquals("DEPARTMENT", login.json().at("/user/userType").asText());
        assertEquals(org.orgId(), login.json().at("/user/orgId").asText());
        assertFalse(login.json().at("/user/superAdmin").asBoolean());
        assertEquals(List.of("persons.view", "stats.view"), texts(login.json().at("/user/permissions")));
        // Not a professional: no PERSON login, and no other org type.
        assertEquals(401, Fixtures.login("PERSON", a.idCard(), a.password()).status());
        assertEquals(401, Fixtures.login("UNIT", a.idCard(), a.password()).status());
        String token = login.json().path("token").asText();
        assertError(E2E.get("/v1/org/departments", token), 403, "FORBIDDEN");
        assertError(E2E.get("/v1/org/admins", token), 403, "FORBIDDEN");
        assertTrue(OrgAdmin.auditActions(org.orgId()).contains("ADMIN_ADD_NEW_USER"));
    }

    @Test
    void newUserIsValidatedLikeARegistration() {
        assertError(add(org, OrgAdmin.newUser(statsRole, TestData.withWrongIdCheck(TestData.idCard()), TestData.phone())),
                400, "ID_CARD_INVALID");
        assertError(add(org, OrgAdmin.newUser(statsRole, TestData.idCard(), "12345678901")), 400, "PHONE_INVALID");
        assertError(add(org, E2E.with(OrgAdmin.newUser(statsRole, TestData.idCard(), TestData.phone()), "password", "password")),
                400, "WEAK_PASSWORD");
        String idCard = TestData.idCard();
        assertError(add(org, E2E.with(OrgAdmin.newUser(statsRole, idCard, TestData.phone()), "password", "Aa1!" + idCard)),
                400, "WEAK_PASSWORD");
        assertValidation(add(org, E2E.with(OrgAdmin.newUser(statsRole, TestData.idCard(), TestData.phone()), "name", E2E.REMOVE)), "name");
        assertValidation(add(org, E2E.with(OrgAdmin.newUser(statsRole, TestData.idCard(), TestData.phone()), "roleId", E2E.REMOVE)), "roleId");
        assertValidation(add(org, E2E.with(OrgAdmin.newUser(statsRole, TestData.idCard(), TestData.phone()), "mode", "FRIEND")), "mode");
        assertValidation(add(org, E2E.with(OrgAdmin.newUser(statsRole, TestData.idCard(), TestData.phone()), "personId", "p_x")), "personId");
        assertValidation(add(org, E2E.with(OrgAdmin.newUser(statsRole, TestData.idCard(), TestData.phone()), "nickname", "x")), "nickname");
    }

    @Test
    void newUserWithAnIdNumberAlreadyInTheSystemIs409() {
        OrgAdmin.Added a = OrgAdmin.addNewUser(org, statsRole);
        assertError(add(org, OrgAdmin.newUser(statsRole, a.idCard(), TestData.phone())), 409, "ALREADY_REGISTERED");
        assertError(add(org, OrgAdmin.newUser(statsRole, Fixtures.PERSON_ID_CARD, TestData.phone())), 409, "ALREADY_REGISTERED");
        assertError(add(org, OrgAdmin.newUser(statsRole, Fixtures.HEALTH_ADMIN_ID_CARD, TestData.phone())), 409, "ALREADY_REGISTERED");
    }

    @Test
    void memberModeTakesAnApprovedProfessionalOfThisOrgOnly() {
        OrgAdmin.Org unit = OrgAdmin.of(OrgType.UNIT, org.orgId(), "成员");
        String roleId = OrgAdmin.createRole(unit, "审核", "stats.view");
        String idCard = TestData.idCard();
        String personId = OrgAdmin.professionalOf(unit.orgId(), RegistrationStatus.APPROVED, idCard);
        String adminId = added(add(unit, obj("mode", "MEMBER", "roleId", roleId, "personId", personId)));
        JsonNode listed = OrgAdmin.admin(unit, adminId).orElseThrow();
        assertEquals(personId, listed.path("personId").asText());
        // The professional now also signs in as the unit's admin, and still as a professional.
        E2E.Resp login = Fixtures.login("UNIT", idCard, TestData.PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals(unit.orgId(), login.json().at("/user/orgId").asText());
        assertEquals(List.of("stats.view"), texts(login.json().at("/user/permissions")));
        assertEquals(200, Fixtures.login("PERSON", idCard, TestData.PASSWORD).status());

        String pending = OrgAdmin.professionalOf(unit.orgId(), RegistrationStatus.PENDING, TestData.idCard());
        String elsewhere = OrgAdmin.professionalOf(DemoData.HOSPITAL, RegistrationStatus.APPROVED, TestData.idCard());
        for (String other : List.of(pending, elsewhere, "p_doesnotexist00000000", "../../etc")) {
            assertError(add(unit, obj("mode", "MEMBER", "roleId", roleId, "personId", other)), 404, "NOT_FOUND");
        }
        assertValidation(add(unit, obj("mode", "MEMBER", "roleId", roleId)), "personId");
        assertValidation(add(unit, obj("mode", "MEMBER", "roleId", roleId, "personId", personId, "idCard", idCard)), "idCard");
    }

    @Test
    void existingUserModeTakesAnyoneAlreadyInTheSystem() {
        // A professional of another org becomes admin of this department.
        String idCard = TestData.idCard();
        OrgAdmin.professionalOf(DemoData.HOSPITAL, RegistrationStatus.APPROVED, idCard);
        String adminId = added(add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", idCard, "name", OrgAdmin.PROFESSIONAL_NAME)));
        E2E.Resp login = Fixtures.login("DEPARTMENT", idCard, TestData.PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals(org.orgId(), login.json().at("/user/orgId").asText());
        assertTrue(OrgAdmin.admin(org, adminId).isPresent());

        E2E.Resp unknown = add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", TestData.idCard(),
                "name", OrgAdmin.PROFESSIONAL_NAME));
        assertError(unknown, 404, "NOT_FOUND");
        // A real ID number with another name answers exactly like an unknown one: no name oracle.
        String otherIdCard = TestData.idCard();
        OrgAdmin.professionalOf(DemoData.HOSPITAL, RegistrationStatus.APPROVED, otherIdCard);
        E2E.Resp wrongName = add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", otherIdCard, "name", "张三"));
        assertError(wrongName, 404, "NOT_FOUND");
        assertEquals(unknown.json().path("message"), wrongName.json().path("message"));
        assertEquals(unknown.json().size(), wrongName.json().size());
        assertValidation(add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", otherIdCard)), "name");
        assertEquals(401, Fixtures.login("DEPARTMENT", otherIdCard, TestData.PASSWORD).status(), "no seat was made");
        assertError(add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", TestData.withWrongIdCheck(idCard), "name", OrgAdmin.PROFESSIONAL_NAME)),
                400, "ID_CARD_INVALID");
        assertValidation(add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", idCard, "name", OrgAdmin.PROFESSIONAL_NAME, "password", "Xx1!xxxxx")),
                "password");
    }

    @Test
    void aPersonIsAdminOfAnOrgOnlyOnce() {
        OrgAdmin.Added a = OrgAdmin.addNewUser(org, statsRole);
        assertError(add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", a.idCard(), "name", a.name())), 409, "CONFLICT");
        assertError(add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", org.org().idCard(), "name", "测试超级管理员")), 409, "CONFLICT");
        String roleBefore = OrgAdmin.role(org, statsRole).orElseThrow().path("assignedCount").asText();

        String idCard = TestData.idCard();
        OrgAdmin.professionalOf(DemoData.HOSPITAL, RegistrationStatus.APPROVED, idCard);
        List<E2E.Resp> twice = E2E.concurrently(List.of(
                () -> add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", idCard, "name", OrgAdmin.PROFESSIONAL_NAME)),
                () -> add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", idCard, "name", OrgAdmin.PROFESSIONAL_NAME))));
        assertEquals(List.of(201, 409), twice.stream().map(E2E.Resp::status).sorted().toList(), twice::toString);
        assertEquals(Long.parseLong(roleBefore) + 1, OrgAdmin.role(org, statsRole).orElseThrow().path("assignedCount").asLong(),
                "the refused add gave its role reservation back");
    }

    @Test
    void theRoleMustBeOneOfThisOrg() {
        OrgAdmin.Org other = OrgAdmin.department("别家管理员");
        String foreignRole = OrgAdmin.createRole(other, "别家角色", "stats.view");
        JsonNode foreign = assertValidation(add(org, OrgAdmin.newUser(foreignRole, TestData.idCard(), TestData.phone())), "roleId");
        JsonNode missing = assertValidation(add(org, OrgAdmin.newUser("r_doesnotexist00000000", TestData.idCard(), TestData.phone())),
                "roleId");
        assertEquals(missing.path("message").asText(), foreign.path("message").asText(), "another org's role looks like a missing one");
        OrgAdmin.Added a = OrgAdmin.addNewUser(org, statsRole);
        assertValidation(E2E.put("/v1/org/admins/" + a.adminId(), obj("roleId", foreignRole), org.token()), "roleId");
        assertValidation(E2E.put("/v1/org/admins/" + a.adminId(), obj(), org.token()), "roleId");
        assertEquals(statsRole, OrgAdmin.admin(org, a.adminId()).orElseThrow().path("roleId").asText());
    }

    @Test
    void changingTheRoleOfAnAdmin() {
        OrgAdmin.Added a = OrgAdmin.addNewUser(org, statsRole);
        String token = OrgAdmin.token(org, a);
        String deptRole = OrgAdmin.createRole(org, "部门员", "org.departments");
        E2E.Resp changed = E2E.put("/v1/org/admins/" + a.adminId(), obj("roleId", deptRole), org.token());
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(deptRole, changed.json().path("roleId").asText());
        assertTrue(MASKED_ID.matcher(changed.json().path("idCardMasked").asText()).matches());
        assertEquals(200, E2E.get("/v1/org/departments", token).status());
        assertError(E2E.get("/v1/org/roles", token), 403, "FORBIDDEN");
        assertEquals(200, E2E.put("/v1/org/admins/" + a.adminId(), obj("roleId", deptRole), org.token()).status(), "same role: no change");
        assertEquals(1, OrgAdmin.role(org, deptRole).orElseThrow().path("assignedCount").asLong());

        String superAdminId = superAdminId(org);
        assertError(E2E.put("/v1/org/admins/" + superAdminId, obj("roleId", deptRole), org.token()), 409, "CONFLICT");
        assertError(E2E.put("/v1/org/admins/a_doesnotexist00000000", obj("roleId", deptRole), org.token()), 404, "NOT_FOUND");
        assertTrue(OrgAdmin.auditActions(org.orgId()).contains("ADMIN_ROLE_CHANGE"));
    }

    private static String superAdminId(OrgAdmin.Org o) {
        for (JsonNode item : E2E.get("/v1/org/admins?limit=100", o.token()).json().path("items")) {
            if (item.path("superAdmin").asBoolean()) {
                return item.path("adminId").asText();
            }
        }
        throw new AssertionError("no super admin listed");
    }

    @Test
    void deletingAnAdminEndsTheirAccessAtOnce() {
        OrgAdmin.Added a = OrgAdmin.addNewUser(org, statsRole);
        String token = OrgAdmin.token(org, a);
        assertEquals(200, E2E.get("/v1/me", token).status());
        long before = OrgAdmin.role(org, statsRole).orElseThrow().path("assignedCount").asLong();

        assertEquals(204, OrgAdmin.delete("/v1/org/admins/" + a.adminId(), org.token()).status());
        assertError(E2E.get("/v1/me", token), 401, "UNAUTHENTICATED");
        assertError(OrgAdmin.login(org, a), 401, "INVALID_CREDENTIALS");
        assertTrue(OrgAdmin.admin(org, a.adminId()).isEmpty());
        assertEquals(before - 1, OrgAdmin.role(org, statsRole).orElseThrow().path("assignedCount").asLong());
        assertError(OrgAdmin.delete("/v1/org/admins/" + a.adminId(), org.token()), 404, "NOT_FOUND");
        assertTrue(OrgAdmin.auditActions(org.orgId()).contains("ADMIN_DELETE"));

        // Both seat items are gone: the person can be added again.
        added(add(org, obj("mode", "EXISTING_USER", "roleId", statsRole, "idCard", a.idCard(), "name", a.name())));
        assertEquals(200, OrgAdmin.login(org, a).status());
    }

    @Test
    void theSuperAdminCannotBeDeleted() {
        String superAdminId = superAdminId(org);
        assertError(OrgAdmin.delete("/v1/org/admins/" + superAdminId, org.token()), 409, "CONFLICT");
        assertEquals(200, E2E.get("/v1/org/admins", org.token()).status());
    }

    @Test
    void makeSuperHandsOverAndRemovesThePreviousSuperAdminAtOnce() {
        OrgAdmin.Org o = OrgAdmin.department("移交");
        String role = OrgAdmin.createRole(o, "普通", "stats.view");
        String oldSuperId = superAdminId(o);
        OrgAdmin.Added next = OrgAdmin.addNewUser(o, role);
        String nextToken = OrgAdmin.token(o, next);
        assertError(E2E.get("/v1/org/admins", nextToken), 403, "FORBIDDEN");

        assertError(E2E.post("/v1/org/admins/" + oldSuperId + "/make-super", null, o.token()), 409, "CONFLICT");
        assertError(E2E.post("/v1/org/admins/a_doesnotexist00000000/make-super", null, o.token()), 404, "NOT_FOUND");

        E2E.Resp r = E2E.post("/v1/org/admins/" + next.adminId() + "/make-super", null, o.token());
        assertEquals(200, r.status(), r::toString);
        assertEquals(next.adminId(), r.json().path("adminId").asText());
        assertTrue(r.json().path("superAdmin").asBoolean());

        // The old super admin's token stops at once, and they can no longer sign in for the org.
        assertError(E2E.get("/v1/me", o.token()), 401, "UNAUTHENTICATED");
        assertError(E2E.get("/v1/org/admins", o.token()), 401, "UNAUTHENTICATED");
        assertError(Fixtures.login("DEPARTMENT", o.org().idCard(), o.org().password()), 401, "INVALID_CREDENTIALS");

        // The new super admin's existing token now carries the super admin's rights.
        E2E.Resp list = E2E.get("/v1/org/admins?limit=100", nextToken);
        assertEquals(200, list.status(), list::toString);
        List<String> supers = new ArrayList<>();
        for (JsonNode item : list.json().path("items")) {
            assertFalse(item.path("adminId").asText().equals(oldSuperId), "the previous super admin is still listed");
            if (item.path("superAdmin").asBoolean()) {
                supers.add(item.path("adminId").asText());
                assertTrue(item.path("roleId").isMissingNode(), "a super admin holds no role");
            }
        }
        assertEquals(List.of(next.adminId()), supers);
        assertEquals(0, OrgAdmin.role(new OrgAdmin.Org(o.org(), nextToken), role).orElseThrow().path("assignedCount").asLong());
        E2E.Resp login = OrgAdmin.login(o, next);
        assertTrue(login.json().at("/user/superAdmin").asBoolean(), login::toString);
        assertTrue(texts(login.json().at("/user/permissions")).contains("admins.manage"));
        assertTrue(OrgAdmin.auditActions(o.orgId()).contains("ADMIN_MAKE_SUPER"));
    }

    @Test
    void twoHandOversAtOnceLeaveExactlyOneSuperAdmin() {
        OrgAdmin.Org o = OrgAdmin.department("并发移交");
        String role = OrgAdmin.createRole(o, "普通", "stats.view");
        OrgAdmin.Added x = OrgAdmin.addNewUser(o, role);
        OrgAdmin.Added y = OrgAdmin.addNewUser(o, role);
        List<E2E.Resp> answers = E2E.concurrently(List.of(
                () -> E2E.post("/v1/org/admins/" + x.adminId() + "/make-super", null, o.token()),
                () -> E2E.post("/v1/org/admins/" + y.adminId() + "/make-super", null, o.token())));
        List<Integer> statuses = answers.stream().map(E2E.Resp::status).sorted().toList();
        assertEquals(200, statuses.get(0), answers::toString);
        assertTrue(statuses.get(1) == 409 || statuses.get(1) == 401, answers::toString);
        int supers = 0;
        for (OrgAdmin.Added a : List.of(x, y)) {
            supers += OrgAdmin.login(o, a).json().at("/user/superAdmin").asBoolean() ? 1 : 0;
        }
        assertEquals(1, supers);
    }
}
