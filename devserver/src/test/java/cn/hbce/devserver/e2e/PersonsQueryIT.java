package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 专技人员信息查询, 学时审验 and the PERSONS / HOURS exports over HTTP. One department with a unit and a
 * base: a person who met the year (30 公需 + 60 专业 approved through two declarations), one who did
 * not (60 专业), one without hours, one of the base, one whose registration is pending; and a second
 * department whose admin must see none of them.
 */
class PersonsQueryIT {
    /** An unmasked ID number (18 characters) or mobile number (11 digits) anywhere in a text. */
    private static final Pattern UNMASKED = Pattern.compile("(?<![0-9*])(\\d{17}[\\dX]|1[3-9]\\d{9})(?![0-9*])");
    private static final DataFormatter CELLS = new DataFormatter();
    private static Reviews.Tree tree;
    private static Reviews.Tree other;
    private static Person met;
    private static Person short60;
    private static Person engineer;
    private static Person accountant;
    private static Person pending;
    private static Person foreign;

    record Person(String personId, String idCard, String name, String phone) {
    }

    @BeforeAll
    static void seed() {
        tree = Reviews.tree("人查");
        other = Reviews.tree("他查");
        String unit = tree.unit().orgId();
        met = person(unit, "达标", RegistrationStatus.APPROVED, "卫生技术人员", "中级");
        short60 = person(unit, "未达", RegistrationStatus.APPROVED, "卫生技术人员", "中级");
        engineer = person(unit, "工程", RegistrationStatus.APPROVED, "工程技术人员", "副高级");
        accountant = person(tree.base().orgId(), "会计", RegistrationStatus.APPROVED, "会计", "中级");
        pending = person(unit, "待审", RegistrationStatus.PENDING, "工程技术人员", "中级");
        foreign = person(other.unit().orgId(), "外部", RegistrationStatus.APPROVED, "卫生技术人员", "中级");
        String unitToken = Fixtures.token(tree.unit());
        approve(declare(unitToken, "PUBLIC", 30, List.of(met)));
        approve(declare(unitToken, "PROFESSIONAL", 60, List.of(met, short60)));
        // The listener has run once the summaries show both approvals.
        Reviews.await(() -> "yearly summaries of the declared persons", Duration.ofSeconds(60), () -> {
            Map<String, JsonNode> rows = byId(listAll("year=" + Hours.YEAR));
            JsonNode m = rows.get(met.personId());
            JsonNode s = rows.get(short60.personId());
            return m != null && s != null && m.path("totalHours").asDouble() == 90 && s.path("totalHours").asDouble() == 60
                    ? Optional.of(true) : Optional.empty();
        });
    }

