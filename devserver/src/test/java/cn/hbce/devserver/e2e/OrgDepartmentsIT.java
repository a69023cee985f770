package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 内设部门: GET/POST /v1/org/departments, PUT/DELETE /v1/org/departments/{deptId}. */
class OrgDepartmentsIT {
    private static OrgAdmin.Org org;
    private static OrgAdmin.Org other;

    @BeforeAll
    static void orgs() {
        org = OrgAdmin.department("内设");
        other = OrgAdmin.department("别家内设");
    }

    private static String create(OrgAdmin.Org o, Object body) {
        E2E.Resp r = E2E.post("/v1/org/departments", body, o.token());
        assertEquals(201, r.status(), r::toString);
        String id = r.json().path("deptId").asText("");
        assertFalse(id.isEmpty(), r::toString);
        return id;
    }

    private static Optional<JsonNode> listed(OrgAdmin.Org o, String deptId) {
        return OrgAdmin.find(E2E.get("/v1/org/departments?limit=100", o.token()), "deptId", deptId);
    }

    private static String name(String tag) {
        return "部门" + tag + System.nanoTime();
    }

    @Test
    void addListEditDelete() {
        String name = name("办公室");
        String id = create(org, obj("name", name, "leader", "刘主任", "phone", "027-87001234"));
        JsonNode d = listed(org, id).orElseThrow();
        assertEquals(name, d.path("name").asText());
        assertEquals("刘主任", d.path("leader").asText());
        assertEquals("027-87001234", d.path("phone").asText(), "an office landline is shown as it is");
        assertEquals(1, d.path("version").asLong());
        assertNotNull(d.path("createdAt").asText(null));

        E2E.Resp edit = E2E.put("/v1/org/departments/" + id, obj("name", name + "改", "phone", "13812345678", "version", 1), org.token());
        assertEquals(200, edit.status(), edit::toString);
        assertEquals(2, edit.json().path("version").asLong());
        JsonNode after = listed(org, id).orElseThrow();
        assertEquals(name + "改", after.path("name").asText());
        assertEquals("刘主任", after.path("leader").asText(), "fields not sent stay");
        assertEquals("138****5678", after.path("phone").asText(), "a mobile number is masked in the list");
        assertFalse(E2E.get("/v1/org/departments?limit=100", org.token()).text().contains("13812345678"));

        E2E.Resp cleared = E2E.put("/v1/org/departments/" + id, obj("leader", "", "version", 2), org.token());
        assertEquals(200, cleared.status(), cleared::toString);
        assertTrue(listed(org, id).orElseThrow().path("leader").isMissingNode(), "an empty leader clears it");

        E2E.Resp gone = OrgAdmin.delete("/v1/org/departments/" + id, org.token());
        assertEquals(204, gone.status(), gone::toString);
        assertTrue(listed(org, id).isEmpty());
        assertError(OrgAdmin.delete("/v1/org/departments/" + id, org.token()), 404, "NOT_FOUND");
        assertError(E2E.put("/v1/org/departments/" + id, obj("name", "x部门", "version", 3), org.token()), 404, "NOT_FOUND");
        List<String> audit = OrgAdmin.auditActions(org.orgId());
        for (String action : List.of("DEPARTMENT_CREATE", "DEPARTMENT_EDIT", "DEPARTMENT_DELETE")) {
            assertTrue(audit.contains(action), () -> action + " not audited: " + audit);
        }
    }

    @Test
    void staleVersionIs412AndChangesNothing() {
        String name = name("财务处");
        String id = create(org, obj("name", name));
        assertEquals(200, E2E.put("/v1/org/departments/" + id, obj("leader", "甲", "version", 1), org.token()).status());
        assertError(E2E.put("/v1/org/departments/" + id, obj("leader", "乙", "version", 1), org.token()), 412, "VERSION_CONFLICT");
        assertError(E2E.put("/v1/org/departments/" + id, obj("leader", "乙", "version", 9), org.token()), 412, "VERSION_CONFLICT");
        JsonNode d = listed(org, id).orElseThrow();
        assertEquals("甲", d.path("leader").asText());
        assertEquals(2, d.path("version").asLong());

        List<E2E.Resp> race = E2E.concurrently(List.of(
                () -> E2E.put("/v1/org/departments/" + id, obj("leader", "丙", "version", 2), org.token()),
                () -> E2E.put("/v1/org/departments/" + id, obj("leader", "丁", "version", 2), org.token())));
        assertEquals(List.of(200, 412), race.stream().map(E2E.Resp::status).sorted().toList(), race::toString);
    }

