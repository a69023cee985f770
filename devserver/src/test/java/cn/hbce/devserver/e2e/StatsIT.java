package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.review.ReviewKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * 查询统计 end to end on a small seeded tree (a department with a unit and a base, persons in each
 * with several statuses and titles): the overview and title-series figures equal a brute-force
 * count this test makes from the raw table, for the root, the department and the unit — after a
 * job run, after registrations and decisions (live counters only), and after a counter was
 * corrupted on purpose and the scheduled job ran. Exports hold the same numbers as the JSON.
 */
class StatsIT {
    private static final Duration JOB_WAIT = Duration.ofSeconds(90);
    private static final List<String> LEVELS = List.of("正高级", "副高级", "中级", "助理级", "员级");
    private static String rootToken;

    @BeforeAll
    static void signIn() {
        rootToken = Fixtures.rootToken();
    }

    /** A tree of this test alone: unit 4 approved + 1 pending, base 2 approved, department 1 approved + 1 rejected. */
    private static Reviews.Tree seededTree() {
        Reviews.Tree tree = Reviews.tree("统计");
        seed(tree.unit().orgId(), RegistrationStatus.APPROVED, "卫生技术人员", "中级", 3);
        seed(tree.unit().orgId(), RegistrationStatus.APPROVED, "工程技术人员", "副高级", 1);
        seed(tree.unit().orgId(), RegistrationStatus.PENDING, "卫生技术人员", "中级", 1);
        seed(tree.base().orgId(), RegistrationStatus.APPROVED, "会计", "助理级", 2);
        seed(tree.dept().orgId(), RegistrationStatus.APPROVED, "中小学教师", "正高级", 1);
        seed(tree.dept().orgId(), RegistrationStatus.REJECTED, "中小学教师", "中级", 1);
        return tree;
    }

    private static void seed(String orgId, RegistrationStatus status, String series, String level, int n) {
        for (int i = 0; i < n; i++) {
            AppContext.get().bootstrap().ensurePerson(
                    new Bootstrap.Account(TestData.idCard(), TestData.personName("统计"), TestData.phone(), TestData.PASSWORD),
                    new PersonRegistration(orgId, status, series, level));
        }
    }

    @Test
    void afterAJobRunTheFiguresEqualABruteForceCountForRootDepartmentAndUnit() {
        Reviews.Tree tree = seededTree();
        runJobByRequest();
        Truth truth = Truth.read();
        for (String orgId : List.of(Fixtures.ROOT_ORG_ID, tree.dept().orgId(), tree.unit().orgId())) {
            assertFiguresMatch(truth, orgId);
        }
        JsonNode unit = overview(tree.unit().orgId());
        assertEquals(4, unit.at("/persons/approved").asLong(), "3 + 1 approved in the unit");
        assertEquals(5, unit.at("/persons/registered").asLong(), "the pending one is registered, not approved");
        JsonNode dept = overview(tree.dept().orgId());
        assertEquals(7, dept.at("/persons/approved").asLong(), "unit 4 + base 2 + its own 1; the rejected one nowhere");
        List<String> children = new ArrayList<>();
        dept.path("children").forEach(c -> children.add(c.path("orgId").asText() + "=" + c.path("persons").asLong()));
        assertTrue(children.contains(tree.unit().orgId() + "=4") && children.contains(tree.base().orgId() + "=2"),
                () -> "drill-down rows: " + children);
        assertEquals(0, dept.at("/hours/approvedRecords").asLong(), "nobody in this tree has hours (StatsLiveIT counts them)");
    }

    @Test
    void liveCountersFollowRegistrationsAndDecisionsWithoutAJob() {
        Reviews.Tree tree = seededTree();
        runJobByRequest();
        Reviews.Registered yes = Reviews.registerPerson(tree.unit().orgId());
        Reviews.Registered no = Reviews.registerPerson(tree.unit().orgId());
        String yesReview = Reviews.awaitPendingPerson(tree.deptToken(), yes.subjectId());
        String noReview = Reviews.awaitPendingPerson(tree.deptToken(), no.subjectId());
        Reviews.decide(tree.deptToken(), Reviews.approve(yesReview), Reviews.reject(noReview, "材料不全"));
        Reviews.awaitStatus(tree.deptToken(), yesReview, "APPROVED");
        Reviews.awaitStatus(tree.deptToken(), noReview, "REJECTED");
        Truth truth = Truth.read();
        for (String orgId : List.of(Fixtures.ROOT_ORG_ID, tree.dept().orgId(), tree.unit().orgId())) {
            String id = orgId;
            Reviews.await(() -> "live counters of " + id + " agree with the table", Reviews.WAIT,
                    () -> figuresMatch(truth, id) ? Optional.of(true) : Optional.empty());
        }
    }

