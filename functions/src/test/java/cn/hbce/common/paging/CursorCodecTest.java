package cn.hbce.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.domain.Refusal;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.http.ErrorBody;
import cn.hbce.common.http.ErrorMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private static final byte[] SECRET = "a-token-signing-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private final CursorCodec codec = new CursorCodec(SECRET);
    private final String scope = CursorCodec.scope("org-items", "ORG#o_1", "ROLE#");

    private static void refused(Runnable open) {
        Refusal e = assertThrows(Refusal.class, open::run);
        assertEquals("INVALID_CURSOR", e.reason().code());
        assertEquals(List.of("cursor"), e.fields());
        ApiResponse answer = ErrorMapper.toResponse(e, "req");
        assertEquals(400, answer.status());
        assertTrue(((ErrorBody) answer.body()).message().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    }

    @Test
    void aSealedPositionOpensForItsOwnListAndIsUrlSafe() {
        String cursor = codec.seal(scope, "r_0123456789abcdefghjk");
        assertEquals("r_0123456789abcdefghjk", codec.open(scope, cursor));
        assertTrue(cursor.matches("[A-Za-z0-9_.-]+"), cursor);
    }

    @Test
    void anotherListOrAnotherOrgCannotOpenIt() {
        String cursor = codec.seal(scope, "r_1");
        refused(() -> codec.open(CursorCodec.scope("org-items", "ORG#o_2", "ROLE#"), cursor));
        refused(() -> codec.open(CursorCodec.scope("org-items", "ORG#o_1", "DEPT#"), cursor));
    }

    @Test
    void scopePartsCannotBeShiftedIntoEachOther() {
        assertNotEquals(CursorCodec.scope("a|b", "c"), CursorCodec.scope("a", "b|c"));
        assertNotEquals(CursorCodec.scope("ab", "c"), CursorCodec.scope("a", "bc"));
        String cursor = codec.seal(CursorCodec.scope("reviews", "q=1;2"), "p");
        refused(() -> codec.open(CursorCodec.scope("reviews", "q=1", "2"), cursor));
    }

    @Test
    void anAlteredPositionOrTagIsRefused() {
        String cursor = codec.seal(scope, "r_1");
        String[] parts = cursor.split("\\.");
        String otherPosition = Base64.getUrlEncoder().withoutPadding().encodeToString("r_2".getBytes(StandardCharsets.UTF_8));
        refused(() -> codec.open(scope, otherPosition + "." + parts[1]));
        char last = parts[1].charAt(0);
        refused(() -> codec.open(scope, parts[0] + "." + (last == 'A' ? 'B' : 'A') + parts[1].substring(1)));
        refused(() -> codec.open(scope, parts[0]));
        refused(() -> codec.open(scope, parts[0] + "." + parts[1] + "." + parts[1]));
        refused(() -> codec.open(scope, parts[0] + "." + parts[1].substring(2)));
    }

    @Test
    void aCursorMadeWithAnotherKeyIsRefused() {
        String foreign = new CursorCodec("some-other-secret-also-32-bytes-long".getBytes(StandardCharsets.UTF_8)).seal(scope, "r_1");
        refused(() -> codec.open(scope, foreign));
    }

    @Test
    void garbageIsRefusedNeverThrownAsSomethingElse() {
        for (String bad : new String[]{"", ".", "..", "%%%", "not-a-cursor!", "\u202e\u200b.x", "a.b", "=.=",
                "x".repeat(CursorCodec.MAX_CURSOR_CHARS + 1), "eyJQSyI6IngifQ", "#a = :b.xyz"}) {
            refused(() -> codec.open(scope, bad));
        }
        refused(() -> codec.open(scope, null));
    }

    @Test
    void theTagIsKeyedWithAKeyDerivedFromTheTokenKeyNotTheTokenKeyItself() throws Exception {
        String cursor = codec.seal(scope, "r_1");
        byte[] tag = Base64.getUrlDecoder().decode(cursor.substring(cursor.indexOf('.') + 1));
        byte[] input = (scope + "\u0000r_1").getBytes(StandardCharsets.UTF_8);
        byte[] derived = hmac(SECRET, "cursor-v1".getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(hmac(derived, input), 16)),
                Base64.getEncoder().encodeToString(tag));
        assertNotEquals(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(hmac(SECRET, input), 16)),
                Base64.getEncoder().encodeToString(tag));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
