package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Lockout that holds under parallel guesses, and the failed-login limit per source address. */
class LoginLimitsIT {

    private static E2E.Resp loginFrom(String address, String userType, String idCard, String password) {
        return E2E.sendRaw("POST", "/v1/auth/login",
                E2E.bytes(E2E.obj("userType", userType, "idCard", idCard, "password", password)),
                Map.of("Content-Type", "application/json", "X-Forwarded-For", address));
    }

    @Test
    void fiftyParallelGuessesGetAtMostFiveChecksAndTheLockIsAuditedBothWays() {
        OrgAdmin.Org dept = OrgAdmin.department("并发锁定");
        OrgAdmin.Org unit = OrgAdmin.of(OrgType.UNIT, dept.orgId(), "并发锁定单位");
        String personId = Fixtures.login("UNIT", unit.org().idCard(), TestData.PASSWORD).json().at("/user/personId").asText();

        List<Callable<E2E.Resp>> guesses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String wrong = "Wrong#Guess" + i;
            guesses.add(() -> Fixtures.login("UNIT", unit.org().idCard(), wrong));
        }
        List<E2E.Resp> answers = E2E.concurrently(guesses);
        long checked = answers.stream().filter(r -> r.status() == 401).count();
        long locked = answers.stream().filter(r -> r.status() == 423).count();
        assertTrue(checked <= 5, () -> checked + " passwords were checked: " + answers);
        assertEquals(50, checked + locked, answers::toString);
        answers.stream().filter(r -> r.status() == 423).forEach(r -> assertEquals("ACCOUNT_LOCKED", r.code()));
        assertError(Fixtures.login("UNIT", unit.org().idCard(), TestData.PASSWORD), 423, "ACCOUNT_LOCKED");
        assertTrue(AuditTrail.of(null, personId).contains("ACCOUNT_LOCK"), "the lock is audited");

        // The supervising department resets the password: that ends the lock, audited as an unlock.
        String adminId = E2E.get("/v1/subordinates/" + unit.orgId() + "/admins", dept.token()).json()
                .at("/items/0/adminId").asText();
        E2E.Resp reset = E2E.post("/v1/subordinates/" + unit.orgId() + "/admins/" + adminId + "/reset-password", null,
                dept.token());
        assertEquals(200, reset.status(), reset::toString);
        assertTrue(AuditTrail.of(dept.orgId(), personId).contains("ACCOUNT_UNLOCK"), "the unlock is audited");
        E2E.Resp after = Fixtures.login("UNIT", unit.org().idCard(), reset.json().path("temporaryPassword").asText());
        assertEquals(200, after.status(), after::toString);
    }

    @Test
    void oneAddressGetsTwentyFailuresThen429BeforeAnyAccountIsLookedAt() {
        OrgAdmin.Org dept = OrgAdmin.department("地址限流");
        String address = "198.51.100.20";
        for (int i = 0; i < 20; i++) {
            assertError(loginFrom(address, "DEPARTMENT", TestData.idCard(), "Wrong#Guess" + i), 401,
                    "INVALID_CREDENTIALS");
        }
        assertError(loginFrom(address, "DEPARTMENT", dept.org().idCard(), TestData.PASSWORD), 429, "TOO_MANY_ATTEMPTS");
        assertError(loginFrom(address, "DEPARTMENT", TestData.idCard(), "Wrong#Guess"), 429, "TOO_MANY_ATTEMPTS");
        // The account itself was never touched, and other addresses are not held back.
        assertEquals(200, loginFrom("198.51.100.21", "DEPARTMENT", dept.org().idCard(), TestData.PASSWORD).status());
    }

    @Test
    void successfulLoginsDoNotCountAgainstTheAddress() {
        OrgAdmin.Org dept = OrgAdmin.department("成功不计");
        String address = "198.51.100.30";
        for (int i = 0; i < 19; i++) {
            assertEquals(401, loginFrom(address, "DEPARTMENT", TestData.idCard(), "Wrong#Guess" + i).status());
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(200, loginFrom(address, "DEPARTMENT", dept.org().idCard(), TestData.PASSWORD).status());
        }
        assertEquals(401, loginFrom(address, "DEPARTMENT", TestData.idCard(), "Wrong#Guess").status(), "the 20th failure");
        assertEquals(429, loginFrom(address, "DEPARTMENT", dept.org().idCard(), TestData.PASSWORD).status());
    }
}
