package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.e2e.E2E;
import cn.hbce.devserver.e2e.Fixtures;
import cn.hbce.devserver.e2e.Reviews;
import cn.hbce.devserver.e2e.TestData;
import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console of units and bases in headless Chromium: their menu (their super admin holds every
 * permission, yet sees only its role's pages), a base's training plan with an attachment uploaded
 * from the browser, a unit's 学时批量申报 whose refused rows are shown one by one, and a 403 from the
 * API shown with its own message. Each effect is checked through the API as well.
 */
class ConsoleUnitIT {

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void aBaseSubmitsAnAnnualPlanWithAnAttachmentAndSeesItPending() {
        Reviews.Tree tree = Reviews.tree("浏览器计划");
        String title = "浏览器提交的年度培训计划" + System.nanoTime() % 100000;
        try (Browser b = Browser.open()) {
            b.login("继续教育基地", tree.base().idCard(), TestData.PASSWORD);
            String menu = b.find("[data-test=menu]").getAttribute("textContent");
            for (String shown : List.of("基本信息管理", "管理单位管理员", "角色管理", "培训计划", "学时批量申报")) {
                assertTrue(menu.contains(shown), shown + " in a base's menu: " + menu);
            }
            for (String hidden : List.of("下属机构管理", "注册审核管理", "变更审核管理", "学时申报", "我的证书", "管理内设部门")) {
                assertFalse(menu.contains(hidden), hidden + " is not a base's: " + menu);
            }
            b.go("/plans");
            b.click("[data-test=plan-add]");
            b.type("#plan-title", title);
            b.type("#plan-content", "全年安排公需科目与专业科目培训各两期。");
            b.driver().findElement(By.cssSelector("[data-test=plan-files-input]"))
                    .sendKeys(RoleFixtures.pdfFile("年度培训计划.pdf").toString());
            b.find("[data-test=plan-files-ready]");
            b.screenshot("30-base-plan-form");
            b.click("[data-test=plan-submit]");
            WebElement row = b.withText("[data-test=plan-table] .el-table__row", title);
            assertTrue(row.getText().contains("待审核") && row.getText().contains("年度培训计划"), row.getText());
            b.screenshot("31-base-plans");
        }
        String token = Fixtures.token(tree.base());
        JsonNode plan = E2E.get("/v1/training-plans?kind=ANNUAL_PLAN", token).json().path("items").get(0);
        assertEquals(title, plan.path("title").asText());
        assertEquals("PENDING", plan.path("status").asText());
        assertEquals(1, plan.path("fileCount").asInt(), "the attachment uploaded in the browser: " + plan);
        Reviews.awaitPending(tree.deptToken(), "ANNUAL_PLAN", "orgId", tree.base().orgId());
    }

    @Test
    void aUnitDeclaresHoursForAPastedListAndSeesEachRefusedRow() {
        Reviews.Tree tree = Reviews.tree("浏览器批量");
        RoleFixtures.Professional trainee = RoleFixtures.professional(tree.unit().orgId(), "学员");
        RoleFixtures.Professional other = RoleFixtures.professional(tree.unit().orgId(), "学员");
        String course = "浏览器批量申报课程" + System.nanoTime() % 100000;
        String list = "身份证号,姓名\n" + trainee.idCard() + "," + trainee.name() + "\n" + other.idCard() + ",张冠李戴\n这一行不是学员\n";
        try (Browser b = Browser.open()) {
            b.login("用人单位", tree.unit().idCard(), TestData.PASSWORD);
            b.go("/hours/declare");
            b.choose("[data-test=decl-type]", "培训班");
            b.type("#decl-title", course);
            RoleFixtures.typeDate(b, "#decl-start", RoleFixtures.YEAR + "-04-01");
            RoleFixtures.typeDate(b, "#decl-end", RoleFixtures.YEAR + "-04-02");
            b.find("#decl-list").sendKeys(list);
            b.until(d -> b.find(".list-tools").getText().contains("已识别 2 人") ? true : null);
            b.click("[data-test=decl-submit]");
            WebElement result = b.find("[data-test=decl-result]");
            assertTrue(result.getText().contains("接受 1 人") && result.getText().contains("未接受 1 人"), result.getText());
            String problems = b.find("[data-test=decl-problems]").getText();
            assertTrue(problems.contains("姓名与身份证号不符") && problems.contains(other.idCard()), problems);
            assertTrue(problems.contains("第 4 行") && problems.contains("格式不正确"), problems);
            b.screenshot("32-unit-hours-declaration");
        }
        JsonNode pending = Reviews.awaitPending(tree.deptToken(), "HOURS_DECLARATION", "orgId", tree.unit().orgId());
        assertTrue(pending.toString().contains(course) || Reviews.detail(tree.deptToken(), pending.path("reviewId").asText())
                .text().contains(course), pending::toString);
    }

    @Test
    void aForbiddenAnswerShowsTheApisMessage() {
        Map<String, Object> body = TestData.supervisedOrgRegistration(DemoData.HEALTH_COMMISSION, "单位");
        E2E.Resp registered = E2E.post("/v1/registrations/units", body);
        assertEquals(201, registered.status(), registered::toString);
        @SuppressWarnings("unchecked")
        String idCard = (String) ((Map<String, Object>) body.get("admin")).get("idCard");
        E2E.Resp refused = E2E.get("/v1/training-plans", Fixtures.token("UNIT", idCard, TestData.PASSWORD));
        assertEquals(403, refused.status(), refused::toString);
        String message = refused.json().path("message").asText();
        try (Browser b = Browser.open()) {
            b.login("用人单位", idCard, TestData.PASSWORD);
            b.go("/plans");
            WebElement shown = b.withText(".el-message", message);
            assertTrue(shown.isDisplayed());
            b.screenshot("33-forbidden-message");
        }
    }

}
