package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.devserver.e2e.E2E;
import cn.hbce.devserver.e2e.Fixtures;
import cn.hbce.devserver.e2e.Reviews;
import cn.hbce.devserver.e2e.TestData;
import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * 查询统计 in headless Chromium as the demo department admin: the title-series page draws its
 * charts on canvases and exports an xlsx whose rows are the table's; the certificate page opens a
 * certificate's PDF in a new tab (打印); the overview drills into a child org.
 */
class ConsoleStatsIT {
    private static final int YEAR = LocalDate.now(ZoneOffset.ofHours(8)).getYear();

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void titleSeriesChartIsDrawnAndItsXlsxHoldsTheTablesNumbers() throws Exception {
        long health = approvedHealthProfessionals();
        try (Browser b = Browser.open()) {
            Downloads downloads = Downloads.into(b);
            b.login("主管部门", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.go("/stats/title-series");
            b.find("[data-test=ts-bar] canvas");
            b.until(d -> drawn(b, "[data-test=ts-bar] canvas") && drawn(b, "[data-test=ts-pie] canvas") ? true : null);
            List<List<String>> table = b.until(d -> {
                List<List<String>> rows = tableRows(b);
                return rows.isEmpty() ? null : rows;
            });
            b.screenshot("22-title-series");
            List<String> healthRow = table.stream().filter(r -> r.get(0).equals("卫生技术人员")).findFirst().orElseThrow();
            assertTrue(Long.parseLong(healthRow.get(healthRow.size() - 1)) >= health,
                    "the page shows the approved professionals counted by the API: " + healthRow + " vs " + health);

            b.click("[data-test=ts-export]");
            Path xlsx = downloads.await(".xlsx");
            List<List<String>> sheet = sheetRows(xlsx);
            for (List<String> row : table) {
                assertTrue(sheet.contains(row), "the xlsx holds the table row " + row + ": " + sheet);
            }
            assertTrue(sheet.stream().anyMatch(r -> !r.isEmpty() && r.get(0).equals("合计")), "with a totals row: " + sheet);
            List<String> footer = footer(b);
            assertTrue(sheet.contains(footer), "the totals row matches the page's " + footer + ": " + sheet);
        }
    }

    @Test
    void overviewDrillsIntoAChildOrg() {
        try (Browser b = Browser.open()) {
            b.login("主管部门", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.go("/stats/overview");
            b.find("[data-test=ov-registered]");
            WebElement hospital = b.withText("[data-test=ov-children] .el-table__row", "武汉市第一医院");
            b.screenshot("23-overview");
            hospital.click();
            b.until(d -> b.find("[data-test=ov-crumbs]").getText().contains("武汉市第一医院") ? true : null);
            assertTrue(b.find("[data-test=ov-crumbs]").getText().contains("湖北省卫生健康委员会"), "the way back stays in the breadcrumb");
        }
    }

    @Test
    void aCertificateOpensItsPdfInANewTab() throws Exception {
        Certificate c = certificate();
        try (Browser b = Browser.open()) {
            b.login("主管部门", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.go("/certificates");
            b.type("#ce-q", c.name());
            b.click("[data-test=ce-search]");
            // The first page load and the search both redraw the table: read the rows once both are done.
            b.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('[data-test=ce-table] .el-loading-mask')].every(m => getComputedStyle(m).display === 'none')"))
                    && d.findElements(By.cssSelector("[data-test=ce-table] .el-table__row")).size() == 1 ? true : null);
            String row = b.until(d -> rowText(d, "[data-test=ce-table] .el-table__row", c.name()));
            assertTrue(row.contains(c.number()) && row.contains("有效"), row);
            assertFalse(row.contains(c.idCard()), "ID numbers are masked");
            b.screenshot("24-certificates");
            // The tab the page opens is recorded instead of shown: headless Chromium has no PDF
            // viewer and would save the file, leaving the tab blank; the URL is what the user gets.
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            js.executeScript("window.open = () => { window.__tab = { location: {}, close() {} }; return window.__tab }");
            b.click("[data-test='ce-print-" + c.certificateId() + "']");
            String url = b.until(d -> (String) js.executeScript("return window.__tab && window.__tab.location.href || null"));
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode(), url);
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII), "the opened URL answers the PDF");
        }
    }

    /**
     * Registers a 卫生技术人员 at the demo hospital and approves it over HTTP, so the table has a
     * figure that is not 0; answers the series' total once the API counts it.
     */
    private static long approvedHealthProfessionals() {
        String admin = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        long before = healthTotal(admin);
        Reviews.Registered person = Reviews.registerPerson(DemoData.HOSPITAL);
        String reviewId = Reviews.awaitPendingPerson(admin, person.subjectId());
        assertEquals(200, Reviews.decide(admin, List.of(Reviews.approve(reviewId))).status());
        return Reviews.await("the title-series count to rise", Duration.ofSeconds(20), () -> {
            long now = healthTotal(admin);
            return now > before ? Optional.of(now) : Optional.empty();
        });
    }

    private static long healthTotal(String token) {
        for (JsonNode row : E2E.get("/v1/stats/title-series?year=" + YEAR, token).json().path("rows")) {
            if (row.path("titleSeries").asText().equals("卫生技术人员")) {
                return row.path("total").asLong();
            }
        }
        return 0;
    }

    private record Certificate(String certificateId, String number, String name, String idCard) {
    }

    /**
     * A professional of the demo department claims 30 公需 and 60 专业 hours over HTTP and its admin
     * approves them (one step: the person's org is the department), which issues the certificate.
     */
    private static Certificate certificate() {
        E2E.server();
        String idCard = TestData.idCard();
        String name = TestData.personName("证书打印");
        AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, name, TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(DemoData.HEALTH_COMMISSION, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        String person = Fixtures.token("PERSON", idCard, TestData.PASSWORD);
        String admin = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        List<String> reviews = new ArrayList<>();
        for (Object[] c : new Object[][] {{"PUBLIC", "TRAINING", "公需科目培训", 20}, {"PUBLIC", "ONLINE", "网络公需课", 10},
                {"PROFESSIONAL", "TRAINING", "专业研修班", 48}, {"PROFESSIONAL", "CONFERENCE", "全国学术会议", 12}}) {
            E2E.Resp r = E2E.post("/v1/me/hours", E2E.obj("year", YEAR, "category", c[0], "activityType", c[1], "title", c[2],
                    "hours", c[3], "startDate", YEAR + "-03-01", "endDate", YEAR + "-03-02", "evidenceFileIds", List.of()), person);
            assertEquals(201, r.status(), r::toString);
            reviews.add(Reviews.awaitPending(admin, "HOURS_CLAIM", "recordId", r.json().path("recordId").asText()).path("reviewId").asText());
        }
        E2E.Resp decided = Reviews.decide(admin, reviews.stream().map(Reviews::approve).toList());
        assertEquals(200, decided.status(), decided::toString);
        JsonNode cert = Reviews.await("the certificate of " + name, Duration.ofSeconds(20), () -> {
            JsonNode items = E2E.get("/v1/certificates?q=" + Reviews.enc(name), admin).json().path("items");
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
        });
        return new Certificate(cert.path("certificateId").asText(), cert.path("certificateNo").asText(), name, idCard);
    }

    /** The text of the row holding {@code text}, or null (also while the table is being redrawn). */
    private static String rowText(org.openqa.selenium.WebDriver d, String css, String text) {
        try {
            return d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null);
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return null;
        }
    }

    private static boolean drawn(Browser b, String canvasCss) {
        Object painted = ((JavascriptExecutor) b.driver()).executeScript(
                "const c = document.querySelector(arguments[0]); if (!c || !c.width) return false;"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;", canvasCss);
        return Boolean.TRUE.equals(painted);
    }

    private static List<List<String>> tableRows(Browser b) {
        List<List<String>> out = new ArrayList<>();
        for (WebElement tr : b.driver().findElements(By.cssSelector("[data-test=ts-table] .el-table__body-wrapper tr.el-table__row"))) {
            out.add(tr.findElements(By.cssSelector("td")).stream().map(td -> td.getText().strip().replace(",", "")).toList());
        }
        return out;
    }

    private static List<String> footer(Browser b) {
        return b.driver().findElements(By.cssSelector("[data-test=ts-table] .el-table__footer-wrapper td")).stream()
                .map(td -> td.getText().strip().replace(",", "")).toList();
    }

    /** Every row of the first sheet as text, numbers without decimals (as the page shows counts). */
    private static List<List<String>> sheetRows(Path xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(String.valueOf((long) cell.getNumericCellValue()));
                    } else {
                        cells.add(cell.getStringCellValue());
                    }
                }
                out.add(cells);
            }
        }
        return out;
    }
}
