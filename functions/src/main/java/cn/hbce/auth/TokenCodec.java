package cn.hbce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWS with HS256 only. The header must say exactly {@code alg: HS256}; anything else
 * (including {@code none}) is rejected before the signature is looked at.
 */
public final class TokenCodec {
    private static final String HEADER = b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Supplier<byte[]> secret;

    public TokenCodec(byte[] secret) {
        byte[] copy = secret.clone();
        this.secret = () -> copy;
    }

    /** The key is asked for at the first sign or verify (read from Secrets Manager once per container). */
    public TokenCodec(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    /**
     * SnapStart priming: signs and verifies a throwaway token under a priming-only key, loading the
     * HMAC provider and the codec's JSON paths. The real key is neither read nor needed.
     */
    public static void prime() {
        TokenCodec codec = new TokenCodec("priming-only, never a signing key: 0123456789".getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        String token = codec.sign(new TokenClaims("p", "s", "o", "a", now, now.plusSeconds(60)));
        if (codec.verify(token, now).isEmpty() || codec.verify(token + "x", now).isPresent()) {
            throw new IllegalStateException("Token codec priming gave an unexpected result");
        }
    }

    public String sign(TokenClaims claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iss", TokenClaims.ISSUER);
        body.put("sub", claims.personId());
        body.put("sid", claims.sessionId());
        if (claims.orgId() != null) {
            body.put("org", claims.orgId());
        }
        if (claims.adminId() != null) {
            body.put("adm", claims.adminId());
        }
        body.put("iat", claims.issuedAt().getEpochSecond());
        body.put("exp", claims.expiresAt().getEpochSecond());
        try {
            String payload = b64(MAPPER.writeValueAsBytes(body));
            String signingInput = HEADER + "." + payload;
            return signingInput + "." + b64(hmac(signingInput));
        } catch (Exception e) {
            throw new IllegalStateException("Token could not be signed", e);
        }
    }

    /** The claims of a well-formed, correctly signed token that has not expired at {@code now}. */
    public Optional<TokenClaims> verify(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"HS256".equals(header.path("alg").asText()) || header.size() > 3 || header.has("crit")) {
                return Optional.empty();
            }
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode body = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Instant exp = Instant.ofEpochSecond(body.path("exp").asLong(0));
            if (!TokenClaims.ISSUER.equals(body.path("iss").asText()) || !now.isBefore(exp)
                    || body.path("sub").asText().isEmpty() || body.path("sid").asText().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(body.path("sub").asText(), body.path("sid").asText(),
                    body.hasNonNull("org") ? body.get("org").asText() : null,
                    body.hasNonNull("adm") ? body.get("adm").asText() : null,
                    Instant.ofEpochSecond(body.path("iat").asLong()), exp));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
