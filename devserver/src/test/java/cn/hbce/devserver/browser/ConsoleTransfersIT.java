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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 人员调出 and 调转记录 in headless Chromium: the demo department admin finds a professional of the
 * hospital by name, sees the person's information filled in, picks the training base as the new
 * org, sends the request, finds it pending in 调转记录, opens its detail and withdraws it (撤销); the
 * API holds it CANCELLED and the person where they were.
 */
class ConsoleTransfersIT {

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void departmentAdminStartsATransferAndSeesItInTheRecords() {
        E2E.server();
        String name = TestData.personName("调出");
        String personId = AppContext.get().bootstrap().ensurePerson(
                new Bootstrap.Account(TestData.idCard(), name, TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(DemoData.HOSPITAL, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));

        try (Browser b = Browser.open()) {
            b.login("主管部门", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.go("/transfers/out");
            b.find("#to-person").sendKeys(name);
            b.withText(".el-select-dropdown__item", name).click();
            WebElement info = b.find("[data-test=to-person-info]");
            assertTrue(info.getText().contains("武汉市第一医院") && info.getText().contains("中级"), info.getText());
            b.find("#to-org").sendKeys("继续教育培训基地");
            b.withText(".el-select-dropdown__item", "湖北省卫生继续教育培训基地").click();
            b.type("#to-reason", "工作调动");
            b.screenshot("25-transfer-out");
            b.click("[data-test=to-submit]");
            b.withText(".el-message-box button", "发起").click();

            WebElement row = b.settledRow("[data-test=tr-table] .el-table__row", name, "待确认", "湖北省卫生继续教育培训基地");
            row.findElement(By.xpath(".//button[contains(., '查看')]")).click();
            WebElement detail = b.find("[data-test=tr-detail]");
            b.until(d -> detail.getText().contains("工作调动") ? true : null);
            assertTrue(detail.getText().contains("武汉市第一医院"), detail.getText());
            b.screenshot("26-transfer-records");

            // 撤销: from the detail, confirmed; the records then show the transfer withdrawn (the
            // workflow ends it CANCELLED just after the answer, so the page is reloaded until it has).
            b.withText(".el-drawer button", "撤销调出申请").click();
            b.withText(".el-message-box button", "撤销").click();
            b.withText(".el-message", "已撤销");
            b.until(d -> {
                b.go("/transfers?direction=OUT");
                return b.withText("[data-test=tr-table] .el-table__row", name).getAttribute("textContent").contains("已撤销")
                        ? true : null;
            });
        }

        String token = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        JsonNode items = E2E.get("/v1/transfers?direction=OUT&q=" + Reviews.enc(name), token).json().path("items");
        JsonNode mine = null;
        for (JsonNode t : items) {
            mine = personId.equals(t.path("personId").asText()) ? t : mine;
        }
        assertTrue(mine != null, "the transfer is stored: " + items);
        assertEquals(DemoData.BASE, mine.path("to").path("orgId").asText());
        assertEquals("CANCELLED", mine.path("status").asText(), "withdrawn from the console");
        assertEquals(DemoData.HOSPITAL, E2E.get("/v1/persons/" + personId, token).json().path("org").path("orgId").asText(),
                "the person stays where they were");
    }
}