    @Test
    void everyFilterNarrowsTheJurisdictionsPersonsAndTheYearShowsApprovedHoursAndMet() {
        assertEquals(ids(met, short60, engineer, accountant), idSet(listAll("")), "APPROVED registrations by default");
        assertEquals(ids(engineer), idSet(listAll("titleSeries=" + Reviews.enc("工程技术人员"))));
        assertEquals(ids(engineer), idSet(listAll("titleLevel=" + Reviews.enc("副高级"))));
        assertEquals(ids(met, short60, accountant), idSet(listAll("titleLevel=" + Reviews.enc("中级"))));
        assertEquals(ids(pending), idSet(listAll("status=PENDING")));
        assertEquals(ids(accountant), idSet(listAll("unitOrgId=" + tree.base().orgId())));
        assertEquals(ids(met), idSet(listAll("q=" + Reviews.enc(met.name()))));

        Map<String, JsonNode> year = byId(listAll("year=" + Hours.YEAR));
        JsonNode m = year.get(met.personId());
        assertEquals(Hours.YEAR, m.path("year").asInt());
        assertEquals(30, m.path("publicHours").asDouble());
        assertEquals(60, m.path("professionalHours").asDouble());
        assertEquals(90, m.path("totalHours").asDouble());
        assertTrue(m.path("met").asBoolean());
        assertEquals(60, year.get(short60.personId()).path("professionalHours").asDouble());
        assertFalse(year.get(short60.personId()).path("met").asBoolean(), "60 专业 without 公需 does not meet the year");
        assertEquals(0, year.get(engineer.personId()).path("totalHours").asDouble());
        assertEquals(ids(met), idSet(listAll("year=" + Hours.YEAR + "&met=true")));
        assertEquals(ids(short60, engineer, accountant), idSet(listAll("year=" + Hours.YEAR + "&met=false")));
        assertEquals(ids(met), idSet(listAll("year=" + Hours.YEAR + "&met=true&unitOrgId=" + tree.unit().orgId())));
        assertFalse(listAll("").get(0).has("met"), "no year asked: no year's fields");

        // The unit's own admin sees the unit, not the base beside it.
        assertEquals(ids(met, short60, engineer), idSet(listAllAs(Fixtures.token(tree.unit()), "")));

        Fixtures.assertValidation(E2E.get("/v1/persons?met=true", tree.deptToken()), "year");
        Fixtures.assertValidation(E2E.get("/v1/persons?year=1999", tree.deptToken()), "year");
        Fixtures.assertValidation(E2E.get("/v1/persons?year=" + Hours.YEAR + "&met=yes", tree.deptToken()), "met");
        Fixtures.assertValidation(E2E.get("/v1/persons?status=DELETED", tree.deptToken()), "status");
        Fixtures.assertValidation(E2E.get("/v1/persons?q=" + "长".repeat(51), tree.deptToken()), "q");
        Fixtures.assertValidation(E2E.get("/v1/persons?limit=0", tree.deptToken()), "limit");
    }

