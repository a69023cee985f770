package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.e2e.E2E;
import cn.hbce.devserver.e2e.Fixtures;
import cn.hbce.devserver.e2e.TestData;
import cn.hbce.devserver.seed.DemoData;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The department console in headless Chromium against the devserver, as a department admin uses
 * it: sign in, see the to-do count, approve a registration from its queue in a batch, add an
 * internal department; and the failures a person meets (wrong password, a locked account, the
 * menus a limited admin must not see). Each test checks the effect through the API as well.
 */
class ConsoleIT {
    private static final String DEPARTMENT = "主管部门";

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void departmentAdminSeesTheToDoCountAndApprovesAPendingPersonRegistrationInABatch() {
        String name = TestData.personName("浏览器");
        String idCard = TestData.idCard();
        E2E.Resp registered = E2E.post("/v1/registrations/persons", TestData.personRegistration(DemoData.HOSPITAL, idCard, name));
        assertEquals(201, registered.status(), registered::toString);
        assertEquals(403, Fixtures.login("PERSON", idCard, TestData.PASSWORD).status(), "pending: cannot log in yet");
        String adminToken = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        int total = E2E.get("/v1/todo", adminToken).json().path("total").asInt();
        assertTrue(total >= 1);

        try (Browser b = Browser.open()) {
            b.go("/login").find("#login-id-card");
            b.screenshot("01-login");
            b.login(DEPARTMENT, Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            assertEquals(String.valueOf(total), b.until(d -> textOf(b, "[data-test=todo-total]", String.valueOf(total))),
                    "the home page shows GET /v1/todo's total");
            b.find("[data-test='todo-PERSON_REGISTRATION']");
            assertTrue(b.find("[data-test='badge-group-account']").getText().matches("\\d+\\+?"),
                    "the menu group of the queues carries the count");
            String queueBadge = b.driver().findElement(By.cssSelector("[data-test='badge-/reviews/PERSON_REGISTRATION']"))
                    .getAttribute("textContent").strip();
            assertEquals(String.valueOf(todoCount(adminToken, "PERSON_REGISTRATION")), queueBadge,
                    "the queue's menu item carries its own count");
            b.screenshot("02-home-todo");

            b.click("[data-test='todo-PERSON_REGISTRATION']");
            b.type("#rq-q", name);
            b.click("[data-test=search]");
            WebElement row = b.withText("[data-test=review-table] .el-table__row", name);
            assertTrue(row.getText().contains("武汉市第一医院"), row.getText());
            row.findElement(By.cssSelector(".el-checkbox")).click();
            b.screenshot("03-registration-queue");
            b.click("[data-test=batch-approve]");
            b.click("[data-test=batch-confirm]");
            WebElement outcome = b.withText(".el-dialog", "处理结果");
            b.until(d -> outcome.getText().contains("已处理") ? true : null);
            assertTrue(outcome.getText().contains(name), outcome.getText());
            b.screenshot("04-batch-outcome");
        }
        assertEquals(200, Fixtures.login("PERSON", idCard, TestData.PASSWORD).status(), "approved in the browser: the person logs in");
    }

    @Test
    void departmentAdminAddsAnInternalDepartment() {
        String deptName = "浏览器测试科" + System.nanoTime() % 100000;
        try (Browser b = Browser.open()) {
            b.login(DEPARTMENT, Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.click("[data-test='module-/org/departments']");
            b.click("[data-test=dept-add]");
            b.type("#dept-name", deptName);
            b.type("#dept-leader", "王主任");
            b.type("#dept-phone", "027-88880000");
            b.click("[data-test=dept-save]");
            WebElement row = b.withText("[data-test=dept-table] .el-table__row", deptName);
            assertTrue(row.getText().contains("王主任"), row.getText());
            b.screenshot("05-internal-departments");

            b.go("/org/roles");
            b.click("[data-test=role-add]");
            b.find("[data-test=permission-tree]");
            b.screenshot("06-role-permission-tree");
        }
        String token = Fixtures.token("DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
        JsonNode items = E2E.get("/v1/org/departments?limit=100", token).json().path("items");
        boolean found = false;
        for (JsonNode d : items) {
            found |= deptName.equals(d.path("name").asText()) && "王主任".equals(d.path("leader").asText());
        }
        assertTrue(found, "the department is stored: " + items);
    }

    @Test
    void subordinatesAndOrgInfoPagesShowTheDemoTree() {
        try (Browser b = Browser.open()) {
            b.login(DEPARTMENT, Fixtures.HEALTH_ADMIN_ID_CARD, Fixtures.DEMO_PASSWORD);
            b.click("[data-test='module-/subordinates']");
            WebElement hospital = b.withText("[data-test=sub-table] .el-table__row", "武汉市第一医院");
            assertTrue(hospital.getText().contains("用人单位"), hospital.getText());
            b.withText("[data-test=sub-table] .el-table__row", "湖北省卫生继续教育培训基地");
            b.screenshot("07-subordinates");
            hospital.findElement(By.xpath(".//button[contains(., '管理员信息')]")).click();
            WebElement admins = b.withText(".el-drawer", "王晓梅");
            assertFalse(admins.getText().contains("420104199208080047"), "ID numbers are masked");
            b.screenshot("08-subordinate-admins");

            b.go("/org/info");
            b.until(d -> b.find("#org-name").getAttribute("value").equals("湖北省卫生健康委员会") ? true : null);
            b.screenshot("09-org-info");
        }
    }

    @Test
    void aWrongPasswordShowsTheApisMessageAndStaysOnTheLoginPage() {
        Fixtures.ApprovedOrg org = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("主管部门", "密码错误"));
        String expected = Fixtures.login("DEPARTMENT", TestData.idCard(), "Wrong#Passw0rd").json().path("message").asText();
        assertFalse(expected.isBlank());
        try (Browser b = Browser.open()) {
            b.go("/login");
            b.choose("[data-test=login-user-type]", DEPARTMENT);
            b.type("#login-id-card", org.idCard());
            b.type("#login-password", "Wrong#Passw0rd");
            b.click("[data-test=login-submit]");
            WebElement alert = b.find("[data-test=login-error]");
            assertTrue(alert.getText().contains(expected), alert.getText() + " vs " + expected);
            assertTrue(b.driver().getCurrentUrl().endsWith("/login"), b.driver().getCurrentUrl());
            b.screenshot("10-login-wrong-password");
        }
    }

    @Test
    void aLockedAccountIsToldSoEvenWithTheRightPassword() {
        Fixtures.ApprovedOrg org = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("主管部门", "锁定"));
        E2E.Resp last = null;
        for (int i = 0; i < 6; i++) {
            last = Fixtures.login("DEPARTMENT", org.idCard(), "Wrong#Passw0rd" + i);
        }
        assertEquals(423, last.status(), last::toString);
        String expected = last.json().path("message").asText();
        try (Browser b = Browser.open()) {
            b.go("/login");
            b.choose("[data-test=login-user-type]", DEPARTMENT);
            b.type("#login-id-card", org.idCard());
            b.type("#login-password", org.password());
            b.click("[data-test=login-submit]");
            WebElement alert = b.find("[data-test=login-error]");
            assertTrue(alert.getText().contains(expected), alert.getText() + " vs " + expected);
            assertTrue(b.driver().getCurrentUrl().endsWith("/login"));
            b.screenshot("11-login-locked");
        }
    }

    @Test
    void anAdminWithOnlyTheRegistrationReviewPermissionSeesNoOtherMenusAndCannotOpenThem() {
        Fixtures.ApprovedOrg org = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("主管部门", "受限"));
        String idCard = Fixtures.extraAdmin(org, Fixtures.role(org.orgId(), "review.registration"));
        try (Browser b = Browser.open()) {
            b.login(DEPARTMENT, idCard, TestData.PASSWORD);
            String menu = b.find("[data-test=menu]").getAttribute("textContent");
            assertTrue(menu.contains("注册审核管理"), menu);
            for (String hidden : List.of("管理内设部门", "管理单位管理员", "角色管理", "下属机构管理", "变更审核管理")) {
                assertFalse(menu.contains(hidden), hidden + " must be hidden: " + menu);
            }
            assertTrue(menu.contains("基本信息管理"), "every admin reads the org's information: " + menu);
            b.screenshot("12-limited-admin-menu");
            b.go("/org/departments");
            b.find("[data-test=todo-panel]");
            assertTrue(b.driver().getCurrentUrl().endsWith("/"), "sent home: " + b.driver().getCurrentUrl());
        }
    }

    private static int todoCount(String token, String kind) {
        for (JsonNode item : E2E.get("/v1/todo", token).json().path("items")) {
            if (kind.equals(item.path("kind").asText())) {
                return item.path("count").asInt();
            }
        }
        return 0;
    }

    private static String textOf(Browser b, String css, String expected) {
        String text = b.find(css).getText().strip();
        return text.equals(expected) ? text : null;
    }
}
