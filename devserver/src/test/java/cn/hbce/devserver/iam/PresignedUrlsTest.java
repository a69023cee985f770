package cn.hbce.devserver.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;

/**
 * The local S3 gate's check of presigned URLs against URLs the AWS SDK presigned (as the functions
 * do): a genuine URL used as signed passes; anything else gets S3's own refusal.
 */
class PresignedUrlsTest {
    private static final String KEY_ID = "CreateUploadFunction";
    private static final String SECRET = "hbce-local-function-secret";
    private static final S3Presigner PRESIGNER = S3Presigner.builder().region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:45678"))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET))).build();

    private static PresignedRequest put(String key, String contentType, long size) {
        return PRESIGNER.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket("hbce-materialsbucket").key(key).contentType(contentType).contentLength(size)));
    }

    private static PresignedRequest get(String key, String disposition) {
        return PRESIGNER.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(o -> o.bucket("hbce-materialsbucket").key(key).responseContentDisposition(disposition)));
    }

    /** The headers a browser sends with the URL: Host from the URL, plus these. */
    private static Map<String, List<String>> headers(PresignedRequest p, String... more) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("Host", List.of(p.url().getHost() + ":" + p.url().getPort()));
        for (int i = 0; i < more.length; i += 2) {
            out.put(more[i], List.of(more[i + 1]));
        }
        return out;
    }

    private static Optional<PresignedUrls.Refusal> check(String method, PresignedRequest p, String rawQuery,
                                                         Map<String, List<String>> headers, Instant now) {
        return PresignedUrls.check(method, p.url().getPath(), rawQuery, headers,
                key -> key.equals(KEY_ID) ? Optional.of(SECRET) : Optional.empty(), now);
    }

    private static Optional<PresignedUrls.Refusal> check(String method, PresignedRequest p, Map<String, List<String>> headers) {
        return check(method, p, p.url().getQuery(), headers, Instant.now());
    }

    @Test
    void aPresignedPutUsedAsSignedPassesAndAnyOtherBodyIsRefused() {
        PresignedRequest p = put("uploads/f_1", "application/pdf", 1234);
        assertTrue(PresignedUrls.isPresigned(p.url().getQuery()));
        assertEquals(Optional.empty(), check("PUT", p, headers(p, "Content-Type", "application/pdf", "Content-Length", "1234")));

        Optional<PresignedUrls.Refusal> longer = check("PUT", p, headers(p, "Content-Type", "application/pdf",
                "Content-Length", "1235"));
        assertEquals("SignatureDoesNotMatch", longer.orElseThrow().code());
        assertEquals(403, longer.get().status());
        assertEquals("SignatureDoesNotMatch", check("PUT", p, headers(p, "Content-Type", "image/png",
                "Content-Length", "1234")).orElseThrow().code(), "another content type");
        assertEquals("SignatureDoesNotMatch", check("PUT", p, headers(p, "Content-Length", "1234")).orElseThrow().code(),
                "no content type");
        assertEquals("SignatureDoesNotMatch", check("GET", p, headers(p, "Content-Type", "application/pdf",
                "Content-Length", "1234")).orElseThrow().code(), "another method");
    }

    @Test
    void aTamperedUrlIsRefused() {
        PresignedRequest p = put("uploads/f_2", "application/pdf", 10);
        Map<String, List<String>> h = headers(p, "Content-Type", "application/pdf", "Content-Length", "10");
        String query = p.url().getQuery();
        String signature = query.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String flipped = (signature.charAt(0) == 'a' ? 'b' : 'a') + signature.substring(1);
        assertEquals("SignatureDoesNotMatch", check("PUT", p, query.replace(signature, flipped), h, Instant.now())
                .orElseThrow().code());
        assertEquals("SignatureDoesNotMatch", PresignedUrls.check("PUT", p.url().getPath().replace("f_2", "f_3"), query, h,
                key -> Optional.of(SECRET), Instant.now()).orElseThrow().code(), "another key");
        assertEquals("SignatureDoesNotMatch", check("PUT", p, query.replace("X-Amz-Expires=300", "X-Amz-Expires=600"), h,
                Instant.now()).orElseThrow().code(), "a longer validity");
        Map<String, List<String>> otherHost = new LinkedHashMap<>(h);
        otherHost.put("Host", List.of("127.0.0.1:45679"));
        assertEquals("SignatureDoesNotMatch", check("PUT", p, query, otherHost, Instant.now()).orElseThrow().code());
    }

    @Test
    void anExpiredUrlIsRefusedAsS3RefusesIt() {
        PresignedRequest p = put("uploads/f_4", "image/png", 10);
        Map<String, List<String>> h = headers(p, "Content-Type", "image/png", "Content-Length", "10");
        Instant signedAt = p.expiration().minus(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), check("PUT", p, p.url().getQuery(), h, signedAt.plusSeconds(299)));
        PresignedUrls.Refusal expired = check("PUT", p, p.url().getQuery(), h, p.expiration().plusSeconds(1)).orElseThrow();
        assertEquals(403, expired.status());
        assertEquals("AccessDenied", expired.code());
        assertEquals("Request has expired", expired.message());
        assertEquals("300", expired.details().get("X-Amz-Expires"));
    }

    @Test
    void unknownKeysAndBrokenParametersAreRefused() {
        PresignedRequest p = put("uploads/f_5", "application/pdf", 10);
        Map<String, List<String>> h = headers(p, "Content-Type", "application/pdf", "Content-Length", "10");
        assertEquals("InvalidAccessKeyId", PresignedUrls.check("PUT", p.url().getPath(), p.url().getQuery(), h,
                key -> Optional.empty(), Instant.now()).orElseThrow().code());
        String noDate = p.url().getQuery().replaceAll("X-Amz-Date=[^&]+&?", "");
        PresignedUrls.Refusal broken = check("PUT", p, noDate, h, Instant.now()).orElseThrow();
        assertEquals(400, broken.status());
        assertEquals("AuthorizationQueryParametersError", broken.code());
    }

    @Test
    void aPresignedGetWithAnEncodedDispositionPasses() {
        PresignedRequest p = get("files/f_6", "attachment; filename*=UTF-8''%E5%AD%A6%E4%B9%A0%20%E6%8C%87%E5%8D%97.pdf");
        assertEquals(Optional.empty(), check("GET", p, headers(p)));
        String changed = p.url().getQuery().replace("attachment", "inline");
        assertEquals("SignatureDoesNotMatch", check("GET", p, changed, headers(p), Instant.now()).orElseThrow().code());
    }
}
