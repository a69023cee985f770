package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.seed.DemoData;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts and orgs the tests start from, and the assertions every error answer must pass. */
public final class Fixtures {
    public static final String ROOT_ORG_ID = Bootstrap.ROOT_ORG_ID;
    public static final String ROOT_ORG_NAME = Bootstrap.ROOT_ORG_NAME;
    public static final String ROOT_ADMIN_ID_CARD = DevServerConfig.DEFAULT_ROOT_ADMIN_ID_CARD;
    public static final String ROOT_ADMIN_PASSWORD = DevServerConfig.DEFAULT_ROOT_ADMIN_PASSWORD;
    /** Seeded demo accounts (DemoData); never given a wrong password, so they never lock. */
    public static final String HEALTH_ADMIN_ID_CARD = "420102198503150020";
    public static final String HOSPITAL_ADMIN_ID_CARD = "420104199208080047";
    public static final String BASE_ADMIN_ID_CARD = "420111198804120059";
    public static final String PERSON_ID_CARD = "420102199511110074";
    public static final String DEMO_PASSWORD = DemoData.PASSWORD;
    private static final AtomicInteger ORG_SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** A department registered over HTTP (PENDING) with its admin's credentials. */
    public record Dept(String orgId, String name, String creditCode, String idCard, String phone, String password,
                       Map<String, Object> registration) {
    }

    public static Dept registerDepartment() {
        return registerDepartment(TestData.departmentRegistration(ROOT_ORG_ID));
    }

    @SuppressWarnings("unchecked")
    public static Dept registerDepartment(Map<String, Object> body) {
        E2E.Resp r = E2E.post("/v1/registrations/departments", body);
        assertEquals(201, r.status(), () -> "registration: " + r);
        Map<String, Object> admin = (Map<String, Object>) body.get("admin");
        return new Dept(r.json().path("orgId").asText(), (String) body.get("name"), (String) body.get("creditCode"),
                (String) admin.get("idCard"), (String) admin.get("phone"), (String) admin.get("password"), body);
    }

    /**
     * An APPROVED department of this test alone, made the way the devserver seeds its demo tree
     * (Bootstrap, in this JVM): the public API cannot approve a registration yet.
     */
    public record ApprovedOrg(String orgId, String name, OrgType type, String idCard, String password) {
    }

    public static ApprovedOrg approvedOrg(OrgType type, String parentOrgId, String name) {
        return approvedOrg(type, parentOrgId, name, TestData.idCard());
    }

    /** As above with a given super admin; an ID number already used makes that person admin of one more org. */
    public static ApprovedOrg approvedOrg(OrgType type, String parentOrgId, String name, String idCard) {
        E2E.server();
        String orgId = "o_e2e_" + type.name().toLowerCase() + "_" + ORG_SEQ.incrementAndGet() + "_" + System.nanoTime();
        AppContext.get().bootstrap().ensureOrg(orgId, type, name, TestData.creditCode(), parentOrgId, "027-86000000",
                new Bootstrap.Account(idCard, "测试超级管理员", TestData.phone(), TestData.PASSWORD));
        return new ApprovedOrg(orgId, name, type, idCard, TestData.PASSWORD);
    }

    /** A professional of the seeded hospital whose registration has this status (made with Bootstrap, in this JVM). */
    public static String professional(cn.hbce.account.RegistrationStatus status, String idCard) {
        E2E.server();
        return AppContext.get().bootstrap().ensurePerson(
                new Bootstrap.Account(idCard, "测试专技人员", TestData.phone(), TestData.PASSWORD),
                new cn.hbce.account.PersonRegistration(DemoData.HOSPITAL, status, "卫生技术人员", "初级"));
    }

    public static E2E.Resp login(String userType, String idCard, String password) {
        return E2E.post("/v1/auth/login", E2E.obj("userType", userType, "idCard", idCard, "password", password));
    }

    /** Logs in and returns the token; fails the test when the login is refused. */
    public static String token(String userType, String idCard, String password) {
        E2E.Resp r = login(userType, idCard, password);
        assertEquals(200, r.status(), () -> "login as " + userType + ": " + r);
        String token = r.json().path("token").asText(null);
        assertNotNull(token, () -> "no token in " + r);
        return token;
    }

