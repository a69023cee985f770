package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET and PUT /v1/org: the caller's own org, optimistic versions, and who may edit directly. */
class OrgIT {
    private static Fixtures.Dept dept;
    private static String token;

    @BeforeAll
    static void signIn() {
        dept = Fixtures.registerDepartment();
        token = Fixtures.token(dept);
    }

    private static JsonNode org(String token) {
        E2E.Resp r = E2E.get("/v1/org", token);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    @Test
    void getOrgShowsTheOwnOrgWithItsVersion() {
        JsonNode org = org(token);
        assertEquals(dept.orgId(), org.path("orgId").asText());
        assertEquals("DEPARTMENT", org.path("type").asText());
        assertEquals(dept.creditCode(), org.path("creditCode").asText());
        assertEquals(Fixtures.ROOT_ORG_ID, org.path("parentOrgId").asText());
        assertEquals(Fixtures.ROOT_ORG_NAME, org.path("parentName").asText());
        assertEquals("PENDING", org.path("status").asText());
        assertTrue(org.path("version").isIntegralNumber(), org::toString);
        for (String time : new String[]{"createdAt", "updatedAt"}) {
            java.time.OffsetDateTime.parse(org.path(time).asText(), java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        assertFalse(org.toString().contains(dept.idCard()), "org answer shows the admin's ID number");
    }

    @Test
    void aParentsRenameShowsInItsChildrensOrg() {
        Fixtures.ApprovedOrg parent = Fixtures.approvedOrg(cn.hbce.org.OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID,
                TestData.departmentName("上级"));
        Fixtures.ApprovedOrg unit = Fixtures.approvedOrg(cn.hbce.org.OrgType.UNIT, parent.orgId(), TestData.departmentName("下属单位"));
        Fixtures.ApprovedOrg dept = Fixtures.approvedOrg(cn.hbce.org.OrgType.DEPARTMENT, parent.orgId(),
                TestData.departmentName("下级"));
        String unitToken = Fixtures.token(unit);
        assertEquals(parent.name(), org(unitToken).path("parentName").asText());

        String parentToken = Fixtures.token(parent);
        String newName = TestData.departmentName("更名");
        E2E.Resp renamed = E2E.put("/v1/org", obj("name", newName, "version", org(parentToken).path("version").asLong()),
                parentToken);
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(newName, org(unitToken).path("parentName").asText());
        assertEquals(newName, org(Fixtures.token(dept)).path("parentName").asText());
        assertEquals(unit.name(), org(unitToken).path("name").asText(), "the child's own name is untouched");
    }

    @Test
    void rootAdminSeesTheRootOrgWithoutParent() {
        JsonNode org = org(Fixtures.rootToken());
        assertEquals(Fixtures.ROOT_ORG_ID, org.path("orgId").asText());
        assertEquals("HRSS", org.path("type").asText());
        assertEquals(Fixtures.ROOT_ORG_NAME, org.path("name").asText());
        assertEquals("APPROVED", org.path("status").asText());
        assertTrue(org.path("parentOrgId").isMissingNode() || org.path("parentOrgId").isNull(), org::toString);
    }

    @Test
    void departmentEditsNameAndPhoneWithTheRightVersion() {
        JsonNode before = org(token);
        long version = before.path("version").asLong();
        String newName = TestData.departmentName("改名");
        E2E.Resp r = E2E.put("/v1/org", obj("name", newName, "contactPhone", "13912345678", "address", "武汉市武昌区中北路1号",
                "version", version), token);
        assertEquals(200, r.status(), r::toString);
        assertEquals(version + 1, r.json().path("version").asLong(), r::toString);
        assertEquals(newName, r.json().path("name").asText());
        assertEquals("13912345678", r.json().path("contactPhone").asText());
        JsonNode after = org(token);
        assertEquals(version + 1, after.path("version").asLong());
        assertEquals(newName, after.path("name").asText());
        assertEquals("13912345678", after.path("contactPhone").asText());
        assertEquals("武汉市武昌区中北路1号", after.path("address").asText());
        // What was not sent stays as it was.
        assertEquals(before.path("creditCode").asText(), after.path("creditCode").asText());
        assertEquals(before.path("status").asText(), after.path("status").asText());
        assertEquals(before.path("parentOrgId").asText(), after.path("parentOrgId").asText());
        // The signed-in admin's org name follows.
        assertEquals(newName, E2E.get("/v1/me", token).json().at("/user/orgName").asText());
        // A landline is a valid contact phone too.
        E2E.Resp landline = E2E.put("/v1/org", obj("contactPhone", "027-87654321", "version", version + 1), token);
        assertEquals(200, landline.status(), landline::toString);
        assertEquals(version + 2, landline.json().path("version").asLong());
    }

    @Test
    void staleVersionIs412AndChangesNothing() {
        JsonNode before = org(token);
        long version = before.path("version").asLong();
        assertEquals(200, E2E.put("/v1/org", obj("contactPhone", "027-88888888", "version", version), token).status());
        assertError(E2E.put("/v1/org", obj("name", "不应保存的名称", "version", version), token), 412, "VERSION_CONFLICT");
        assertError(E2E.put("/v1/org", obj("name", "不应保存的名称", "version", version + 5), token), 412, "VERSION_CONFLICT");
        JsonNode after = org(token);
        assertEquals(version + 1, after.path("version").asLong());
        assertEquals(before.path("name").asText(), after.path("name").asText());
        assertEquals("027-88888888", after.path("contactPhone").asText());
    }

    @Test
    void concurrentEditsOfOneVersionLetExactlyOneWin() {
        long version = org(token).path("version").asLong();
        List<E2E.Resp> answers = E2E.concurrently(List.of(
                () -> E2E.put("/v1/org", obj("contactPhone", "027-81111111", "version", version), token),
                () -> E2E.put("/v1/org", obj("contactPhone", "027-82222222", "version", version), token)));
        assertEquals(List.of(200, 412), answers.stream().map(E2E.Resp::status).sorted().toList(), answers::toString);
        E2E.Resp winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        JsonNode after = org(token);
        assertEquals(version + 1, after.path("version").asLong());
        assertEquals(winner.json().path("contactPhone").asText(), after.path("contactPhone").asText());
    }

    @Test
    void invalidFieldsAre400AndChangeNothing() {
        JsonNode before = org(token);
        long version = before.path("version").asLong();
        for (String phone : new String[]{"12345", "1391234567", "abc", "027-123"}) {
            assertValidation(E2E.put("/v1/org", obj("contactPhone", phone, "version", version), token), "contactPhone");
        }
        assertValidation(E2E.put("/v1/org", obj("name", "部", "version", version), token), "name");
        assertValidation(E2E.put("/v1/org", obj("name", "  ", "version", version), token), "name");
        assertValidation(E2E.put("/v1/org", obj("name", "部".repeat(101), "version", version), token), "name");
        assertValidation(E2E.put("/v1/org", obj("regionCode", "4201", "version", version), token), "regionCode");
        assertValidation(E2E.put("/v1/org", obj("name", "合法的新名称"), token), "version");
        assertValidation(E2E.put("/v1/org", obj("parentOrgId", DemoData.HEALTH_COMMISSION, "version", version), token),
                "parentOrgId");
        JsonNode after = org(token);
        assertEquals(before, after);
    }

    @Test
    void unitAndBaseEditsGoToTheirSupervisorsReview() {
        Reviews.Tree tree = Reviews.tree("改信息");
        for (Fixtures.ApprovedOrg org : new Fixtures.ApprovedOrg[]{tree.unit(), tree.base()}) {
            String t = Fixtures.token(org);
            JsonNode before = org(t);
            E2E.Resp r = E2E.put("/v1/org", obj("contactPhone", "027-89999999", "version", before.path("version").asLong()), t);
            assertEquals(202, r.status(), r::toString);
            assertTrue(r.json().path("reviewId").asText().startsWith("r_"), r::toString);
            assertEquals(before, org(t), "nothing changes before the review");
            assertError(E2E.put("/v1/org", obj("contactPhone", "027-88888888", "version", before.path("version").asLong()), t),
                    409, "CONFLICT");
        }
    }

    @Test
    void professionalHasNoOrgToManage() {
        String t = Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD);
        assertError(E2E.get("/v1/org", t), 403, "FORBIDDEN");
        assertError(E2E.put("/v1/org", obj("contactPhone", "027-89999999", "version", 1), t), 403, "FORBIDDEN");
    }

    @Test
    void nonIntegerVersionIs400() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String t = Fixtures.token(d);
        long version = org(t).path("version").asLong();
        assertValidation(E2E.put("/v1/org", "{\"version\": " + version + ".9, \"contactPhone\": \"027-81234567\"}", t), "version");
        assertValidation(E2E.put("/v1/org", "{\"version\": \"" + version + "\", \"contactPhone\": \"027-81234567\"}", t), "version");
        assertEquals(version, org(t).path("version").asLong());
    }

    @Test
    void nameOfOneCharacterPaddedWithFullWidthSpacesIsTooShort() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String t = Fixtures.token(d);
        JsonNode before = org(t);
        assertValidation(E2E.put("/v1/org", obj("name", "\u3000\u3000部\u3000", "version", before.path("version").asLong()), t),
                "name");
        assertEquals(before, org(t));
    }
}
