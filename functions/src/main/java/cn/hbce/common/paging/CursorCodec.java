package cn.hbce.common.paging;

import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the position a list stopped at into the {@code nextCursor} clients hand back, and opens it
 * again only for the very list it came from. A cursor is {@code base64url(position) "." base64url(tag)}
 * where the tag is HMAC-SHA256 (first 16 bytes) over the list's scope and the position, keyed with
 * a key derived from the token signing key ({@code HMAC(tokenKey, "cursor-v1")}: one secret, two
 * uses that cannot stand in for each other). The scope names the list, the partition it reads (the
 * caller's org) and every filter that shapes the query, so a cursor that was altered, made up, taken
 * from another org or another list, or from the same list with other filters, is refused with 400
 * {@code INVALID_CURSOR} before any key reaches the database. The position stays readable (it holds
 * keys, never personal data); it is authenticated, not hidden.
 */
public final class CursorCodec {
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN = "cursor-v1".getBytes(StandardCharsets.UTF_8);
    private static final int TAG_BYTES = 16;
    /** Longer than any cursor this API hands out; anything longer is refused unread. */
    public static final int MAX_CURSOR_CHARS = 2048;
    private final Supplier<byte[]> tokenSecret;
    private volatile SecretKeySpec key;

    public CursorCodec(byte[] tokenSecret) {
        this(() -> tokenSecret);
        key();
    }

    /**
     * The key is derived on first use: a function that never pages never fetches the token secret
     * (and needs no permission to read it).
     */
    public CursorCodec(Supplier<byte[]> tokenSecret) {
        this.tokenSecret = tokenSecret;
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] secret = tokenSecret.get();
            if (secret == null || secret.length == 0) {
                throw new IllegalArgumentException("A cursor key needs the token secret");
            }
            k = new SecretKeySpec(hmac(new SecretKeySpec(secret, ALGORITHM), DOMAIN), ALGORITHM);
            key = k;
        }
        return k;
    }

    /**
     * The scope of a list from its parts (list name, partition, filters), each length-prefixed so
     * that no two different part lists give the same scope (a filter text containing the separator
     * cannot pass for two filters).
     */
    public static String scope(Object... parts) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            String text = String.valueOf(part);
            out.append(text.length()).append(':').append(text).append(';');
        }
        return out.toString();
    }

    /** The cursor clients get for {@code position} of the list {@code scope}. */
    public String seal(String scope, String position) {
        byte[] pos = position.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(pos) + "." + b64.encodeToString(tag(scope, pos));
    }

    /** The position sealed in {@code cursor} for this very list; 400 {@code INVALID_CURSOR} otherwise. */
    public String open(String scope, String cursor) {
        if (cursor == null || cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        String trimmed = cursor.trim();
        int dot = trimmed.indexOf('.');
        if (dot <= 0 || dot != trimmed.lastIndexOf('.')) {
            throw invalid();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] pos = b64.decode(trimmed.substring(0, dot));
            byte[] given = b64.decode(trimmed.substring(dot + 1));
            if (given.length != TAG_BYTES || !MessageDigest.isEqual(given, tag(scope, pos))) {
                throw invalid();
            }
            return new String(pos, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    /** The answer to every cursor that is not one of ours for this list. */
    public static Invalid invalid() {
        return new Invalid(Reason.INVALID_CURSOR, List.of("cursor"));
    }

    private byte[] tag(String scope, byte[] position) {
        byte[] s = scope.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[s.length + 1 + position.length];
        System.arraycopy(s, 0, input, 0, s.length);
        input[s.length] = 0;
        System.arraycopy(position, 0, input, s.length + 1, position.length);
        return Arrays.copyOf(hmac(key(), input), TAG_BYTES);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
