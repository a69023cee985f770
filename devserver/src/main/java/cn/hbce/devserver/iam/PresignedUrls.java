package cn.hbce.devserver.iam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a presigned S3 request (SigV4 in the query string) as S3 does, so that a URL handed to a
 * browser locally is exactly as strict as on AWS: the signature is recomputed with the secret key
 * of the access key it names (the local S3 behind the gate accepts any signature), over the method,
 * path, every query parameter but the signature, and the signed headers with the values the request
 * actually carries (so a body of another Content-Type or Content-Length than the one signed fails),
 * and the URL must be used within {@code X-Amz-Expires} seconds of {@code X-Amz-Date}. The answers
 * are S3's: 403 {@code AccessDenied} "Request has expired", 403 {@code SignatureDoesNotMatch},
 * 403 {@code InvalidAccessKeyId}, 400 {@code AuthorizationQueryParametersError}.
 */
public final class PresignedUrls {
    /** The longest validity SigV4 allows (7 days). */
    static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private PresignedUrls() {
    }

    /** Why S3 refuses a presigned request: status, S3 error code, message, and extra XML elements. */
    public record Refusal(int status, String code, String message, Map<String, String> details) {
    }

    /** Whether a request is presigned (carries a SigV4 query signature). */
    public static boolean isPresigned(String rawQuery) {
        return rawQuery != null && parse(rawQuery).stream().anyMatch(p -> p.name().equals("X-Amz-Signature"));
    }

    /**
     * The refusal of a presigned request, or empty when S3 would accept its signature.
     * {@code headers}: the request's headers (any case; the first value of each is used);
     * {@code secretOf}: the secret key of an access key id (empty when the key is unknown).
     */
    public static Optional<Refusal> check(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                          Function<String, Optional<String>> secretOf, Instant now) {
        List<Param> params = parse(rawQuery);
        String algorithm = value(params, "X-Amz-Algorithm");
        String credential = value(params, "X-Amz-Credential");
        String date = value(params, "X-Amz-Date");
        String expires = value(params, "X-Amz-Expires");
        String signedHeaders = value(params, "X-Amz-SignedHeaders");
        String signature = value(params, "X-Amz-Signature");
        if (!ALGORITHM.equals(algorithm) || credential == null || date == null || expires == null || signedHeaders == null
                || signature == null) {
            return Optional.of(queryError("Query-string authentication version 4 requires the X-Amz-Algorithm, "
                    + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."));
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            return Optional.of(queryError("Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; "
                    + "expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."));
        }
        Instant signedAt;
        long validFor;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(date));
            validFor = Long.parseLong(expires);
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.of(queryError("X-Amz-Date or X-Amz-Expires is not valid."));
        }
        if (validFor < 0 || validFor > MAX_EXPIRES_SECONDS) {
            return Optional.of(queryError("X-Amz-Expires must be less than a week (in seconds) that is; "
                    + "the maximum expires is 604800 seconds."));
        }
        if (!date.startsWith(scope[1])) {
            return Optional.of(queryError("Error parsing the X-Amz-Credential parameter; incorrect date. This date in "
                    + "the credential must be in the format \"yyyyMMdd\"."));
        }
        Optional<String> secret = secretOf.apply(scope[0]);
        if (secret.isEmpty()) {
            return Optional.of(new Refusal(403, "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.", Map.of("AWSAccessKeyId", scope[0])));
        }
        Instant expiresAt = signedAt.plusSeconds(validFor);
        if (now.isAfter(expiresAt)) {
            return Optional.of(new Refusal(403, "AccessDenied", "Request has expired", Map.of(
                    "X-Amz-Expires", expires, "Expires", expiresAt.toString(), "ServerTime", now.toString())));
        }
        String canonical = canonicalRequest(method, rawPath, params, headers, signedHeaders);
        String stringToSign = ALGORITHM + "\n" + date + "\n" + String.join("/", scope[1], scope[2], scope[3], scope[4])
                + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret.get()).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new Refusal(403, "SignatureDoesNotMatch", "The request signature we calculated does not "
                    + "match the signature you provided. Check your key and signing method.", Map.of(
                    "AWSAccessKeyId", scope[0], "StringToSign", stringToSign, "CanonicalRequest", canonical)));
        }
        return Optional.empty();
    }

    /** SigV4's canonical request of a presigned S3 request (the payload is UNSIGNED-PAYLOAD). */
    static String canonicalRequest(String method, String rawPath, List<Param> params, Map<String, List<String>> headers,
                                   String signedHeaders) {
        List<String[]> query = new ArrayList<>();
        for (Param p : params) {
            if (!p.name().equals("X-Amz-Signature")) {
                query.add(new String[] {encode(p.name()), encode(p.value())});
            }
        }
        query.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder q = new StringBuilder();
        for (String[] kv : query) {
            q.append(q.isEmpty() ? "" : "&").append(kv[0]).append('=').append(kv[1]);
        }
        StringBuilder h = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            h.append(name).append(':').append(header(headers, name)).append('\n');
        }
        return method.toUpperCase(Locale.ROOT) + "\n" + (rawPath == null || rawPath.isEmpty() ? "/" : rawPath) + "\n"
                + q + "\n" + h + "\n" + signedHeaders + "\nUNSIGNED-PAYLOAD";
    }

    /** A header's values as SigV4 canonicalises them: joined by commas, trimmed, inner runs of spaces made one. */
    private static String header(Map<String, List<String>> headers, String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.trim().replaceAll(" +", " ")));
                return String.join(",", values);
            }
        }
        return "";
    }

    record Param(String name, String value) {
    }

    static List<Param> parse(String rawQuery) {
        List<Param> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(new Param(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return out;
    }

    private static String value(List<Param> params, String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst().orElse(null);
    }

    /** Percent-decoding of a query part; '+' stays '+' (SigV4 clients encode a space as %20). */
    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** SigV4's URI encoding: everything but A-Z a-z 0-9 - _ . ~ as %XX (upper case). */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static Refusal queryError(String message) {
        return new Refusal(400, "AuthorizationQueryParametersError", message, Map.of());
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
