package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static cn.hbce.devserver.e2e.Fixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens, GET /v1/me, logout and password change. */
class SessionIT {
    /** Every protected session and own-org route with a body it would accept. */
    private static final List<String[]> PROTECTED = List.of(
            new String[]{"GET", "/v1/me", null},
            new String[]{"POST", "/v1/auth/logout", null},
            new String[]{"PUT", "/v1/me/password", "{\"oldPassword\":\"x\",\"newPassword\":\"y\"}"},
            new String[]{"GET", "/v1/org", null},
            new String[]{"PUT", "/v1/org", "{\"version\":1}"},
            new String[]{"GET", "/v1/todo", null});
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    /** A session no test ends, for forging tokens from its parts. */
    private static Fixtures.Dept owner;
    private static String ownerToken;
    private static String otherPersonId;

    @BeforeAll
    static void signIn() {
        owner = Fixtures.registerDepartment();
        ownerToken = Fixtures.token(owner);
        otherPersonId = login("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD).json().at("/user/personId").asText();
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void missingTokenIs401UnauthenticatedWithTheContractErrorBody() {
        for (String[] route : PROTECTED) {
            E2E.Resp r = E2E.send(route[0], route[1], E2E.bytes(route[2]), null, route[2] == null ? null : "application/json");
            assertError(r, 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void garbageTokensAre401() {
        List<String> garbage = List.of("garbage", "a.b.c", "a.b.", "..", "eyJhbGciOiJIUzI1NiJ9", ownerToken + "x",
                ownerToken.substring(0, ownerToken.length() - 4), ownerToken.replace('.', '_'), "%00.%00.%00");
        for (String t : garbage) {
            assertError(E2E.get("/v1/me", t), 401, "UNAUTHENTICATED");
        }
        Map<String, String> notBearer = new LinkedHashMap<>();
        notBearer.put("Authorization", "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)));
        assertError(E2E.sendRaw("GET", "/v1/me", null, notBearer), 401, "UNAUTHENTICATED");
        notBearer.put("Authorization", ownerToken);
        assertError(E2E.sendRaw("GET", "/v1/me", null, notBearer), 401, "UNAUTHENTICATED");
        notBearer.put("Authorization", "Bearer");
        assertError(E2E.sendRaw("GET", "/v1/me", null, notBearer), 401, "UNAUTHENTICATED");
        // The genuine token still works after all that.
        assertEquals(200, E2E.get("/v1/me", ownerToken).status());
    }

    @Test
    void tokenInTheUrlIsNotACredential() {
        for (String param : new String[]{"token", "access_token", "authorization"}) {
            assertError(E2E.get("/v1/me?" + param + "=" + ownerToken), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void algNoneTokenIs401() {
        String[] parts = ownerToken.split("\\.");
        for (String header : new String[]{"{\"alg\":\"none\"}", "{\"alg\":\"none\",\"typ\":\"JWT\"}",
                "{\"alg\":\"None\",\"typ\":\"JWT\"}", "{\"alg\":\"NONE\"}", "{\"typ\":\"JWT\"}"}) {
            String h = b64(header);
            for (String signature : new String[]{"", parts[2], "AAAA"}) {
                String forged = h + "." + parts[1] + "." + signature;
                for (String[] route : PROTECTED.subList(0, 1)) {
                    assertError(E2E.get(route[1], forged), 401, "UNAUTHENTICATED");
                }
                assertError(E2E.get("/v1/org", forged), 401, "UNAUTHENTICATED");
            }
            assertError(E2E.get("/v1/me", h + "." + parts[1]), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void otherAlgorithmsInTheHeaderAre401() {
        String[] parts = ownerToken.split("\\.");
        for (String header : new String[]{"{\"alg\":\"HS512\",\"typ\":\"JWT\"}", "{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
                "{\"alg\":\"hs256\",\"typ\":\"JWT\"}"}) {
            assertError(E2E.get("/v1/me", b64(header) + "." + parts[1] + "." + parts[2]), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void tamperedPayloadIs401() {
        String[] parts = ownerToken.split("\\.");
        ObjectNode claims = payload(ownerToken);
        assertEquals(E2E.get("/v1/me", ownerToken).json().path("personId").asText(), claims.path("sub").asText(),
                "the token's sub is the caller's personId");
        for (Map.Entry<String, Object> change : Map.<String, Object>of(
                "sub", otherPersonId,
                "exp", claims.path("exp").asLong() + 86_400,
                "org", DemoData.HEALTH_COMMISSION,
                "adm", "a_forged").entrySet()) {
            ObjectNode forged = claims.deepCopy();
            if (change.getValue() instanceof Long l) {
                forged.put(change.getKey(), l);
            } else {
                forged.put(change.getKey(), (String) change.getValue());
            }
            String token = parts[0] + "." + b64(forged.toString()) + "." + parts[2];
            E2E.Resp r = E2E.get("/v1/me", token);
            assertError(r, 401, "UNAUTHENTICATED");
            assertFalse(r.text().contains(Fixtures.PERSON_ID_CARD), "forged token shows another person's data");
        }
        // Re-signed with a guessed key.
        String input = parts[0] + "." + b64(claims.deepCopy().put("sub", otherPersonId).toString());
        for (String key : new String[]{"", "secret", "hbce"}) {
            assertError(E2E.get("/v1/me", input + "." + hs256(key, input)), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void tokenOfALoggedOutSessionIs401Everywhere() {
        String token = Fixtures.token(owner);
        assertEquals(204, E2E.post("/v1/auth/logout", null, token).status());
        for (String[] route : PROTECTED) {
            E2E.Resp r = E2E.send(route[0], route[1], E2E.bytes(route[2]), token, route[2] == null ? null : "application/json");
            assertError(r, 401, "UNAUTHENTICATED");
        }
    }

    // ---------------------------------------------------------------- GET /v1/me

    @Test
    void meShowsTheFullIdNumberAndTheSignedInRole() {
        JsonNode me = E2E.get("/v1/me", ownerToken).json();
        assertEquals(owner.idCard(), me.path("idCard").asText(), me::toString);
        assertEquals("测试管理员", me.path("name").asText());
        assertEquals(owner.phone(), me.path("phone").asText());
        assertEquals("DEPARTMENT", me.path("userType").asText());
        JsonNode user = me.path("user");
        assertEquals(owner.orgId(), user.path("orgId").asText());
        assertEquals(owner.name(), user.path("orgName").asText());
        assertTrue(user.path("superAdmin").asBoolean());
        assertTrue(user.path("permissions").size() > 0, me::toString);
        assertEquals(owner.orgId(), me.at("/org/orgId").asText(), me::toString);
        assertFalse(me.toString().contains("passwordHash") || me.toString().contains("pbkdf2"), "me shows the password hash");
    }

    @Test
    void meOfAProfessionalShowsTheirOwnIdNumberAndRegistration() {
        String token = Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD);
        E2E.Resp r = E2E.get("/v1/me", token);
        assertEquals(200, r.status(), r::toString);
        assertEquals(Fixtures.PERSON_ID_CARD, r.json().path("idCard").asText());
        assertEquals("PERSON", r.json().path("userType").asText());
        assertEquals("APPROVED", r.json().path("registrationStatus").asText(), r::toString);
        assertEquals(0, r.json().at("/user/permissions").size());
        assertFalse(r.json().at("/user/superAdmin").asBoolean());
        assertEquals(204, E2E.post("/v1/auth/logout", null, token).status());
    }

    // ---------------------------------------------------------------- logout

    @Test
    void logoutIs204AndKillsThatTokenAtOnceButNotOtherSessions() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String a = Fixtures.token(d);
        String b = Fixtures.token(d);
        E2E.Resp out = E2E.post("/v1/auth/logout", null, a);
        assertEquals(204, out.status(), out::toString);
        assertTrue(out.text() == null || out.text().isEmpty(), "204 with a body: " + out);
        assertError(E2E.get("/v1/me", a), 401, "UNAUTHENTICATED");
        assertError(E2E.post("/v1/auth/logout", null, a), 401, "UNAUTHENTICATED");
        assertEquals(200, E2E.get("/v1/me", b).status());
        // Logging in again gives a working token.
        assertEquals(200, E2E.get("/v1/me", Fixtures.token(d)).status());
    }

    // ---------------------------------------------------------------- PUT /v1/me/password

    @Test
    void passwordChangeWithWrongOldPasswordIs400WrongPassword() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String token = Fixtures.token(d);
        assertError(E2E.put("/v1/me/password", obj("oldPassword", "Not#MyPassw0rd", "newPassword", "N3w#Password"), token),
                400, "WRONG_PASSWORD");
        // Nothing changed: the old password still logs in, the proposed one does not.
        assertEquals(200, login("DEPARTMENT", d.idCard(), d.password()).status());
        assertError(login("DEPARTMENT", d.idCard(), "N3w#Password"), 401, "INVALID_CREDENTIALS");
        assertEquals(200, E2E.get("/v1/me", token).status());
    }

    @Test
    void passwordChangeToAWeakPasswordIs400WeakPassword() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String token = Fixtures.token(d);
        for (String weak : new String[]{"short1!", "onlylowercase", "Ab#" + d.idCard(), "Ab#" + d.phone(), d.password()}) {
            assertError(E2E.put("/v1/me/password", obj("oldPassword", d.password(), "newPassword", weak), token), 400,
                    "WEAK_PASSWORD");
        }
        assertValidation(E2E.put("/v1/me/password", obj("oldPassword", d.password()), token), "newPassword");
        assertValidation(E2E.put("/v1/me/password", obj("newPassword", "N3w#Password"), token), "oldPassword");
        assertEquals(200, login("DEPARTMENT", d.idCard(), d.password()).status());
    }

    @Test
    void passwordChangeIs204AndEndsTheOtherSessionsButNotThisOne() {
        Fixtures.Dept d = Fixtures.registerDepartment();
        String other = Fixtures.token(d);
        String current = Fixtures.token(d);
        String newPassword = "Changed#Pass9";
        E2E.Resp r = E2E.put("/v1/me/password", obj("oldPassword", d.password(), "newPassword", newPassword), current);
        assertEquals(204, r.status(), r::toString);
        assertError(E2E.get("/v1/me", other), 401, "UNAUTHENTICATED");
        assertError(E2E.get("/v1/org", other), 401, "UNAUTHENTICATED");
        assertEquals(200, E2E.get("/v1/me", current).status());
        assertEquals(200, E2E.get("/v1/org", current).status());
        assertError(login("DEPARTMENT", d.idCard(), d.password()), 401, "INVALID_CREDENTIALS");
        E2E.Resp again = login("DEPARTMENT", d.idCard(), newPassword);
        assertEquals(200, again.status(), again::toString);
        assertNotEquals(current, again.json().path("token").asText());
        // The session used for the change can change it again (and old = the new one now).
        assertEquals(204, E2E.put("/v1/me/password", obj("oldPassword", newPassword, "newPassword", "Twice#Changed1"),
                current).status());
    }

    // ---------------------------------------------------------------- helpers

    private static ObjectNode payload(String token) {
        try {
            return (ObjectNode) E2E.JSON.readTree(UNB64.decode(token.split("\\.")[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.isEmpty() ? new byte[1] : key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
