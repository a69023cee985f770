package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Helpers of the org administration suites (内设部门, 角色管理, 单位管理员): a fresh approved org of the
 * test with its super admin signed in, and the role and admin calls the suites repeat.
 */
public final class OrgAdmin {
    private OrgAdmin() {
    }

    /** An approved org of this test alone and its super admin's token. */
    public record Org(Fixtures.ApprovedOrg org, String token) {
        public String orgId() {
            return org.orgId();
        }

        public String userType() {
            return org.type().name();
        }
    }

    public static Org department(String tag) {
        Fixtures.ApprovedOrg org = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", tag));
        return new Org(org, Fixtures.token(org));
    }

    public static Org of(OrgType type, String parentOrgId, String tag) {
        Fixtures.ApprovedOrg org = Fixtures.approvedOrg(type, parentOrgId, TestData.orgName(type.name(), tag));
        return new Org(org, Fixtures.token(org));
    }

    public static String createRole(Org org, String name, String... permissions) {
        E2E.Resp r = E2E.post("/v1/org/roles", E2E.obj("name", name, "permissions", List.of(permissions)), org.token());
        assertEquals(201, r.status(), () -> "create role: " + r);
        return r.json().path("roleId").asText();
    }

    /** The role as GET /v1/org/roles shows it. */
    public static Optional<JsonNode> role(Org org, String roleId) {
        return find(E2E.get("/v1/org/roles?limit=100", org.token()), "roleId", roleId);
    }

    /** The admin as GET /v1/org/admins shows it. */
    public static Optional<JsonNode> admin(Org org, String adminId) {
        return find(E2E.get("/v1/org/admins?limit=100", org.token()), "adminId", adminId);
    }

    public static Optional<JsonNode> find(E2E.Resp list, String idField, String id) {
        assertEquals(200, list.status(), list::toString);
        for (JsonNode item : list.json().path("items")) {
            if (id.equals(item.path(idField).asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** A brand-new person added over the API as admin of {@code org} with {@code roleId}. */
    public record Added(String adminId, String idCard, String name, String phone, String password) {
    }

    /** The password a new admin picks at the first login, replacing the one the super admin gave. */
    public static final String CHANGED_PASSWORD = "E2e#Own-Passw0rd";

    public static Map<String, Object> newUser(String roleId, String idCard, String phone) {
        return newUser(roleId, idCard, TestData.personName("管理员"), phone);
    }

    public static Map<String, Object> newUser(String roleId, String idCard, String name, String phone) {
        return E2E.obj("mode", "NEW_USER", "roleId", roleId, "idCard", idCard, "name", name,
                "phone", phone, "password", TestData.PASSWORD);
    }

    /**
     * Adds a NEW_USER admin and, as the new admin does, logs in once with the password the super
     * admin chose (which must be changed: the login says so) and changes it to {@link #CHANGED_PASSWORD}.
     */
    public static Added addNewUser(Org org, String roleId) {
        String idCard = TestData.idCard();
        String phone = TestData.phone();
        String name = TestData.personName("管理员");
        E2E.Resp r = E2E.post("/v1/org/admins", newUser(roleId, idCard, name, phone), org.token());
        assertEquals(201, r.status(), () -> "add admin: " + r);
        E2E.Resp first = Fixtures.login(org.userType(), idCard, TestData.PASSWORD);
        assertEquals(200, first.status(), first::toString);
        assertTrue(first.json().path("mustChangePassword").asBoolean(), "a password chosen by someone else is temporary");
        E2E.Resp changed = E2E.put("/v1/me/password", E2E.obj("oldPassword", TestData.PASSWORD,
                "newPassword", CHANGED_PASSWORD), first.json().path("token").asText());
        assertEquals(204, changed.status(), changed::toString);
        return new Added(r.json().path("adminId").asText(), idCard, name, phone, CHANGED_PASSWORD);
    }

    public static E2E.Resp login(Org org, Added admin) {
        return Fixtures.login(org.userType(), admin.idCard(), admin.password());
    }

    public static String token(Org org, Added admin) {
        return Fixtures.token(org.userType(), admin.idCard(), admin.password());
    }

    /** The name {@link #professionalOf} gives every professional it makes. */
    public static final String PROFESSIONAL_NAME = "测试专技";

    /** An approved (or otherwise decided) professional registered with {@code orgId}; returns the person id. */
    public static String professionalOf(String orgId, RegistrationStatus status, String idCard) {
        E2E.server();
        return AppContext.get().bootstrap().ensurePerson(
                new Bootstrap.Account(idCard, PROFESSIONAL_NAME, TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(orgId, status, "卫生技术人员", "中级"));
    }

    public static E2E.Resp delete(String path, String token) {
        return E2E.send("DELETE", path, null, token, null);
    }

    /** The actions of this month's audit records of {@code orgId} (the audit table the devserver writes). */
    public static List<String> auditActions(String orgId) {
        String month = DateTimeFormatter.ofPattern("yyyy-MM").format(ZonedDateTime.now(ZoneOffset.ofHours(8)));
        List<String> out = new ArrayList<>();
        var pages = cn.hbce.common.aws.AwsClients.dynamo().queryPaginator(q -> q
                .tableName(AppContext.get().config().auditTableName())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("AUDIT#" + orgId + "#" + month))));
        pages.items().forEach(i -> out.add(i.get("action").s()));
        return out;
    }
}