    public static String token(Dept d) {
        return token("DEPARTMENT", d.idCard(), d.password());
    }

    public static String rootToken() {
        return token("HRSS", ROOT_ADMIN_ID_CARD, ROOT_ADMIN_PASSWORD);
    }

    /**
     * The contract's error answer: the status, {@code code}, a Chinese message, a requestId equal to
     * the x-request-id header, and nothing that looks like a stack trace or AWS error text.
     */
    public static JsonNode assertError(E2E.Resp r, int status, String code) {
        assertEquals(status, r.status(), () -> "status of " + r);
        assertNotNull(r.json(), () -> "error body is not JSON: " + r);
        assertEquals(code, r.code(), () -> "code of " + r);
        String message = r.json().path("message").asText("");
        assertFalse(message.isBlank(), () -> "no message in " + r);
        assertTrue(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                () -> "message is not Chinese: " + r);
        String requestId = r.json().path("requestId").asText("");
        assertFalse(requestId.isBlank(), () -> "no requestId in " + r);
        assertEquals(r.header("x-request-id"), requestId, () -> "requestId differs from the x-request-id header: " + r);
        assertNoInternals(r);
        return r.json();
    }

    public static JsonNode assertValidation(E2E.Resp r, String field) {
        JsonNode body = assertError(r, 400, "VALIDATION_FAILED");
        assertTrue(fields(body).contains(field), () -> "fields of " + r + " do not name " + field);
        return body;
    }

    public static java.util.List<String> fields(JsonNode body) {
        java.util.List<String> out = new java.util.ArrayList<>();
        body.path("fields").forEach(f -> out.add(f.asText()));
        return out;
    }

    /** No Java stack trace, exception class or AWS service error text in a response. */
    public static void assertNoInternals(E2E.Resp r) {
        String t = r.text() == null ? "" : r.text();
        for (String marker : new String[]{"\tat ", "at cn.hbce", "at java.", "Exception", "software.amazon",
                "com.fasterxml", "DynamoDb", "ConditionalCheck", "stackTrace", "Caused by"}) {
            assertFalse(t.contains(marker), () -> "response leaks internals (" + marker + "): " + r);
        }
    }

    // ------------------------------------------------------------------ roles and extra admins

    /**
     * A role of {@code orgId} granting exactly these permissions, stored where the role repository
     * reads it ({@code ORG#org / ROLE#roleId}, string set {@code permissions}), without going through the role API.
     */
    public static String role(String orgId, String... permissions) {
        E2E.server();
        String roleId = "r_e2e_" + ORG_SEQ.incrementAndGet() + "_" + System.nanoTime();
        java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new java.util.HashMap<>();
        item.put("PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ORG#" + orgId));
        item.put("SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ROLE#" + roleId));
        item.put("entity", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ROLE"));
        item.put("roleId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(roleId));
        item.put("name", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("端到端测试角色"));
        item.put("permissions", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(java.util.List.of(permissions)));
        cn.hbce.common.aws.AwsClients.dynamo().putItem(p -> p.tableName(AppContext.get().config().tableName()).item(item));
        return roleId;
    }

    /**
     * A new person made a (non-super) admin of {@code org} with {@code roleId} (null: no role) in this
     * JVM, without the admin API; returns the person's ID number (password {@link TestData#PASSWORD}).
     */
    public static String extraAdmin(ApprovedOrg org, String roleId) {
        E2E.server();
        String idCard = TestData.idCard();
        AppContext app = AppContext.get();
        String personId = app.bootstrap().ensurePerson(new Bootstrap.Account(idCard, "测试普通管理员", TestData.phone(),
                TestData.PASSWORD), null);
        app.accounts().createMembership(new cn.hbce.account.AdminMembership(cn.hbce.common.Ids.newId("a"), org.orgId(),
                org.type().name(), personId, roleId, false, false));
        return idCard;
    }

    /** The super admin's token of an approved org made by {@link #approvedOrg}. */
    public static String token(ApprovedOrg org) {
        return token(org.type().name(), org.idCard(), org.password());
    }
}
