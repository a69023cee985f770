package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.seed.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the functions print while they handle personal data: request lines, never the ID number,
 * phone, password or token of anyone (security.md "Personal information").
 */
class LogHygieneIT {

    @Test
    void registrationLoginAndFailuresLogNoPersonalDataOrSecrets() {
        E2E.server();
        Map<String, Object> body = TestData.personRegistration(DemoData.HOSPITAL);
        String idCard = (String) body.get("idCard");
        String phone = (String) body.get("phone");
        String password = (String) body.get("password");
        String logged;
        String token;
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            assertEquals(201, E2E.post("/v1/registrations/persons", body).status());
            assertEquals(409, E2E.post("/v1/registrations/persons", body).status());
            assertEquals(401, Fixtures.login("DEPARTMENT", idCard, password + "x").status());
            E2E.post("/v1/registrations/persons", E2E.with(body, "phone", "not-a-phone:" + phone));
            token = Fixtures.token("HRSS", Fixtures.ROOT_ADMIN_ID_CARD, Fixtures.ROOT_ADMIN_PASSWORD);
            assertEquals(200, E2E.get("/v1/me", token).status());
            assertEquals(401, E2E.get("/v1/me", token + "x").status());
        } finally {
            System.setOut(original);
        }
        logged = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("/v1/registrations/persons"), "the request lines were captured: " + logged);
        for (String secret : List.of(idCard, phone, password, Fixtures.ROOT_ADMIN_ID_CARD, Fixtures.ROOT_ADMIN_PASSWORD,
                token, token.substring(token.lastIndexOf('.') + 1))) {
            assertFalse(logged.contains(secret), () -> "logs contain personal data or a secret: " + logged);
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