    @Test
    void namesAreUniqueWithinTheOrg() {
        String name = name("人事处");
        String first = create(org, obj("name", name));
        assertError(E2E.post("/v1/org/departments", obj("name", name), org.token()), 409, "CONFLICT");
        assertError(E2E.post("/v1/org/departments", obj("name", "\u3000" + name + " "), org.token()), 409, "CONFLICT");
        // Another org may use the same name.
        create(other, obj("name", name));

        String second = create(org, obj("name", name + "二"));
        assertError(E2E.put("/v1/org/departments/" + second, obj("name", name, "version", 1), org.token()), 409, "CONFLICT");
        assertEquals(name + "二", listed(org, second).orElseThrow().path("name").asText());

        // Renaming frees the old name; deleting frees the name.
        assertEquals(200, E2E.put("/v1/org/departments/" + first, obj("name", name + "三", "version", 1), org.token()).status());
        create(org, obj("name", name));
        assertEquals(204, OrgAdmin.delete("/v1/org/departments/" + second, org.token()).status());
        create(org, obj("name", name + "二"));
    }

    @Test
    void twoAddsOfOneNameAtOnceMakeOneDepartment() {
        String name = name("档案室");
        List<E2E.Resp> answers = E2E.concurrently(List.of(
                () -> E2E.post("/v1/org/departments", obj("name", name), org.token()),
                () -> E2E.post("/v1/org/departments", obj("name", name), org.token())));
        assertEquals(List.of(201, 409), answers.stream().map(E2E.Resp::status).sorted().toList(), answers::toString);
        long count = 0;
        for (JsonNode d : E2E.get("/v1/org/departments?limit=100", org.token()).json().path("items")) {
            count += d.path("name").asText().equals(name) ? 1 : 0;
        }
        assertEquals(1, count);
    }

    @Test
    void invalidInputIs400() {
        assertValidation(E2E.post("/v1/org/departments", obj("leader", "无名"), org.token()), "name");
        assertValidation(E2E.post("/v1/org/departments", obj("name", " "), org.token()), "name");
        assertValidation(E2E.post("/v1/org/departments", obj("name", "长".repeat(51)), org.token()), "name");
        assertValidation(E2E.post("/v1/org/departments", obj("name", name("电话"), "phone", "12345"), org.token()), "phone");
        assertValidation(E2E.post("/v1/org/departments", obj("name", name("字段"), "budget", 1), org.token()), "budget");
        String id = create(org, obj("name", name("校验")));
        assertValidation(E2E.put("/v1/org/departments/" + id, obj("name", "改名"), org.token()), "version");
        assertValidation(E2E.put("/v1/org/departments/" + id, obj("name", "", "version", 1), org.token()), "name");
        assertError(E2E.send("POST", "/v1/org/departments", E2E.bytes(obj("name", "x部门")), org.token(), "text/plain"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(E2E.send("POST", "/v1/org/departments", E2E.bytes("{\"name\":"), org.token(), "application/json"),
                400, "MALFORMED_JSON");
    }

    @Test
    void listsPageWithACursor() {
        OrgAdmin.Org paged = OrgAdmin.department("分页");
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            made.add(create(paged, obj("name", "分页部门" + i)));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            E2E.Resp r = E2E.get("/v1/org/departments?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), paged.token());
            assertEquals(200, r.status(), r::toString);
            assertTrue(r.json().path("items").size() <= 2);
            r.json().path("items").forEach(d -> seen.add(d.path("deptId").asText()));
            assertTrue(r.json().has("nextCursor"), r::toString);
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(made, seen);
        assertEquals(3, pages);
        assertValidation(E2E.get("/v1/org/departments?limit=0", paged.token()), "limit");
        assertValidation(E2E.get("/v1/org/departments?limit=101", paged.token()), "limit");
        assertError(E2E.get("/v1/org/departments?cursor=not-a-cursor!", paged.token()), 400, "INVALID_CURSOR");
    }

    @Test
    void anotherOrgsDepartmentIsNotFoundAndNotListed() {
        String id = create(org, obj("name", name("保密处")));
        assertTrue(listed(other, id).isEmpty());
        assertError(E2E.put("/v1/org/departments/" + id, obj("name", "被改", "version", 1), other.token()), 404, "NOT_FOUND");
        assertError(OrgAdmin.delete("/v1/org/departments/" + id, other.token()), 404, "NOT_FOUND");
        assertError(OrgAdmin.delete("/v1/org/departments/d_doesnotexist0000000", other.token()), 404, "NOT_FOUND");
        JsonNode d = listed(org, id).orElseThrow();
        assertEquals(1, d.path("version").asLong(), "untouched");
    }
}
