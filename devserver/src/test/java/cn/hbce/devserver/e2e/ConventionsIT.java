package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.E2E.with;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertNoInternals;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, and the conventions every route shares: request ids, content type, body size, JSON parsing. */
class ConventionsIT {
    private static final String REGISTER = "/v1/registrations/departments";
    private static final int ONE_MB = 1024 * 1024;
    /** A signed-in admin of a freshly registered department, for the protected routes. */
    private static Fixtures.Dept dept;
    private static String token;

    @BeforeAll
    static void signIn() {
        dept = Fixtures.registerDepartment();
        token = Fixtures.token(dept);
    }

    @Test
    void healthAnswersOkWithoutAToken() {
        E2E.Resp r = E2E.get("/v1/health");
        assertEquals(200, r.status(), r::toString);
        assertEquals("ok", r.json().path("status").asText());
        assertTrue(r.header("content-type").startsWith("application/json"), r.header("content-type"));
    }

    @Test
    void everyAnswerCarriesItsOwnRequestId() {
        List<E2E.Resp> answers = List.of(
                E2E.get("/v1/health"),
                E2E.get("/v1/orgs/lookup?q=" + enc("卫生")),
                E2E.get("/v1/me", token),
                E2E.get("/v1/me"),
                E2E.post(REGISTER, "{"),
                E2E.put("/v1/org", "{\"version\":0}", token),
                E2E.post(REGISTER, TestData.departmentRegistration(Fixtures.ROOT_ORG_ID)),
                E2E.post("/v1/auth/logout", null, Fixtures.token(dept)));
        assertEquals(List.of(200, 200, 200, 401, 400, 412, 201, 204), answers.stream().map(E2E.Resp::status).toList());
        Set<String> ids = new HashSet<>();
        for (E2E.Resp r : answers) {
            String id = r.header("x-request-id");
            assertNotNull(id, () -> "no x-request-id on " + r);
            assertFalse(id.isBlank());
            assertTrue(ids.add(id), () -> "request id reused: " + id);
        }
    }

    @Test
    void malformedJsonIs400MalformedJson() {
        for (String bad : new String[]{"{", "{\"creditCode\": }", "{'name':'x'}", "not json", "{\"a\":1}}"}) {
            E2E.Resp r = E2E.post(REGISTER, bad);
            assertEquals(400, r.status(), () -> bad + " -> " + r);
            assertNoInternals(r);
        }
        assertError(E2E.post(REGISTER, "{\"creditCode\": "), 400, "MALFORMED_JSON");
        assertError(E2E.post("/v1/auth/login", "{\"userType\":\"HRSS\","), 400, "MALFORMED_JSON");
        assertError(E2E.put("/v1/org", "{version:1}", token), 400, "MALFORMED_JSON");
        assertError(E2E.put("/v1/me/password", "{\"oldPassword\":\"x\"", token), 400, "MALFORMED_JSON");
    }

    @Test
    void emptyOrNullBodyIs400MalformedJson() {
        assertError(E2E.send("POST", REGISTER, null, null, "application/json"), 400, "MALFORMED_JSON");
        assertError(E2E.post("/v1/auth/login", "null"), 400, "MALFORMED_JSON");
        E2E.Resp array = E2E.post("/v1/auth/login", "[]");
        assertEquals(400, array.status(), array::toString);
        assertNoInternals(array);
    }

    @Test
    void deeplyNestedJsonIs400NotAServerError() {
        String deep = "{\"admin\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        E2E.Resp r = E2E.post(REGISTER, deep);
        assertEquals(400, r.status(), r::toString);
        assertNoInternals(r);
    }

