package cn.hbce.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWS with HS256 only. The header must say exactly {@code alg: HS256}; anything else
 * (including {@code none}) is rejected before the signature is looked at.
 * Header and claims are flat JSON objects, read and written with Jackson's streaming API: the
 * authorizer then needs no {@code ObjectMapper}, whose construction (some 400 databind classes) was
 * about a fifth of its cold start.
 */
public final class TokenCodec {
    private static final String HEADER = b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
    private static final JsonFactory JSON = new JsonFactory();
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
        try {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(json)) {
                g.writeStartObject();
                g.writeStringField("iss", TokenClaims.ISSUER);
                g.writeStringField("sub", claims.personId());
                g.writeStringField("sid", claims.sessionId());
                if (claims.orgId() != null) {
                    g.writeStringField("org", claims.orgId());
                }
                if (claims.adminId() != null) {
                    g.writeStringField("adm", claims.adminId());
                }
                g.writeNumberField("iat", claims.issuedAt().getEpochSecond());
                g.writeNumberField("exp", claims.expiresAt().getEpochSecond());
                g.writeEndObject();
            }
            String payload = b64(json.toByteArray());
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
            Map<String, String> header = members(Base64.getUrlDecoder().decode(parts[0]));
            if (header == null || !"HS256".equals(header.get("alg")) || header.size() > 3 || header.containsKey("crit")) {
                return Optional.empty();
            }
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, String> body = members(Base64.getUrlDecoder().decode(parts[1]));
            if (body == null) {
                return Optional.empty();
            }
            Instant exp = Instant.ofEpochSecond(number(body.get("exp")));
            String sub = body.getOrDefault("sub", "");
            String sid = body.getOrDefault("sid", "");
            if (!TokenClaims.ISSUER.equals(body.get("iss")) || !now.isBefore(exp) || sub == null || sub.isEmpty()
                    || sid == null || sid.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(sub, sid, body.get("org"), body.get("adm"),
                    Instant.ofEpochSecond(number(body.get("iat"))), exp));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The members of a flat JSON object as text (numbers as written, {@code null} for JSON null,
     * nested values as ""); {@code null} when the input is not one JSON object. A repeated name keeps
     * its last value.
     */
    private static Map<String, String> members(byte[] json) throws java.io.IOException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> members = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    members.put(name, "");
                } else {
                    members.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            return members;
        }
    }

    /** A whole-number claim, 0 when absent or not a whole number (an expiry of 0 has passed). */
    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
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
