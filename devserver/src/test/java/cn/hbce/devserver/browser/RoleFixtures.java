package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.devserver.e2e.E2E;
import cn.hbce.devserver.e2e.Fixtures;
import cn.hbce.devserver.e2e.Reviews;
import cn.hbce.devserver.e2e.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What the other roles' browser tests set up through the API: professionals, approved hours, files to pick. */
final class RoleFixtures {
    static final int YEAR = LocalDate.now(ZoneOffset.ofHours(8)).getYear();

    private RoleFixtures() {
    }

    /** An approved professional of {@code orgId} who can log in with {@link TestData#PASSWORD}. */
    record Professional(String personId, String idCard, String name) {
        String token() {
            return Fixtures.token("PERSON", idCard, TestData.PASSWORD);
        }
    }

    static Professional professional(String orgId, String tag) {
        E2E.server();
        String idCard = TestData.idCard();
        String name = TestData.personName(tag);
        String personId = AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, name, TestData.phone(),
                TestData.PASSWORD), new PersonRegistration(orgId, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        return new Professional(personId, idCard, name);
    }

    /**
     * The professional's year met through the API (30 公需 + 60 专业 hours claimed, approved by the unit
     * and then the department); returns the certificate that follows (GET /v1/me/certificates item).
     */
    static JsonNode certificate(Reviews.Tree tree, Professional p) {
        String token = p.token();
        String unitToken = Fixtures.token(tree.unit());
        List<String> records = List.of(claim(token, "PUBLIC", "公需科目培训", 30), claim(token, "PROFESSIONAL", "专业研修班", 60));
        for (String[] stage : new String[][] {{unitToken}, {tree.deptToken()}}) {
            for (String recordId : records) {
                String reviewId = Reviews.awaitPending(stage[0], "HOURS_CLAIM", "recordId", recordId).path("reviewId").asText();
                assertEquals("DONE", Reviews.outcome(Reviews.decide(stage[0], Reviews.approve(reviewId)), reviewId));
            }
        }
        return Reviews.await("the certificate of " + p.name(), () -> {
            JsonNode items = E2E.get("/v1/me/certificates", token).json().path("items");
            return items.size() > 0 ? Optional.of(items.get(0)) : Optional.empty();
        });
    }

    static String claim(String token, String category, String title, double hours) {
        E2E.Resp r = E2E.post("/v1/me/hours", E2E.obj("year", YEAR, "category", category, "activityType", "TRAINING",
                "title", title, "hours", hours, "startDate", YEAR + "-03-01", "endDate", YEAR + "-03-02",
                "evidenceFileIds", List.of()), token);
        assertEquals(201, r.status(), r::toString);
        return r.json().path("recordId").asText();
    }

    /** A small real PDF on disk, for a file input to pick. */
    static Path pdfFile(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
            byte[] body = ("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return Files.write(dir.resolve(name), body).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types a YYYY-MM-DD date into an Element Plus date picker's input and closes its panel. */
    static void typeDate(Browser b, String css, String value) {
        WebElement input = b.find(css);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.ENTER, Keys.TAB);
    }

    /** Runs {@code js} in the page (to read or spoil the session token kept in sessionStorage). */
    static Object script(Browser b, String js) {
        return ((JavascriptExecutor) b.driver()).executeScript(js);
    }
}
