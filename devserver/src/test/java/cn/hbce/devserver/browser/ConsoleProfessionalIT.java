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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A professional's console in headless Chromium: the menu of their role, an hours claim with an
 * evidence file that goes to S3 from the browser, the claim pending, decided in the queues by the
 * unit (初审) and the department (复审) in their own browsers, and approved on the professional's
 * page; the certificate's code on the public 证书验证 page without signing in. Each step is checked
 * through the API as well.
 */
class ConsoleProfessionalIT {
    private static final String PERSON = "专业技术人员";

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @Test
    void aClaimWithEvidenceIsPendingThenApprovedByTheUnitAndTheDepartmentInTheirQueues() {
        Reviews.Tree tree = Reviews.tree("浏览器学时");
        RoleFixtures.Professional p = RoleFixtures.professional(tree.unit().orgId(), "浏览器申报");
        String title = "浏览器申报的公需课" + System.nanoTime() % 100000;
        try (Browser b = Browser.open()) {
            b.login(PERSON, p.idCard(), TestData.PASSWORD);
            String menu = b.find("[data-test=menu]").getAttribute("textContent");
            for (String shown : List.of("个人信息", "学时申报", "我的学时", "年度达标情况", "我的证书")) {
                assertTrue(menu.contains(shown), shown + " in the professional's menu: " + menu);
            }
            for (String hidden : List.of("基本信息管理", "注册审核管理", "学时学分审核", "培训计划", "下属机构管理")) {
                assertFalse(menu.contains(hidden), hidden + " is not the professional's: " + menu);
            }
            b.screenshot("20-professional-home");

            b.go("/me/hours/claim");
            b.choose("[data-test=claim-type]", "培训班");
            assertTrue(b.find("[data-test=claim-type-rule]").getText().contains("无年度上限"), "the chosen type's cap is shown");
            b.choose("[data-test=claim-type]", "远程教育");
            assertTrue(b.find("[data-test=claim-type-rule]").getText().contains("年度上限 60 学时"), "the rules' cap of ONLINE");
            b.type("#claim-title", title);
            WebElement hours = b.find("#claim-hours");
            hours.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6", Keys.TAB);
            RoleFixtures.typeDate(b, "#claim-start", RoleFixtures.YEAR + "-03-01");
            RoleFixtures.typeDate(b, "#claim-end", RoleFixtures.YEAR + "-03-02");
            b.driver().findElement(By.cssSelector("[data-test=claim-files-input]"))
                    .sendKeys(RoleFixtures.pdfFile("学习证明.pdf").toString());
            b.find("[data-test=claim-files-ready]");
            b.screenshot("21-hours-claim-form");
            b.click("[data-test=claim-submit]");
            b.settledRow("[data-test=my-hours-table] .el-table__row", title, "审核中");
            b.screenshot("22-my-hours-pending");
        }
        JsonNode record = mine(p, title);
        assertEquals("PENDING", record.path("status").asText());
        assertEquals(6, record.path("hours").asDouble());
        assertEquals(1, record.path("evidenceFileIds").size(), "the evidence uploaded in the browser is attached: " + record);

        decideInTheQueue("用人单位", tree.unit().idCard(), p.name(), "23-unit-first-review");
        decideInTheQueue("主管部门", tree.dept().idCard(), p.name(), "24-department-second-review");
        Reviews.await("the claim approved", () -> Optional.of(mine(p, title)).filter(r -> "APPROVED".equals(r.path("status").asText())));

        try (Browser b = Browser.open()) {
            b.login(PERSON, p.idCard(), TestData.PASSWORD);
            b.go("/me/hours");
            b.settledRow("[data-test=my-hours-table] .el-table__row", title, "已通过");
            b.screenshot("25-my-hours-approved");
        }
    }

    @Test
    void theCertificatesCodeVerifiesOnThePublicPageWithTheNameMasked() {
        Reviews.Tree tree = Reviews.tree("浏览器证书");
        RoleFixtures.Professional p = RoleFixtures.professional(tree.unit().orgId(), "证书");
        JsonNode certificate = RoleFixtures.certificate(tree, p);
        String code = certificate.path("verifyCode").asText();
        String number = certificate.path("certificateNo").asText();
        try (Browser b = Browser.open()) {
            b.login(PERSON, p.idCard(), TestData.PASSWORD);
            b.go("/me/certificates");
            b.settledRow("[data-test=my-cert-table] .el-table__row", number, code, "有效");
            b.screenshot("26-my-certificates");
            b.go("/me/annual-status");
            assertTrue(b.withText("[data-test=status-result]", "已达标").isDisplayed());
            b.screenshot("27-annual-status-met");

            RoleFixtures.script(b, "sessionStorage.clear()");
            b.go("/verify");
            b.type("#verify-code", code);
            b.click("[data-test=verify-submit]");
            WebElement result = b.withText("[data-test=verify-result]", number);
            assertTrue(b.find("[data-test=verify-verdict]").getText().contains("真实有效"));
            String masked = E2E.get("/v1/certificates/verify/" + code).json().path("name").asText();
            assertTrue(result.getText().contains(masked), result.getText());
            assertFalse(result.getText().contains(p.name()), "the public page shows the masked name only");
            assertFalse(result.getText().contains(p.idCard()), "no ID number");
            assertTrue(b.driver().getCurrentUrl().endsWith("/verify/" + code), b.driver().getCurrentUrl());
            b.screenshot("28-public-verification");

            b.go("/verify/NOSUCHCODE00");
            assertTrue(b.find("[data-test=verify-error]").getText().contains("未找到"));
        }
    }

