package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.hbce.devserver.e2e.E2E;
import cn.hbce.devserver.e2e.Fixtures;
import cn.hbce.devserver.e2e.Hours;
import cn.hbce.devserver.e2e.Reviews;
import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
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
    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void departmentAdminDeletesAnApprovedRecordWithAReason() {
        Hours.Professional p = Hours.professional(DemoData.HOSPITAL, "删学时");
        String name = p.name();
        E2E.Resp claimed = E2E.post("/v1/me/hours", Hours.claim("PROFESSIONAL", "TRAINING", "重复申报的研修班", 16), p.token());
        assertEquals(201, claimed.status(), claimed::toString);
        String recordId = claimed.json().path("recordId").asText();
        String unitToken = Fixtures.token("UNIT", Fixtures.HOSPITAL_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        String deptToken = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        for (String token : List.of(unitToken, deptToken)) {
            assertEquals(200, Reviews.decide(token, Reviews.approve(Hours.awaitPendingClaim(token, recordId))).status());
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
            assertFalse(row.getAttribute("textContent").contains("删除记录"), "a deleted record offers no delete");
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
