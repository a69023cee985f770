package cn.hbce.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final TokenCodec codec = new TokenCodec(SECRET);
    private final TokenClaims claims = new TokenClaims("p_1", "s_1", "o_1", "a_1", NOW, NOW.plusSeconds(7200));

    @Test
    void roundTripsItsOwnTokensUntilExpiry() {
        String token = codec.sign(claims);
        assertEquals(claims, codec.verify(token, NOW.plusSeconds(60)).orElseThrow());
        assertTrue(codec.verify(token, NOW.plusSeconds(7200)).isEmpty(), "expired at exp");
    }

    @Test
    void rejectsAlgNone() {
        String[] parts = codec.sign(claims).split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertTrue(codec.verify(none + "." + parts[1] + ".", NOW).isEmpty());
        assertTrue(codec.verify(none + "." + parts[1] + "." + parts[2], NOW).isEmpty());
    }

    @Test
    void rejectsTamperedPayloadsAndForeignKeys() {
        String[] parts = codec.sign(claims).split("\\.");
        String forged = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("p_1", "p_2"));
        assertTrue(codec.verify(parts[0] + "." + forged + "." + parts[2], NOW).isEmpty());
        TokenCodec other = new TokenCodec("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8));
        assertTrue(other.verify(codec.sign(claims), NOW).isEmpty());
        assertTrue(codec.verify("garbage", NOW).isEmpty());
        assertTrue(codec.verify("a.b.c", NOW).isEmpty());
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
