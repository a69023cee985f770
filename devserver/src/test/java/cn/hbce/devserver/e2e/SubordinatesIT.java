package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 下属机构管理: subordinate orgs, their admins, disabling and password resets, within jurisdiction only. */
class SubordinatesIT {

    private static List<String> ids(E2E.Resp r) {
        assertEquals(200, r.status(), r::toString);
        List<String> out = new ArrayList<>();
        r.json().path("items").forEach(i -> out.add(i.path("orgId").asText()));
        return out;
    }

    private static JsonNode onlyAdmin(String token, String orgId) {
        E2E.Resp r = E2E.get("/v1/subordinates/" + orgId + "/admins", token);
        assertEquals(200, r.status(), r::toString);
        assertEquals(1, r.json().path("items").size(), r::toString);
        assertTrue(r.json().has("nextCursor") && r.json().path("nextCursor").isNull(), r::toString);
        return r.json().path("items").get(0);
    }

    @Test
    void aDepartmentListsItsOwnSubordinatesOnlyWithTypeTextAndPaging() {
        Reviews.Tree tree = Reviews.tree("下属列表");
        Reviews.Tree other = Reviews.tree("别人下属");
        E2E.Resp list = E2E.get("/v1/subordinates", tree.deptToken());
        List<String> all = ids(list);
        list.json().path("items").forEach(i -> assertEquals("027****0000", i.path("contactPhone").asText(),
                "the contact phone is masked like any phone"));
        assertEquals(2, all.size());
        assertTrue(all.containsAll(List.of(tree.unit().orgId(), tree.base().orgId())));
        assertEquals(List.of(tree.unit().orgId()), ids(E2E.get("/v1/subordinates?type=UNIT", tree.deptToken())));
        assertEquals(List.of(tree.base().orgId()), ids(E2E.get("/v1/subordinates?type=BASE", tree.deptToken())));
        assertEquals(List.of(tree.base().orgId()),
                ids(E2E.get("/v1/subordinates?q=" + Reviews.enc("基地"), tree.deptToken())));
        assertFalse(ids(E2E.get("/v1/subordinates?limit=100", other.deptToken())).contains(tree.unit().orgId()));

        E2E.Resp first = E2E.get("/v1/subordinates?limit=1", tree.deptToken());
        String cursor = first.json().path("nextCursor").asText();
        E2E.Resp second = E2E.get("/v1/subordinates?limit=1&cursor=" + Reviews.enc(cursor), tree.deptToken());
        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        assertEquals(2, paged.stream().distinct().count());
        assertError(E2E.get("/v1/subordinates?limit=1&cursor=" + Reviews.enc(cursor), other.deptToken()), 400,
                "INVALID_CURSOR");
        assertError(E2E.get("/v1/subordinates?type=UNIT&limit=1&cursor=" + Reviews.enc(cursor), tree.deptToken()), 400,
                "INVALID_CURSOR");
        assertError(E2E.get("/v1/subordinates?type=HRSS", tree.deptToken()), 400, "VALIDATION_FAILED");
    }

    @Test
    void adminsOfASubordinateAreMaskedAndHiddenFromOtherOrgs() {
        Reviews.Tree tree = Reviews.tree("下属管理员");
        Reviews.Tree other = Reviews.tree("他人");
        JsonNode admin = onlyAdmin(tree.deptToken(), tree.unit().orgId());
        assertTrue(admin.path("superAdmin").asBoolean());
        assertEquals("ACTIVE", admin.path("status").asText());
        assertTrue(admin.path("idCardMasked").asText().matches("\\d{4}\\*{10}[0-9X]{4}"), admin::toString);
        assertTrue(admin.path("phone").asText().matches("1\\d{2}\\*{4}\\d{4}"), admin::toString);
        assertFalse(admin.toString().contains(tree.unit().idCard()), "no full ID number");
        String adminId = admin.path("adminId").asText();
        for (String path : List.of("/v1/subordinates/" + tree.unit().orgId() + "/admins")) {
            assertError(E2E.get(path, other.deptToken()), 404, "NOT_FOUND");
        }
        for (String action : List.of("disable", "enable", "reset-password")) {
            assertError(E2E.post("/v1/subordinates/" + tree.unit().orgId() + "/admins/" + adminId + "/" + action, null,
                    other.deptToken()), 404, "NOT_FOUND");
            assertError(E2E.post("/v1/subordinates/" + tree.unit().orgId() + "/admins/a_missing/" + action, null,
                    tree.deptToken()), 404, "NOT_FOUND");
        }
        assertError(E2E.get("/v1/subordinates/" + tree.dept().orgId() + "/admins", tree.deptToken()), 404, "NOT_FOUND");
    }