    @Test
    void pagesOfOneWalkEveryPersonOnceAndACursorKeepsItsFilters() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        String first = null;
        do {
            E2E.Resp r = E2E.get("/v1/persons?limit=1&year=" + Hours.YEAR + (cursor == null ? "" : "&cursor=" + Reviews.enc(cursor)),
                    tree.deptToken());
            assertEquals(200, r.status(), r::toString);
            assertTrue(r.json().path("items").size() <= 1);
            r.json().path("items").forEach(n -> walked.add(n.path("personId").asText()));
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText();
            if (first == null) {
                first = cursor;
            }
        } while (cursor != null);
        assertEquals(4, walked.size(), walked::toString);
        assertEquals(ids(met, short60, engineer, accountant), new HashSet<>(walked));
        Fixtures.assertError(E2E.get("/v1/persons?limit=1&cursor=" + Reviews.enc(first), tree.deptToken()), 400, "INVALID_CURSOR");
        Fixtures.assertError(E2E.get("/v1/persons?limit=1&year=" + Hours.YEAR + "&cursor=" + Reviews.enc(first), other.deptToken()),
                400, "INVALID_CURSOR");
    }

    @Test
    void listsAndProfilesAreMaskedAndAnotherDepartmentSeesNothing() {
        E2E.Resp list = E2E.get("/v1/persons?limit=100&year=" + Hours.YEAR, tree.deptToken());
        assertFalse(UNMASKED.matcher(list.text()).find(), list::toString);
        JsonNode row = byId(listAll("")).get(met.personId());
        assertEquals(met.idCard().substring(0, 4) + "**********" + met.idCard().substring(14), row.path("idCardMasked").asText());
        assertEquals(met.phone().substring(0, 3) + "****" + met.phone().substring(7), row.path("phoneMasked").asText());

        E2E.Resp profile = E2E.get("/v1/persons/" + met.personId(), tree.deptToken());
        assertEquals(200, profile.status(), profile::toString);
        assertFalse(UNMASKED.matcher(profile.text()).find(), profile::toString);
        JsonNode p = profile.json();
        assertEquals(met.name(), p.path("name").asText());
        assertEquals(row.path("idCardMasked").asText(), p.path("idCardMasked").asText());
        assertEquals(tree.unit().orgId(), p.at("/org/orgId").asText());
        assertEquals("卫生技术人员", p.at("/title/titleSeries").asText());
        JsonNode y = p.path("hoursByYear").get(0);
        assertEquals(Hours.YEAR, y.path("year").asInt());
        assertEquals(90, y.path("totalHours").asDouble());
        assertEquals(90, y.at("/required/total").asDouble());
        assertTrue(y.path("met").asBoolean());
        JsonNode cert = Reviews.await(() -> "the certificate in the profile", Duration.ofSeconds(30), () -> {
            JsonNode certs = E2E.get("/v1/persons/" + met.personId(), tree.deptToken()).json().path("certificates");
            return certs.size() == 1 ? Optional.of(certs.get(0)) : Optional.empty();
        });
        assertEquals("VALID", cert.path("status").asText());
        assertTrue(cert.path("certificateNo").asText().startsWith("HBCE-" + Hours.YEAR + "-"), cert::toString);
        assertEquals(0, E2E.get("/v1/persons/" + short60.personId(), tree.deptToken()).json().path("certificates").size());

        // Another department: nothing in its lists, 404 on the profile, like a person who does not exist.
        List<JsonNode> theirs = listAllAs(other.deptToken(), "");
        assertEquals(ids(foreign), idSet(theirs));
        assertTrue(listAllAs(other.deptToken(), "year=" + Hours.YEAR).stream()
                .noneMatch(n -> n.path("personId").asText().equals(met.personId())));
        Fixtures.assertError(E2E.get("/v1/persons/" + met.personId(), other.deptToken()), 404, "NOT_FOUND");
        Fixtures.assertError(E2E.get("/v1/persons/" + foreign.personId(), tree.deptToken()), 404, "NOT_FOUND");
        Fixtures.assertError(E2E.get("/v1/persons/p_nobody_at_all", tree.deptToken()), 404, "NOT_FOUND");
        Fixtures.assertError(E2E.get("/v1/persons?unitOrgId=" + tree.unit().orgId(), other.deptToken()), 404, "NOT_FOUND");
        // The unit's admin is not over the base: the base's person is not found for it.
        Fixtures.assertError(E2E.get("/v1/persons/" + accountant.personId(), Fixtures.token(tree.unit())), 404, "NOT_FOUND");
    }

    @Test
    void aPersonsWorkbookHoldsTheRowsOfTheJsonMaskedAndAudited() throws Exception {
        List<JsonNode> json = listAll("year=" + Hours.YEAR);
        E2E.Resp r = E2E.post("/v1/exports", obj("type", "PERSONS", "format", "xlsx", "filters", obj("year", Hours.YEAR)),
                tree.deptToken());
        assertEquals(201, r.status(), r::toString);
        assertEquals(json.size(), r.json().path("rows").asInt());
        byte[] xlsx = download(r.json().path("url").asText());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(List.of("姓名", "身份证号", "手机号", "单位", "职称系列", "职称级别", "注册状态", "年度", "公需学时", "专业学时",
                    "总学时", "是否达标"), cells(sheet.getRow(0)));
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "the header row is frozen");
            assertTrue(sheet.getColumnWidth(3) >= 30 * 256, "the unit column is wide enough for its names");
            assertEquals(json.size(), sheet.getLastRowNum(), "one row per person, after the header");
            for (int i = 0; i < json.size(); i++) {
                JsonNode n = json.get(i);
                Row row = sheet.getRow(i + 1);
                assertEquals(List.of(n.path("name").asText(), n.path("idCardMasked").asText(), n.path("phoneMasked").asText(),
                        n.path("unitName").asText(), n.path("titleSeries").asText(), n.path("titleLevel").asText(), "已通过",
                        String.valueOf(Hours.YEAR)), cells(row).subList(0, 8), "row " + (i + 1));
                assertEquals(n.path("publicHours").asDouble(), row.getCell(8).getNumericCellValue());
                assertEquals(n.path("professionalHours").asDouble(), row.getCell(9).getNumericCellValue());
                assertEquals(n.path("totalHours").asDouble(), row.getCell(10).getNumericCellValue());
                assertEquals(n.path("met").asBoolean() ? "达标" : "未达标", row.getCell(11).getStringCellValue());
            }
            assertFalse(UNMASKED.matcher(String.join("\n", allCells(sheet))).find(), "no unmasked ID or phone in the workbook");
        }
        assertEquals(List.of("EXPORT_PERSONS"), AuditTrail.of(tree.dept().orgId(), r.json().path("exportId").asText()));

        E2E.Resp csv = E2E.post("/v1/exports", obj("type", "PERSONS", "format", "csv", "filters",
                obj("year", Hours.YEAR, "met", true)), tree.deptToken());
        assertEquals(201, csv.status(), csv::toString);
        assertEquals(1, csv.json().path("rows").asInt());
        byte[] bytes = download(csv.json().path("url").asText());
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains(met.name() + ","), text);
        assertFalse(text.contains(short60.name()), text);
        assertFalse(UNMASKED.matcher(text).find(), text);
        assertEquals(List.of("EXPORT_PERSONS"), AuditTrail.of(tree.dept().orgId(), csv.json().path("exportId").asText()));

        // Another department's export of "everything" holds none of these persons.
        E2E.Resp theirs = E2E.post("/v1/exports", obj("type", "PERSONS", "format", "csv"), other.deptToken());
        String theirText = new String(download(theirs.json().path("url").asText()), StandardCharsets.UTF_8);
        assertTrue(theirText.contains(foreign.name()));
        for (Person p : List.of(met, short60, engineer, accountant)) {
            assertFalse(theirText.contains(p.name()), theirText);
        }
    }

    @Test
    void anHoursExportHoldsTheJurisdictionsRecordsMasked() throws Exception {
        List<JsonNode> json = Hours.listAll(tree.deptToken(), "year=" + Hours.YEAR);
        assertEquals(3, json.size(), "three approved declaration records");
        E2E.Resp r = E2E.post("/v1/exports", obj("type", "HOURS", "filters", obj("year", Hours.YEAR, "status", "APPROVED")),
                tree.deptToken());
        assertEquals(201, r.status(), r::toString);
        assertEquals(3, r.json().path("rows").asInt());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(r.json().path("url").asText())))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("姓名", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow());
            for (int i = 0; i < json.size(); i++) {
                JsonNode n = json.get(i);
                Row row = sheet.getRow(i + 1);
                assertEquals(n.path("name").asText(), row.getCell(0).getStringCellValue());
                assertEquals(n.path("idCardMasked").asText(), row.getCell(1).getStringCellValue());
                assertEquals(n.path("hours").asDouble(), row.getCell(7).getNumericCellValue());
            }
            assertFalse(UNMASKED.matcher(String.join("\n", allCells(sheet))).find());
        }
        assertEquals(List.of("EXPORT_HOURS"), AuditTrail.of(tree.dept().orgId(), r.json().path("exportId").asText()));
        E2E.Resp theirs = E2E.post("/v1/exports", obj("type", "HOURS", "format", "csv", "filters", obj("year", Hours.YEAR)),
                other.deptToken());
        assertEquals(0, theirs.json().path("rows").asInt(), "another department's records export holds none of these");
    }

    @Test
    void badFiltersOrAMissingPermissionStoreNothing() {
        int before = storedExports(tree.dept().orgId());
        String token = tree.deptToken();
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "PERSONS", "filters", obj("met", "yes", "year", Hours.YEAR)),
                token), "filters.met");
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "PERSONS", "filters", obj("met", true)), token), "filters.year");
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "PERSONS", "filters", obj("colour", "red")), token),
                "filters.colour");
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "PERSONS", "filters", obj("year", List.of(2024))), token),
                "filters.year");
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "HOURS", "filters", obj("category", "SPORT")), token),
                "filters.category");
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "HOURS", "filters", obj("year", 1999)), token), "filters.year");
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "PEOPLE"), token), "type");
        Fixtures.assertValidation(E2E.post("/v1/exports", obj("type", "PERSONS", "format", "pdf"), token), "format");
        Fixtures.assertError(E2E.post("/v1/exports", obj("type", "PERSONS", "filters", obj("unitOrgId", other.unit().orgId())),
                token), 404, "NOT_FOUND");
        // stats.view alone opens the route but not these two exports.
        String statsOnly = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(tree.dept(), Fixtures.role(tree.dept().orgId(),
                "stats.view")), TestData.PASSWORD);
        Fixtures.assertError(E2E.post("/v1/exports", obj("type", "PERSONS"), statsOnly), 403, "FORBIDDEN");
        Fixtures.assertError(E2E.post("/v1/exports", obj("type", "HOURS"), statsOnly), 403, "FORBIDDEN");
        assertEquals(before, storedExports(tree.dept().orgId()), "no refused export left a file");
    }

    // ------------------------------------------------------------------ helpers

    private static Person person(String orgId, String tag, RegistrationStatus status, String series, String level) {
        E2E.server();
        String idCard = TestData.idCard();
        String name = TestData.personName(tag);
        String phone = TestData.phone();
        String personId = AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, name, phone, TestData.PASSWORD),
                new PersonRegistration(orgId, status, series, level));
        return new Person(personId, idCard, name, phone);
    }

    private static String declare(String unitToken, String category, int hours, List<Person> trainees) {
        List<Map<String, Object>> rows = new ArrayList<>();
        trainees.forEach(t -> rows.add(obj("idCard", t.idCard(), "name", t.name())));
        E2E.Resp r = E2E.post("/v1/hours/declarations", obj("year", Hours.YEAR, "category", category, "activityType", "TRAINING",
                "courseTitle", "人员查询培训" + category + System.nanoTime(), "hours", hours, "startDate", Hours.YEAR + "-04-01",
                "endDate", Hours.YEAR + "-04-03", "trainees", rows), unitToken);
        assertEquals(201, r.status(), r::toString);
        assertEquals(trainees.size(), r.json().path("accepted").asInt(), r::toString);
        return Reviews.awaitPending(tree.deptToken(), "HOURS_DECLARATION", "declarationId", r.json().path("declarationId").asText())
                .path("reviewId").asText();
    }

    private static void approve(String reviewId) {
        E2E.Resp done = Reviews.decide(tree.deptToken(), Reviews.approve(reviewId));
        assertEquals("DONE", Reviews.outcome(done, reviewId), done::toString);
    }

    private static List<JsonNode> listAll(String query) {
        return listAllAs(tree.deptToken(), query);
    }

    private static List<JsonNode> listAllAs(String token, String query) {
        return Transfers.listAll(token, "/v1/persons", query);
    }

    private static Map<String, JsonNode> byId(List<JsonNode> rows) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        rows.forEach(n -> out.put(n.path("personId").asText(), n));
        return out;
    }

    private static Set<String> idSet(List<JsonNode> rows) {
        Set<String> out = new HashSet<>();
        rows.forEach(n -> out.add(n.path("personId").asText()));
        assertEquals(rows.size(), out.size(), "no person twice");
        return out;
    }

    private static Set<String> ids(Person... persons) {
        Set<String> out = new HashSet<>();
        for (Person p : persons) {
            out.add(p.personId());
        }
        return out;
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell c : row) {
            out.add(CELLS.formatCellValue(c));
        }
        return out;
    }

    private static List<String> allCells(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            out.addAll(cells(row));
        }
        return out;
    }

    private static int storedExports(String orgId) {
        return AwsClients.s3().listObjectsV2(l -> l.bucket(AppContext.get().config().bucketName()).prefix("exports/" + orgId + "/"))
                .keyCount();
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode(), () -> new String(got.body(), StandardCharsets.UTF_8));
        assertNotNull(got.body());
        return got.body();
    }
}
