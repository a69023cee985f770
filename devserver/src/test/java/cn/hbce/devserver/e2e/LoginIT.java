package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static cn.hbce.devserver.e2e.Fixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /v1/auth/login: every user type, wrong user types, unknown users and the lockout. */
class LoginIT {

    @Test
    void rootHrssAdminLogsInAsSuperAdminOfTheRootOrg() {
        JsonNode user = assertSignedIn(login("HRSS", Fixtures.ROOT_ADMIN_ID_CARD, Fixtures.ROOT_ADMIN_PASSWORD),
                "HRSS", Fixtures.ROOT_ORG_ID, Fixtures.ROOT_ORG_NAME, Fixtures.ROOT_ADMIN_ID_CARD);
        assertTrue(user.path("superAdmin").asBoolean(), user::toString);
        List<String> perms = texts(user.path("permissions"));
        assertTrue(perms.containsAll(List.of("org.edit", "review.registration", "admins.manage", "roles.manage")),
                perms::toString);
    }

    @Test
    void seededDepartmentUnitAndBaseAdminsLogInWithTheirOrg() {
        Object[][] seeded = {
                {"DEPARTMENT", Fixtures.HEALTH_ADMIN_ID_CARD, DemoData.HEALTH_COMMISSION, "湖北省卫生健康委员会"},
                {"UNIT", Fixtures.HOSPITAL_ADMIN_ID_CARD, DemoData.HOSPITAL, "武汉市第一医院"},
                {"BASE", Fixtures.BASE_ADMIN_ID_CARD, DemoData.BASE, "湖北省卫生继续教育培训基地"},
        };
        for (Object[] s : seeded) {
            String type = (String) s[0];
            String id = (String) s[1];
            JsonNode user = assertSignedIn(login(type, id, Fixtures.DEMO_PASSWORD), type, (String) s[2], (String) s[3], id);
            assertTrue(user.path("superAdmin").asBoolean(), user::toString);
            assertFalse(texts(user.path("permissions")).isEmpty(), user::toString);
        }
    }

    @Test
    void professionalLogsInAsPersonWithoutAdminRights() {
        JsonNode user = assertSignedIn(login("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD),
                "PERSON", DemoData.HOSPITAL, "武汉市第一医院", Fixtures.PERSON_ID_CARD);
        assertFalse(user.path("superAdmin").asBoolean(), user::toString);
        assertTrue(user.path("permissions").isArray(), user::toString);
        assertEquals(0, user.path("permissions").size(), user::toString);
    }

    @Test
    void freshlyRegisteredDepartmentAdminLogsInAtOnce() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        JsonNode user = assertSignedIn(login("DEPARTMENT", d.idCard(), d.password()), "DEPARTMENT", d.orgId(), d.name(),
                d.idCard());
        assertTrue(user.path("superAdmin").asBoolean(), user::toString);
        assertFalse(texts(user.path("permissions")).isEmpty(), user::toString);
    }

