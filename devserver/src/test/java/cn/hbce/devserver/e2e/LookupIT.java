package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.ConventionsIT.enc;
import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.seed.DemoData;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** GET /v1/orgs/lookup: approved orgs by a part of their name, for registration forms. */
class LookupIT {

    private static E2E.Resp lookup(String query) {
        return E2E.get("/v1/orgs/lookup?" + query);
    }

    private static List<JsonNode> items(E2E.Resp r) {
        assertEquals(200, r.status(), r::toString);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("items").forEach(out::add);
        return out;
    }

    private static List<String> ids(E2E.Resp r) {
        return items(r).stream().map(i -> i.path("orgId").asText()).toList();
    }

    /** A name part no other org of the run has: 检索 + random digits. */
    private static String uniquePart() {
        return "检索" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    @Test
    void queryShorterThanTwoCharactersIs400() {
        assertValidation(lookup("q=" + enc("卫")), "q");
        assertValidation(lookup("q=" + enc(" 卫 ")), "q");
        assertValidation(lookup("q="), "q");
        assertValidation(lookup(""), "q");
        assertValidation(lookup("q=" + enc("卫".repeat(51))), "q");
    }

    @Test
    void findsApprovedOrgsByAPartInTheMiddleOfTheName() {
        List<JsonNode> found = items(lookup("q=" + enc("卫生健康")));
        JsonNode health = found.stream().filter(i -> i.path("orgId").asText().equals(DemoData.HEALTH_COMMISSION))
                .findFirst().orElseThrow(() -> new AssertionError("湖北省卫生健康委员会 not found: " + found));
        assertEquals("湖北省卫生健康委员会", health.path("name").asText());
        assertEquals("DEPARTMENT", health.path("type").asText());
        for (JsonNode i : found) {
            assertTrue(i.path("name").asText().contains("卫生健康"), i::toString);
        }
        assertTrue(ids(lookup("q=" + enc("人力资源"))).contains(Fixtures.ROOT_ORG_ID));
        assertTrue(ids(lookup("q=" + enc("第一医院"))).contains(DemoData.HOSPITAL));
    }

    @Test
    void itemsCarryOnlyIdNameAndType() {
        for (JsonNode i : items(lookup("q=" + enc("武汉")))) {
            Set<String> names = new HashSet<>();
            Iterator<String> it = i.fieldNames();
            it.forEachRemaining(names::add);
            assertEquals(Set.of("orgId", "name", "type"), names, i::toString);
        }
    }

    @Test
    void typeFilterReturnsOnlyThatType() {
        List<String> all = ids(lookup("q=" + enc("武汉")));
        assertTrue(all.containsAll(List.of(DemoData.WUHAN_HRSS, DemoData.HOSPITAL)), all::toString);
        List<JsonNode> units = items(lookup("q=" + enc("武汉") + "&type=UNIT"));
        assertTrue(units.stream().anyMatch(i -> i.path("orgId").asText().equals(DemoData.HOSPITAL)), units::toString);
        units.forEach(i -> assertEquals("UNIT", i.path("type").asText(), i::toString));
        List<JsonNode> departments = items(lookup("q=" + enc("武汉") + "&type=DEPARTMENT"));
        assertTrue(departments.stream().anyMatch(i -> i.path("orgId").asText().equals(DemoData.WUHAN_HRSS)));
        departments.forEach(i -> assertEquals("DEPARTMENT", i.path("type").asText(), i::toString));
        assertTrue(ids(lookup("q=" + enc("卫生") + "&type=BASE")).contains(DemoData.BASE));
        assertFalse(ids(lookup("q=" + enc("卫生健康") + "&type=UNIT")).contains(DemoData.HEALTH_COMMISSION));
        assertTrue(items(lookup("q=" + enc("人力资源") + "&type=HRSS")).stream()
                .allMatch(i -> i.path("type").asText().equals("HRSS")));
        assertValidation(lookup("q=" + enc("武汉") + "&type=HOSPITAL"), "type");
        assertValidation(lookup("q=" + enc("武汉") + "&type=unit"), "type");
    }

    @Test
    void textWithHiddenCharactersIsRefused() {
        for (String hidden : new String[] {"卫生\u200b健康", "\u202e卫生健康", "卫生\u2066健康", "卫生\ufeff"}) {
            assertValidation(lookup("q=" + enc(hidden)), "q");
        }
    }

    @Test
    void nothingMatchingIsAnEmptyList() {
        assertEquals(List.of(), items(lookup("q=" + enc(uniquePart()))));
    }

    @Test
    void pendingDepartmentIsNotFound() {
        String part = uniquePart();
        Fixtures.Dept d = Fixtures.registerDepartment(
                E2E.with(TestData.departmentRegistration(Fixtures.ROOT_ORG_ID), "name", "待审" + part + "局"));
        assertFalse(ids(lookup("q=" + enc(part))).contains(d.orgId()));
        assertFalse(ids(lookup("q=" + enc("待审" + part))).contains(d.orgId()));
        assertEquals(List.of(), items(lookup("q=" + enc(part) + "&type=DEPARTMENT")));
    }

    @Test
    void renamedApprovedDepartmentIsFoundByTheNewNameOnly() {
        String oldPart = uniquePart();
        String newPart = uniquePart();
        Fixtures.ApprovedOrg org = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, "旧称" + oldPart + "管理局");
        assertTrue(ids(lookup("q=" + enc(oldPart))).contains(org.orgId()), "approved org not found before the rename");
        String token = Fixtures.token("DEPARTMENT", org.idCard(), org.password());
        long version = E2E.get("/v1/org", token).json().path("version").asLong();
        E2E.Resp renamed = E2E.put("/v1/org", obj("name", "新称" + newPart + "管理局", "version", version), token);
        assertEquals(200, renamed.status(), renamed::toString);
        List<JsonNode> byNew = items(lookup("q=" + enc(newPart)));
        assertEquals(List.of(org.orgId()), byNew.stream().map(i -> i.path("orgId").asText()).toList());
        assertEquals("新称" + newPart + "管理局", byNew.get(0).path("name").asText());
        assertFalse(ids(lookup("q=" + enc(oldPart))).contains(org.orgId()), "still found by the old name");
        assertFalse(ids(lookup("q=" + enc("旧称" + oldPart))).contains(org.orgId()), "still found by the old name");
        // The part both names share finds it once, under the new name.
        List<JsonNode> shared = items(lookup("q=" + enc("管理局")));
        assertEquals(1, shared.stream().filter(i -> i.path("orgId").asText().equals(org.orgId())).count(), shared::toString);
        shared.stream().filter(i -> i.path("orgId").asText().equals(org.orgId()))
                .forEach(i -> assertEquals("新称" + newPart + "管理局", i.path("name").asText()));
    }

    @Test
    void atMostTwentyOrgsAreReturned() {
        String part = uniquePart();
        String oneAdmin = TestData.idCard();
        for (int i = 0; i < 21; i++) {
            Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, "第" + i + "批" + part + "中心", oneAdmin);
        }
        List<JsonNode> found = items(lookup("q=" + enc(part)));
        assertEquals(20, found.size(), found::toString);
        assertEquals(20, new HashSet<>(found.stream().map(i -> i.path("orgId").asText()).toList()).size(), "duplicates");
    }
}