    @Test
    void aCorruptedCounterAndToDoCountAreRestoredByTheScheduledJob() {
        Reviews.Tree tree = seededTree();
        String table = AppContext.get().config().tableName();
        AwsClients.dynamo().putItem(p -> p.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS("STATS#" + tree.unit().orgId() + "#0"), "SK", AttributeValue.fromS("LIVE"),
                "entity", AttributeValue.fromS("STATS_COUNTER"), "orgId", AttributeValue.fromS(tree.unit().orgId()),
                "approved", AttributeValue.fromN("999"), "registered", AttributeValue.fromN("-3"))));
        AwsClients.dynamo().putItem(p -> p.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS("STATS#" + tree.dept().orgId() + "#0"), "SK", AttributeValue.fromS("TODO"),
                "entity", AttributeValue.fromS("STATS_TODO"), "orgId", AttributeValue.fromS(tree.dept().orgId()),
                "PERSON_REGISTRATION", AttributeValue.fromN("42"))));
        assertEquals(999, overview(tree.unit().orgId()).at("/persons/approved").asLong(), "the corruption shows");
        assertEquals(42, Reviews.todo(tree.deptToken(), "PERSON_REGISTRATION"));

        String fired;
        try {
            fired = E2E.server().fireSchedule("StartScheduledStatsFunction.Nightly");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String executionId = parse(fired).path("executionId").asText();
        awaitSucceeded(executionId);

        assertFiguresMatch(Truth.read(), tree.unit().orgId());
        long exact = new cn.hbce.review.adapter.DynamoReviewRepository(AwsClients.dynamo(),
                table, AppContext.get().cursors()).countPending(tree.dept().orgId(), ReviewKind.PERSON_REGISTRATION);
        assertEquals(exact, Reviews.todo(tree.deptToken(), "PERSON_REGISTRATION"), "to-do equals the exact queue count");
    }

    @Test
    void exportsHoldTheJsonNumbersAreAuditedAndAnUnknownTypeIsRefused() throws Exception {
        Reviews.Tree tree = seededTree();
        runJobByRequest();
        JsonNode json = E2E.get("/v1/stats/title-series?orgId=" + tree.dept().orgId(), tree.deptToken()).json();
        E2E.Resp r = E2E.post("/v1/exports", obj("type", "TITLE_SERIES", "format", "xlsx",
                "filters", obj("orgId", tree.dept().orgId())), tree.deptToken());
        assertEquals(201, r.status(), r::toString);
        assertEquals(json.path("rows").size() + 1, r.json().path("rows").asInt(), "one row per series and the total row");
        byte[] xlsx = download(r.json().path("url").asText());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("职称系列", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "the header row is frozen");
            assertTrue(sheet.getColumnWidth(0) > 20 * 256, "the series column is wide enough for its names");
            Map<String, JsonNode> rows = new HashMap<>();
            json.path("rows").forEach(row -> rows.put(row.path("titleSeries").asText(), row));
            for (int i = 1; i <= rows.size(); i++) {
                Row row = sheet.getRow(i);
                JsonNode expected = rows.get(row.getCell(0).getStringCellValue());
                for (int l = 0; l < LEVELS.size(); l++) {
                    assertEquals(expected.path("counts").path(LEVELS.get(l)).asLong(), (long) row.getCell(l + 1).getNumericCellValue(),
                            () -> row.getCell(0).getStringCellValue());
                }
            }
            Row total = sheet.getRow(rows.size() + 1);
            assertEquals("合计", total.getCell(0).getStringCellValue());
            assertEquals(json.at("/totals/total").asLong(), (long) total.getCell(LEVELS.size() + 1).getNumericCellValue());
        }
        assertEquals(List.of("EXPORT_TITLE_SERIES"), AuditTrail.of(tree.dept().orgId(), r.json().path("exportId").asText()));

        E2E.Resp csv = E2E.post("/v1/exports", obj("type", "OVERVIEW", "format", "csv"), tree.deptToken());
        assertEquals(201, csv.status(), csv::toString);
        byte[] bytes = download(csv.json().path("url").asText());
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains(tree.unit().name() + ",单位,4,"), text);
        assertFalse(text.matches("(?s).*\\d{17}[\\dX].*"), "no ID number in an export");
        assertEquals(List.of("EXPORT_OVERVIEW"), AuditTrail.of(tree.dept().orgId(), csv.json().path("exportId").asText()));

        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "PEOPLE"), tree.deptToken()), "type");
    }

    @Test
    void anotherDepartmentsFiguresAreNotFoundAndOnlyTheHrssSuperAdminRunsTheJob() {
        Reviews.Tree tree = seededTree();
        Reviews.Tree other = Reviews.tree("他统");
        for (String route : List.of("/v1/stats/overview?orgId=", "/v1/stats/title-series?orgId=")) {
            Fixtures.assertError(E2E.get(route + other.unit().orgId(), tree.deptToken()), 404, "NOT_FOUND");
            Fixtures.assertError(E2E.get(route + Fixtures.ROOT_ORG_ID, tree.deptToken()), 404, "NOT_FOUND");
        }
        Fixtures.assertError(E2E.post("/v1/exports", obj("type", "OVERVIEW", "filters", obj("orgId", other.dept().orgId())),
                tree.deptToken()), 404, "NOT_FOUND");
        Fixtures.assertError(E2E.post("/v1/stats/refresh", obj("year", 2026), tree.deptToken()), 403, "FORBIDDEN");
        String run = E2E.post("/v1/stats/refresh", obj("year", currentYear()), rootToken).json().path("executionId").asText();
        Fixtures.assertError(E2E.get("/v1/stats/jobs/" + run, tree.deptToken()), 404, "NOT_FOUND");
        awaitSucceeded(run);
        Fixtures.assertError(E2E.get("/v1/stats/jobs/not-a-run", rootToken), 404, "NOT_FOUND");
        Fixtures.assertValidation(E2E.post("/v1/stats/refresh", obj("year", 1999), rootToken), "year");
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode parse(String json) {
        try {
            return E2E.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private static int currentYear() {
        return java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)).getYear();
    }

    private static void runJobByRequest() {
        E2E.Resp r = E2E.post("/v1/stats/refresh", obj("year", currentYear()), rootToken);
        assertEquals(202, r.status(), r::toString);
        awaitSucceeded(r.json().path("executionId").asText());
    }

    private static void awaitSucceeded(String executionId) {
        JsonNode done = Reviews.await(() -> "statistics job " + executionId, JOB_WAIT, () -> {
            E2E.Resp s = E2E.get("/v1/stats/jobs/" + executionId, rootToken);
            assertEquals(200, s.status(), s::toString);
            assertFalse("FAILED".equals(s.json().path("status").asText()), s::toString);
            return "SUCCEEDED".equals(s.json().path("status").asText()) ? Optional.of(s.json()) : Optional.empty();
        });
        assertTrue(done.path("orgs").asInt() > 0 && done.path("persons").asLong() > 0, done::toString);
    }

    private static JsonNode overview(String orgId) {
        E2E.Resp r = E2E.get("/v1/stats/overview?orgId=" + orgId, rootToken);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode(), () -> new String(got.body(), StandardCharsets.UTF_8));
        return got.body();
    }

    private static void assertFiguresMatch(Truth truth, String orgId) {
        assertTrue(figuresMatch(truth, orgId), () -> orgId + ": counted " + truth.of(orgId) + " but the routes say "
                + overview(orgId).path("persons") + " / " + E2E.get("/v1/stats/title-series?orgId=" + orgId, rootToken).text());
    }

    private static boolean figuresMatch(Truth truth, String orgId) {
        Counted c = truth.of(orgId);
        JsonNode o = overview(orgId);
        if (o.at("/persons/approved").asLong() != c.approved || o.at("/persons/registered").asLong() != c.registered) {
            return false;
        }
        JsonNode t = E2E.get("/v1/stats/title-series?orgId=" + orgId, rootToken).json();
        Map<String, Long> shown = new HashMap<>();
        t.path("rows").forEach(row -> LEVELS.forEach(l -> {
            long n = row.path("counts").path(l).asLong();
            if (n != 0) {
                shown.put(row.path("titleSeries").asText() + "|" + l, n);
            }
        }));
        return shown.equals(c.titles);
    }

    private record Counted(long registered, long approved, Map<String, Long> titles) {
    }

    /** The raw table, read by the test: orgs (the tree) and professionals, counted by brute force. */
    private record Truth(Map<String, String> parents, List<Map<String, AttributeValue>> persons) {
        static Truth read() {
            Map<String, String> parents = new HashMap<>();
            List<Map<String, AttributeValue>> persons = new ArrayList<>();
            AwsClients.dynamo().scanPaginator(s -> s.tableName(AppContext.get().config().tableName())).items().forEach(i -> {
                String entity = i.containsKey("entity") ? i.get("entity").s() : "";
                if (entity.equals("ORG") && i.get("SK").s().equals("META")) {
                    parents.put(i.get("orgId").s(), i.containsKey("parentOrgId") ? i.get("parentOrgId").s() : null);
                } else if (entity.equals("PERSON") && i.containsKey("regOrgId")) {
                    persons.add(i);
                }
            });
            return new Truth(parents, persons);
        }

        boolean under(String orgId, String ancestor) {
            for (String at = orgId; at != null && parents.containsKey(at); at = parents.get(at)) {
                if (at.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        Counted of(String orgId) {
            long registered = 0;
            long approved = 0;
            Map<String, Long> titles = new HashMap<>();
            for (Map<String, AttributeValue> p : persons) {
                if (!under(p.get("regOrgId").s(), orgId)) {
                    continue;
                }
                String status = p.get("regStatus").s();
                if (status.equals("PENDING") || status.equals("APPROVED")) {
                    registered++;
                }
                if (status.equals("APPROVED")) {
                    approved++;
                    String level = p.get("titleLevel").s();
                    if (LEVELS.contains(level)) {
                        titles.merge(p.get("titleSeries").s() + "|" + level, 1L, Long::sum);
                    }
                }
            }
            return new Counted(registered, approved, titles);
        }
    }
}