    @Test
    void aDisabledAdminIsLockedOutAtOnceAndEnablingRestoresAccess() {
        Reviews.Tree tree = Reviews.tree("禁用");
        String unitToken = Fixtures.token(tree.unit());
        String adminId = onlyAdmin(tree.deptToken(), tree.unit().orgId()).path("adminId").asText();
        String base = "/v1/subordinates/" + tree.unit().orgId() + "/admins/" + adminId;
        E2E.Resp r = E2E.post(base + "/disable", null, tree.deptToken());
        assertEquals(200, r.status(), r::toString);
        assertError(E2E.get("/v1/me", unitToken), 401, "UNAUTHENTICATED");
        assertError(Fixtures.login("UNIT", tree.unit().idCard(), tree.unit().password()), 403, "ACCOUNT_DISABLED");
        assertEquals("DISABLED", onlyAdmin(tree.deptToken(), tree.unit().orgId()).path("status").asText());
        assertEquals(200, E2E.post(base + "/enable", null, tree.deptToken()).status());
        assertEquals(200, E2E.get("/v1/me", Fixtures.token(tree.unit())).status());
    }

    @Test
    void aResetPasswordIsTemporaryAndMustBeChangedFirst() {
        Reviews.Tree tree = Reviews.tree("重置密码");
        String oldToken = Fixtures.token(tree.unit());
        String adminId = onlyAdmin(tree.deptToken(), tree.unit().orgId()).path("adminId").asText();
        E2E.Resp r = E2E.post("/v1/subordinates/" + tree.unit().orgId() + "/admins/" + adminId + "/reset-password", null,
                tree.deptToken());
        assertEquals(200, r.status(), r::toString);
        String temporary = r.json().path("temporaryPassword").asText();
        assertTrue(temporary.length() >= 8);
        assertError(E2E.get("/v1/me", oldToken), 401, "UNAUTHENTICATED");
        assertError(Fixtures.login("UNIT", tree.unit().idCard(), tree.unit().password()), 401, "INVALID_CREDENTIALS");
        E2E.Resp login = Fixtures.login("UNIT", tree.unit().idCard(), temporary);
        assertEquals(200, login.status(), login::toString);
        assertTrue(login.json().path("mustChangePassword").asBoolean());
        String token = login.json().path("token").asText();
        assertError(E2E.get("/v1/todo", token), 403, "PASSWORD_CHANGE_REQUIRED");
        assertEquals(200, E2E.get("/v1/me", token).status());
        assertEquals(204, E2E.put("/v1/me/password", obj("oldPassword", temporary, "newPassword", "Changed#2026pw"), token).status());
        assertEquals(200, E2E.get("/v1/todo", token).status());
        E2E.Resp again = Fixtures.login("UNIT", tree.unit().idCard(), "Changed#2026pw");
        assertFalse(again.json().path("mustChangePassword").asBoolean(), again::toString);
    }

    @Test
    void managingSubordinatesNeedsThePermission() {
        Reviews.Tree tree = Reviews.tree("无权限");
        String roleId = Fixtures.role(tree.dept().orgId(), "stats.view");
        String idCard = Fixtures.extraAdmin(tree.dept(), roleId);
        String token = Fixtures.token("DEPARTMENT", idCard, TestData.PASSWORD);
        assertError(E2E.get("/v1/subordinates", token), 403, "FORBIDDEN");
        assertError(E2E.get("/v1/subordinates/" + tree.unit().orgId() + "/admins", token), 403, "FORBIDDEN");
        assertError(E2E.get("/v1/subordinates", Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD)),
                403, "FORBIDDEN");
        assertError(E2E.get("/v1/subordinates"), 401, "UNAUTHENTICATED");
        String granted = Fixtures.extraAdmin(tree.dept(), Fixtures.role(tree.dept().orgId(), "subordinates.manage"));
        assertEquals(2, ids(E2E.get("/v1/subordinates", Fixtures.token("DEPARTMENT", granted, TestData.PASSWORD))).size());
    }
}