    @Test
    void anInvalidOrEndedSessionGoesBackToLoginAndThenToWhereTheUserWas() {
        Reviews.Tree tree = Reviews.tree("浏览器会话");
        RoleFixtures.Professional p = RoleFixtures.professional(tree.unit().orgId(), "会话");
        try (Browser b = Browser.open()) {
            b.go("/login").find("#login-id-card");
            RoleFixtures.script(b, "sessionStorage.setItem('hbce.token', 'not-a-token')");
            b.go("/me/hours");
            b.find("#login-id-card");
            assertTrue(here(b).endsWith("/login?redirect=/me/hours"), here(b));

            b.choose("[data-test=login-user-type]", PERSON);
            b.type("#login-id-card", p.idCard());
            b.type("#login-password", TestData.PASSWORD);
            b.click("[data-test=login-submit]");
            b.find("[data-test=my-hours-table]");
            assertTrue(b.driver().getCurrentUrl().endsWith("/me/hours"), "back where the user was: " + b.driver().getCurrentUrl());

            // The session ends on the server (logout elsewhere): the next call answers 401.
            String token = (String) RoleFixtures.script(b, "return sessionStorage.getItem('hbce.token')");
            assertEquals(204, E2E.post("/v1/auth/logout", null, token).status());
            b.click("[data-test='menu-/me/annual-status']");
            b.find("#login-id-card");
            b.until(d -> here(b).endsWith("/login?redirect=/me/annual-status") ? true : null);
            b.screenshot("29-session-ended-login");
        }
    }

    @Test
    void aTitleChangeWithEvidenceShowsBeforeAndAfterAndIsListedPending() {
        RoleFixtures.Professional p = RoleFixtures.professional(DemoData.HOSPITAL, "职称");
        try (Browser b = Browser.open()) {
            b.login(PERSON, p.idCard(), TestData.PASSWORD);
            b.go("/me/profile");
            assertTrue(b.withText("[data-test=profile]", p.name()).getText().contains(p.idCard()), "the full ID number on the own profile");
            b.click("[data-test=change-open]");
            b.choose("[data-test=chg-level]", "副高级");
            String diff = b.withText("[data-test=chg-diff]", "副高级").getText();
            assertTrue(diff.contains("职称级别") && diff.contains("中级"), diff);
            b.driver().findElement(By.cssSelector("[data-test=chg-files-input]")).sendKeys(RoleFixtures.pdfFile("职称证书.pdf").toString());
            b.find("[data-test=chg-files-ready]");
            b.screenshot("35-title-change-form");
            b.click("[data-test=chg-submit]");
            WebElement row = b.withText("[data-test=change-table] .el-table__row", "副高级");
            assertTrue(row.getText().contains("待审核") && row.getText().contains("职称证书.pdf"), row.getText());
            assertFalse(b.find("[data-test=change-open]").isEnabled(), "one pending change at a time");
            b.screenshot("36-title-change-history");
        }
        JsonNode change = E2E.get("/v1/me/changes", p.token()).json().path("items").get(0);
        assertEquals("PENDING", change.path("status").asText());
        assertEquals("副高级", change.path("changes").get(0).path("after").asText(), change::toString);
        assertEquals(1, change.path("files").size(), change::toString);
    }

    @Test
    void aLockedAccountIsToldUntilWhenOnTheLoginPage() {
        RoleFixtures.Professional p = RoleFixtures.professional(DemoData.HOSPITAL, "锁定");
        E2E.Resp last = null;
        for (int i = 0; i < 6; i++) {
            last = Fixtures.login("PERSON", p.idCard(), "Wrong#Passw0rd" + i);
        }
        assertEquals(423, last.status(), last::toString);
        OffsetDateTime until = OffsetDateTime.parse(last.json().path("details").get(0).path("lockedUntil").asText());
        assertTrue(until.isAfter(OffsetDateTime.now().plusMinutes(29)), "the lock's end: " + until);
        String shown = until.atZoneSameInstant(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        try (Browser b = Browser.open()) {
            b.go("/login");
            b.choose("[data-test=login-user-type]", PERSON);
            b.type("#login-id-card", p.idCard());
            b.type("#login-password", TestData.PASSWORD);
            b.click("[data-test=login-submit]");
            WebElement alert = b.find("[data-test=login-error]");
            assertTrue(alert.getText().contains(last.json().path("message").asText()), alert.getText());
            assertTrue(alert.getText().contains("解锁时间：" + shown), alert.getText() + " vs " + shown);
            b.screenshot("34-login-locked-until");
        }
    }

    private static void decideInTheQueue(String userType, String idCard, String name, String screenshot) {
        try (Browser b = Browser.open()) {
            b.login(userType, idCard, TestData.PASSWORD);
            b.go("/reviews/HOURS_CLAIM");
            b.type("#rq-q", name);
            WebElement row = b.until(d -> {
                b.click("[data-test=search]");
                return d.findElements(By.cssSelector("[data-test=review-table] .el-table__row")).stream()
                        .filter(e -> e.getText().contains(name)).findFirst().orElse(null);
            });
            row.findElement(By.cssSelector(".el-checkbox")).click();
            b.screenshot(screenshot);
            b.click("[data-test=batch-approve]");
            b.click("[data-test=batch-confirm]");
            WebElement outcome = b.withText(".el-dialog", "处理结果");
            b.until(d -> outcome.getText().contains("已处理") ? true : null);
        }
    }


    /** The page's address, decoded (the router may or may not encode the slashes of ?redirect=). */
    private static String here(Browser b) {
        return java.net.URLDecoder.decode(b.driver().getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode mine(RoleFixtures.Professional p, String title) {
        for (JsonNode r : E2E.get("/v1/me/hours?limit=100", p.token()).json().path("items")) {
            if (title.equals(r.path("title").asText())) {
                return r;
            }
        }
        throw new AssertionError("no record " + title);
    }
}