    @Test
    void wrongUserTypeForAnAccountIs401InvalidCredentials() {
        String[][] wrong = {
                {"UNIT", Fixtures.HEALTH_ADMIN_ID_CARD},
                {"HRSS", Fixtures.HEALTH_ADMIN_ID_CARD},
                {"PERSON", Fixtures.HEALTH_ADMIN_ID_CARD},
                {"DEPARTMENT", Fixtures.HOSPITAL_ADMIN_ID_CARD},
                {"BASE", Fixtures.HOSPITAL_ADMIN_ID_CARD},
                {"DEPARTMENT", Fixtures.PERSON_ID_CARD},
                {"UNIT", Fixtures.PERSON_ID_CARD},
        };
        for (String[] w : wrong) {
            assertError(login(w[0], w[1], Fixtures.DEMO_PASSWORD), 401, "INVALID_CREDENTIALS");
        }
        assertError(login("DEPARTMENT", Fixtures.ROOT_ADMIN_ID_CARD, Fixtures.ROOT_ADMIN_PASSWORD), 401,
                "INVALID_CREDENTIALS");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        JsonNode wrongPassword = assertError(login("DEPARTMENT", d.idCard(), "Wrong#Pass1"), 401, "INVALID_CREDENTIALS");
        JsonNode unknown = assertError(login("DEPARTMENT", TestData.idCard(), "Wrong#Pass1"), 401, "INVALID_CREDENTIALS");
        assertEquals(wrongPassword.path("message").asText(), unknown.path("message").asText());
        assertError(login("DEPARTMENT", "not-an-id-number", "Wrong#Pass1"), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void unknownUserIsNeverLocked() {
        String unknown = TestData.idCard();
        for (int i = 1; i <= 7; i++) {
            assertError(login("DEPARTMENT", unknown, "Wrong#Pass" + i), 401, "INVALID_CREDENTIALS");
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        for (int i = 1; i <= 4; i++) {
            assertError(login("DEPARTMENT", d.idCard(), "Wrong#Pass" + i), 401, "INVALID_CREDENTIALS");
        }
        E2E.Resp fifth = login("DEPARTMENT", d.idCard(), "Wrong#Pass5");
        assertTrue(fifth.status() == 401 || fifth.status() == 423, fifth::toString);
        assertError(fifth, fifth.status(), fifth.status() == 401 ? "INVALID_CREDENTIALS" : "ACCOUNT_LOCKED");
        // The sixth attempt, with the RIGHT password, is refused with 423.
        assertError(login("DEPARTMENT", d.idCard(), d.password()), 423, "ACCOUNT_LOCKED");
        // Locked for every way in, and a wrong password does not reveal more.
        assertError(login("PERSON", d.idCard(), d.password()), 423, "ACCOUNT_LOCKED");
        assertError(login("DEPARTMENT", d.idCard(), "Wrong#Pass6"), 423, "ACCOUNT_LOCKED");
    }

    @Test
    void fiveConcurrentWrongPasswordsLockTheAccount() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        List<java.util.concurrent.Callable<E2E.Resp>> attempts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String wrong = "Wrong#Pass" + i;
            attempts.add(() -> login("DEPARTMENT", d.idCard(), wrong));
        }
        for (E2E.Resp r : E2E.concurrently(attempts)) {
            assertTrue(r.status() == 401 || r.status() == 423, r::toString);
        }
        assertError(login("DEPARTMENT", d.idCard(), d.password()), 423, "ACCOUNT_LOCKED");
    }

    @Test
    void pendingAndRejectedProfessionalsAreRefusedWith403OnlyWithTheRightPassword() {
        String pending = TestData.idCard();
        Fixtures.professional(cn.hbce.account.RegistrationStatus.PENDING, pending);
        assertError(login("PERSON", pending, TestData.PASSWORD), 403, "ACCOUNT_PENDING");
        assertError(login("PERSON", pending, "Wrong#Pass1"), 401, "INVALID_CREDENTIALS");
        String rejected = TestData.idCard();
        Fixtures.professional(cn.hbce.account.RegistrationStatus.REJECTED, rejected);
        assertError(login("PERSON", rejected, TestData.PASSWORD), 403, "ACCOUNT_REJECTED");
        assertError(login("PERSON", rejected, "Wrong#Pass1"), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void loginAnswerIsNotCached() {
        E2E.Resp r = login("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD);
        assertEquals(200, r.status(), r::toString);
        assertTrue(String.valueOf(r.header("cache-control")).contains("no-store"), r.headers()::toString);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        for (int i = 1; i <= 4; i++) {
            assertError(login("DEPARTMENT", d.idCard(), "Wrong#Pass" + i), 401, "INVALID_CREDENTIALS");
        }
        assertEquals(200, login("DEPARTMENT", d.idCard(), d.password()).status());
        for (int i = 1; i <= 4; i++) {
            assertError(login("DEPARTMENT", d.idCard(), "Wrong#Pass" + i), 401, "INVALID_CREDENTIALS");
        }
        assertEquals(200, login("DEPARTMENT", d.idCard(), d.password()).status());
    }

    @Test
    void idNumberWithLowerCaseXLogsIn() {
        Fixtures.Dept d = Fixtures.registerDepartment(
                E2E.with(TestData.departmentRegistration(Fixtures.ROOT_ORG_ID), "admin.idCard", TestData.idCardEndingInX()));
        assertTrue(d.idCard().endsWith("X"));
        E2E.Resp r = login("DEPARTMENT", d.idCard().toLowerCase(), d.password());
        assertSignedIn(r, "DEPARTMENT", d.orgId(), d.name(), d.idCard());
        // The ID number with surrounding blanks is the same number too.
        assertEquals(200, login("DEPARTMENT", " " + d.idCard() + " ", d.password()).status());
    }

    @Test
    void passwordIsCaseSensitive() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        assertError(login("DEPARTMENT", d.idCard(), d.password().toUpperCase()), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void invalidLoginRequestsAre400() {
        assertValidation(E2E.post("/v1/auth/login", obj("userType", "ADMIN", "idCard", Fixtures.ROOT_ADMIN_ID_CARD,
                "password", Fixtures.ROOT_ADMIN_PASSWORD)), "userType");
        assertValidation(E2E.post("/v1/auth/login", obj("userType", "hrss", "idCard", Fixtures.ROOT_ADMIN_ID_CARD,
                "password", Fixtures.ROOT_ADMIN_PASSWORD)), "userType");
        assertValidation(E2E.post("/v1/auth/login", obj("userType", "HRSS", "idCard", Fixtures.ROOT_ADMIN_ID_CARD)),
                "password");
        assertValidation(E2E.post("/v1/auth/login", obj("userType", "HRSS", "password", "x")), "idCard");
    }

    @Test
    void eachLoginOpensItsOwnSession() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String first = Fixtures.token(d);
        String second = Fixtures.token(d);
        assertFalse(first.equals(second));
        assertEquals(200, E2E.get("/v1/me", first).status());
        assertEquals(200, E2E.get("/v1/me", second).status());
    }

    /** A 200 login answer with the contract's shape, for this org, that does not show the ID number. */
    private static JsonNode assertSignedIn(E2E.Resp r, String userType, String orgId, String orgName, String idCard) {
        assertEquals(200, r.status(), r::toString);
        JsonNode body = r.json();
        assertFalse(body.path("token").asText("").isBlank(), r::toString);
        assertEquals(3, body.path("token").asText().split("\\.").length, "a compact JWS");
        OffsetDateTime expires = OffsetDateTime.parse(body.path("expiresAt").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        OffsetDateTime now = OffsetDateTime.now();
        assertTrue(expires.isAfter(now), r::toString);
        assertFalse(expires.isAfter(now.plus(Duration.ofHours(2)).plusMinutes(1)), "token lives longer than 2 h: " + r);
        JsonNode user = body.path("user");
        assertFalse(user.path("personId").asText("").isBlank(), r::toString);
        assertFalse(user.path("name").asText("").isBlank(), r::toString);
        assertEquals(userType, user.path("userType").asText(), r::toString);
        assertEquals(orgId, user.path("orgId").asText(), r::toString);
        assertEquals(orgName, user.path("orgName").asText(), r::toString);
        assertTrue(user.path("permissions").isArray(), r::toString);
        assertFalse(r.text().contains(idCard.toUpperCase()) || r.text().contains(idCard.toLowerCase()),
                "login answer shows the ID number: " + r);
        assertFalse(body.path("mustChangePassword").asBoolean(false), r::toString);
        return user;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
