package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.e2e.E2E;
import cn.hbce.devserver.e2e.Fixtures;
import cn.hbce.devserver.e2e.Uploads;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 年度工作材料报送 in headless Chromium: the demo department admin picks a file, watches it go
 * straight to S3 (the progress bar reaches 100 %), submits the material, and downloads the file
 * again from the table: the browser saves exactly the bytes that were picked.
 */
class ConsoleMaterialsIT {
    private static final int YEAR = LocalDate.now(ZoneOffset.ofHours(8)).getYear();

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void departmentAdminUploadsAMaterialFileAndDownloadsTheSameBytes() throws Exception {
        String title = "浏览器学习指南" + System.nanoTime() % 100000;
        String fileName = "study-guide-" + System.nanoTime() % 100000 + ".pdf";
        byte[] body = Uploads.pdf(300_000);
        Path picked = Files.createTempDirectory("hbce-upload").resolve(fileName);
        Files.write(picked, body);

        try (Browser b = Browser.open()) {
            Downloads downloads = Downloads.into(b);
            b.login("主管部门", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.go("/materials");
            b.click("[data-test=mat-add]");
            b.type("#mat-f-title", title);
            b.driver().findElement(By.cssSelector("#mat-f-file")).sendKeys(picked.toAbsolutePath().toString());
            WebElement progress = b.find("[data-test=mat-progress]");
            b.screenshot("20-material-upload-started");
            b.until(d -> progress.getAttribute("class").contains("is-success") ? true : null);
            assertEquals("100", progress.getAttribute("aria-valuenow"), "the bar followed the bytes to the end");
            b.screenshot("20-material-upload");
            b.click("[data-test=mat-submit]");

            WebElement row = b.withText("[data-test=mat-table] .el-table__row", title);
            assertTrue(row.getText().contains(fileName) && row.getText().contains("学习指南") && row.getText().contains("v1"), row.getText());
            b.screenshot("21-materials");

            row.findElement(By.xpath(".//button[contains(., '" + fileName + "')]")).click();
            Path saved = downloads.await(".pdf");
            assertEquals(fileName, saved.getFileName().toString(), "saved under the name it was uploaded with");
            assertArrayEquals(body, Files.readAllBytes(saved), "the downloaded file holds the uploaded bytes");
        }

        String token = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        E2E.Resp list = E2E.get("/v1/materials?year=" + YEAR + "&limit=100", token);
        JsonNode stored = null;
        for (JsonNode m : list.json().path("items")) {
            stored = title.equals(m.path("title").asText()) ? m : stored;
        }
        assertTrue(stored != null, "the material is stored: " + list);
        assertEquals("STUDY_GUIDE", stored.path("type").asText());
        assertEquals(body.length, stored.path("files").get(0).path("size").asInt());
    }
}