    @Test
    void wrongContentTypeIs415AndNothingIsStored() {
        Map<String, Object> body = TestData.departmentRegistration(Fixtures.ROOT_ORG_ID);
        byte[] json = E2E.bytes(body);
        assertError(E2E.send("POST", REGISTER, json, null, "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(E2E.send("POST", REGISTER, json, null, "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(E2E.send("POST", REGISTER, json, null, "application/octet-stream"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(E2E.send("POST", REGISTER, json, null, null), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(E2E.send("POST", "/v1/auth/login", json, null, "text/json"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(E2E.send("PUT", "/v1/org", "{\"version\":1}".getBytes(StandardCharsets.UTF_8), token, "text/plain"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        // The same body as JSON (with a charset parameter) is accepted: the refused ones left nothing behind.
        E2E.Resp ok = E2E.send("POST", REGISTER, json, null, "application/json; charset=utf-8");
        assertEquals(201, ok.status(), ok::toString);
    }

    @Test
    void bodyOver1MbIs413() {
        byte[] login = padTo(E2E.bytes(obj("userType", "HRSS", "idCard", Fixtures.ROOT_ADMIN_ID_CARD,
                "password", Fixtures.ROOT_ADMIN_PASSWORD)), ONE_MB + 1);
        assertError(E2E.send("POST", "/v1/auth/login", login, null, "application/json"), 413, "PAYLOAD_TOO_LARGE");
        byte[] register = padTo(E2E.bytes(TestData.departmentRegistration(Fixtures.ROOT_ORG_ID)), 2 * ONE_MB);
        assertError(E2E.send("POST", REGISTER, register, null, "application/json"), 413, "PAYLOAD_TOO_LARGE");
        // Measured in bytes, not characters: 400 000 Chinese characters are 1.2 MB of UTF-8.
        String chinese = "{\"name\":\"" + "汉".repeat(400_000) + "\"}";
        assertError(E2E.post(REGISTER, chinese), 413, "PAYLOAD_TOO_LARGE");
        // A binary body is measured too (the gateway base64-encodes it).
        assertError(E2E.send("POST", REGISTER, new byte[ONE_MB + 10], null, "application/octet-stream"),
                413, "PAYLOAD_TOO_LARGE");
        assertError(E2E.send("PUT", "/v1/org", padTo("{\"version\":1}".getBytes(StandardCharsets.UTF_8), ONE_MB + 1),
                token, "application/json"), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void bodyOfExactly1MbIsStillRead() {
        Map<String, Object> weak = with(TestData.departmentRegistration(Fixtures.ROOT_ORG_ID), "admin.password", "weakpassword");
        byte[] exactly = padTo(E2E.bytes(weak), ONE_MB);
        assertEquals(ONE_MB, exactly.length);
        assertError(E2E.send("POST", REGISTER, exactly, null, "application/json"), 400, "WEAK_PASSWORD");
    }

    @Test
    void unknownFieldsAreRejected() {
        Map<String, Object> good = TestData.departmentRegistration(Fixtures.ROOT_ORG_ID);
        assertValidation(E2E.post(REGISTER, with(good, "status", "APPROVED")), "status");
        assertValidation(E2E.post(REGISTER, with(good, "admin.superAdmin", true)), "admin.superAdmin");
        assertValidation(E2E.post("/v1/auth/login", obj("userType", "HRSS", "idCard", Fixtures.ROOT_ADMIN_ID_CARD,
                "password", Fixtures.ROOT_ADMIN_PASSWORD, "rememberMe", true)), "rememberMe");
        assertValidation(E2E.put("/v1/me/password", obj("oldPassword", dept.password(), "newPassword", "N3w#Password",
                "confirmPassword", "N3w#Password"), token), "confirmPassword");
        assertValidation(E2E.put("/v1/org", obj("creditCode", TestData.creditCode(), "version", 1), token), "creditCode");
        assertValidation(E2E.put("/v1/org", obj("status", "APPROVED", "version", 1), token), "status");
        // Nothing of the refused registrations was stored: the same one without the extras succeeds.
        E2E.Resp ok = E2E.post(REGISTER, good);
        assertEquals(201, ok.status(), ok::toString);
        // And the refused password change did not happen.
        assertEquals(200, Fixtures.login("DEPARTMENT", dept.idCard(), dept.password()).status());
    }

    @Test
    void wronglyTypedFieldsAre400NotServerErrors() {
        Map<String, Object> good = TestData.departmentRegistration(Fixtures.ROOT_ORG_ID);
        assertValidation(E2E.post(REGISTER, with(good, "admin", "someone")), "admin");
        assertValidation(E2E.post(REGISTER, with(good, "name", List.of("a", "b"))), "name");
        assertValidation(E2E.put("/v1/org", obj("version", "first"), token), "version");
        E2E.Resp huge = E2E.put("/v1/org", "{\"version\": 123456789012345678901234567890}", token);
        assertEquals(400, huge.status(), huge::toString);
        assertNoInternals(huge);
        E2E.Resp nul = E2E.put("/v1/org", "{\"version\": null}", token);
        assertValidation(nul, "version");
    }

    @Test
    void unusualQueryTextIsNeverAServerError() {
        for (String q : new String[]{"😀😀", "a😀", "%%", "''", "\"\"", "\\\\", "卫生" + "生".repeat(48)}) {
            E2E.Resp r = E2E.get("/v1/orgs/lookup?q=" + enc(q));
            assertTrue(r.status() == 200 || r.status() == 400, () -> q + " -> " + r);
            assertNoInternals(r);
        }
    }

    @Test
    void requestIdsDifferBetweenIdenticalRequests() {
        assertNotEquals(E2E.get("/v1/health").header("x-request-id"), E2E.get("/v1/health").header("x-request-id"));
    }

    @Test
    void corsAllowsOnlyTheTemplatesFrontendOrigin() {
        Map<String, String> evil = Map.of("Origin", "https://evil.example");
        assertNotEquals("https://evil.example", E2E.sendRaw("OPTIONS", "/v1/org", null, evil).header("access-control-allow-origin"));
        assertNotEquals("https://evil.example", E2E.sendRaw("GET", "/v1/health", null, evil).header("access-control-allow-origin"));
        assertEquals("http://localhost:5173", E2E.sendRaw("GET", "/v1/health", null, Map.of("Origin", "http://localhost:5173"))
                .header("access-control-allow-origin"));
    }

    private static byte[] padTo(byte[] json, int size) {
        if (json.length > size) {
            throw new IllegalArgumentException("already larger");
        }
        byte[] out = Arrays.copyOf(json, size);
        Arrays.fill(out, json.length, size, (byte) ' ');
        return out;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
