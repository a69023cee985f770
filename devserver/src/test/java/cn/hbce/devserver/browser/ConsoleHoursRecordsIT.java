package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * 学时记录 删除记录 in headless Chromium: a professional's claim approved by the hospital (初审) and the
 * health department (复审) over the API; the department admin finds the record by the person's
 * name, tries to delete it without a reason (refused in the page), then with one; the row shows
 * 已删除 and the API holds the record DELETED with that reason.
 */
class ConsoleHoursRecordsIT {
    private static final int YEAR = LocalDate.now(ZoneOffset.ofHours(8)).getYear();

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void departmentAdminDeletesAnApprovedRecordWithAReason() {
        E2E.server();
        String name = TestData.personName("删学时");
        String idCard = TestData.idCard();
        AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, name, TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(DemoData.HOSPITAL, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        String personToken = Fixtures.token("PERSON", idCard, TestData.PASSWORD);
        E2E.Resp claimed = E2E.post("/v1/me/hours", E2E.obj("year", YEAR, "category", "PROFESSIONAL", "activityType", "TRAINING",
                "title", "重复申报的研修班", "hours", 16, "startDate", YEAR + "-03-01", "endDate", YEAR + "-03-02",
                "evidenceFileIds", List.of()), personToken);
        assertEquals(201, claimed.status(), claimed::toString);
        String recordId = claimed.json().path("recordId").asText();
        String unitToken = Fixtures.token("UNIT", Fixtures.HOSPITAL_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        String deptToken = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        for (String token : List.of(unitToken, deptToken)) {
            String reviewId = Reviews.awaitPending(token, "HOURS_CLAIM", "recordId", recordId).path("reviewId").asText();
            assertEquals(200, Reviews.decide(token, Reviews.approve(reviewId)).status());
        }
        Reviews.await("the record approved", () -> Optional.of(record(recordId, deptToken))
                .filter(r -> r.path("status").asText().equals("APPROVED")));

        try (Browser b = Browser.open()) {
            b.login("主管部门", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.go("/hours/records");
            b.type("#hr-q", name);
            b.click("[data-test=hr-search]");
            b.settledRow("[data-test=hr-table] .el-table__row", name, "已通过");

            b.click("[data-test=hr-delete-" + recordId + "]");
            b.click("[data-test=hr-del-confirm]");
            b.withText(".el-message", "请填写删除原因");
            b.type("#hr-del-reason", "与另一条记录重复");
            b.screenshot("37-hours-record-delete");
            b.click("[data-test=hr-del-confirm]");
            b.withText(".el-message-box button", "删除").click();

            WebElement row = b.settledRow("[data-test=hr-table] .el-table__row", name, "已删除");
            assertTrue(!row.getAttribute("textContent").contains("删除记录"), "a deleted record offers no delete");
        }

        JsonNode stored = record(recordId, deptToken);
        assertEquals("DELETED", stored.path("status").asText(), stored.toString());
        assertEquals("与另一条记录重复", stored.path("deleteReason").asText(), stored.toString());
    }

    private static JsonNode record(String recordId, String token) {
        E2E.Resp r = E2E.get("/v1/hours/" + recordId, token);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }
}
