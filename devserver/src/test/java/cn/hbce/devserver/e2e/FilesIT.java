package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.aws.AwsClients;
import cn.hbce.devserver.DevServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.AwsS3V4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** POST /v1/files, the browser's PUT to S3, POST /v1/files/{fileId}/complete and GET .../download. */
class FilesIT {
    private static OrgAdmin.Org org;

    @BeforeAll
    static void orgs() {
        org = OrgAdmin.department("文件");
    }

    @Test
    void uploadCompleteAndDownloadGiveBackTheSameBytesUnderTheOriginalName() {
        byte[] body = Uploads.pdf(300_000);
        String name = "2026年度 学习指南(定稿).pdf";
        E2E.Resp started = Uploads.start(org.token(), "MATERIAL", name, Uploads.PDF, body.length);
        assertEquals(201, started.status(), started::toString);
        String url = started.json().path("uploadUrl").asText();
        assertTrue(url.contains("/uploads/") && !url.contains("%E5%AD%A6"), () -> "the key is the server's, not the name: " + url);
        assertEquals(Uploads.PDF, Uploads.headers(started).get("Content-Type"), started::toString);
        Uploads.S3Resp put = Uploads.put(started, body);
        assertEquals(200, put.status(), put::toString);
        String fileId = started.json().path("fileId").asText();
        E2E.Resp done = Uploads.complete(org.token(), fileId);
        assertEquals(200, done.status(), done::toString);
        assertEquals("READY", done.json().path("status").asText());
        assertEquals(name, done.json().path("fileName").asText());
        assertEquals(body.length, done.json().path("size").asLong());

        E2E.Resp link = Uploads.download(org.token(), fileId);
        assertEquals(200, link.status(), link::toString);
        Uploads.S3Resp got = Uploads.get(link.json().path("url").asText());
        assertEquals(200, got.status(), got::toString);
        assertArrayEquals(body, got.body());
        assertEquals("attachment; filename*=UTF-8''2026%E5%B9%B4%E5%BA%A6%20%E5%AD%A6%E4%B9%A0%E6%8C%87%E5%8D%97%28%E5%AE%9A%E7%A8%BF%29.pdf",
                got.header("Content-Disposition"));
        assertEquals(Uploads.PDF, got.header("Content-Type"));
    }

    private static final String BUCKET = "hbce-materialsbucket";

    /** Whether the bucket holds the key (asked with the devserver's own identity, which no policy restricts). */
    private static boolean stored(String key) {
        try {
            AwsClients.s3().headObject(r -> r.bucket(BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** A file that can never be attached: complete refuses it, and a material naming it is refused too. */
    private static void assertNothingAttachable(String fileId) {
        assertError(Uploads.complete(org.token(), fileId), 400, "FILE_REJECTED");
        assertError(Materials.submit(org.token(), 2026, "STUDY_GUIDE", "不应提交" + fileId, List.of(fileId)), 400,
                "FILE_NOT_READY");
        assertError(Uploads.download(org.token(), fileId), 404, "NOT_FOUND");
        E2E.Resp own = E2E.get("/v1/materials?limit=100", org.token());
        assertEquals(200, own.status(), own::toString);
        assertTrue(!own.text().contains(fileId), "nothing attached: " + own);
    }

    @Test
    void aPngDeclaredAsPdfIsRejectedAndItsObjectDeleted() {
        byte[] png = Uploads.png(4000);
        E2E.Resp started = Uploads.start(org.token(), "MATERIAL", "伪装.pdf", Uploads.PDF, png.length);
        assertEquals(201, started.status(), started::toString);
        assertEquals(200, Uploads.put(started, png).status(), "S3 takes any bytes of the signed type and length");
        String fileId = started.json().path("fileId").asText();
        assertTrue(stored("uploads/" + fileId));
        assertNothingAttachable(fileId);
        assertTrue(!stored("uploads/" + fileId), "the rejected object is deleted");
    }

    @Test
    void anotherLengthThanDeclaredNeverReachesTheBucket() {
        E2E.Resp started = Uploads.start(org.token(), "MATERIAL", "a.pdf", Uploads.PDF, 5000);
        Map<String, String> headers = Uploads.headers(started);
        Uploads.S3Resp shorter = Uploads.put(started.json().path("uploadUrl").asText(), headers, Uploads.pdf(4999));
        assertEquals(403, shorter.status(), shorter::toString);
        assertTrue(shorter.text().contains("<Code>SignatureDoesNotMatch</Code>"), shorter::toString);
        Map<String, String> retyped = new java.util.LinkedHashMap<>(headers);
        retyped.put("Content-Type", "text/html");
        Uploads.S3Resp html = Uploads.put(started.json().path("uploadUrl").asText(), retyped, Uploads.pdf(5000));
        assertEquals(403, html.status(), html::toString);
        String fileId = started.json().path("fileId").asText();
        assertTrue(!stored("uploads/" + fileId));
        assertNothingAttachable(fileId);
    }

    @Test
    void oversizeAndDisallowedTypesGetNoUrl() {
        assertError(Uploads.start(org.token(), "MATERIAL", "big.pdf", Uploads.PDF, 20L * 1024 * 1024 + 1), 400, "FILE_TOO_LARGE");
        assertError(Uploads.start(org.token(), "MATERIAL", "empty.pdf", Uploads.PDF, 0), 400, "FILE_TOO_LARGE");
        assertError(Uploads.start(org.token(), "MATERIAL", "page.html", "text/html", 100), 400, "FILE_TYPE_NOT_ALLOWED");
        assertError(Uploads.start(org.token(), "MATERIAL", "run.exe", "application/pdf", 100), 400, "FILE_TYPE_NOT_ALLOWED");
        assertEquals(201, Uploads.start(org.token(), "MATERIAL", "max.pdf", Uploads.PDF, 20L * 1024 * 1024).status());
    }

    @Test
    void aTamperedUrlIsRefusedByS3() {
        byte[] body = Uploads.pdf(1000);
        E2E.Resp started = Uploads.start(org.token(), "MATERIAL", "a.pdf", Uploads.PDF, body.length);
        String url = started.json().path("uploadUrl").asText();
        String fileId = started.json().path("fileId").asText();
        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String flipped = url.replace(signature, (signature.charAt(0) == '0' ? '1' : '0') + signature.substring(1));
        String elsewhere = url.replace("/uploads/" + fileId, "/files/" + fileId);
        String longer = url.replace("X-Amz-Expires=300", "X-Amz-Expires=3600");
        for (String tampered : List.of(flipped, elsewhere, longer)) {
            Uploads.S3Resp r = Uploads.put(tampered, Uploads.headers(started), body);
            assertEquals(403, r.status(), () -> tampered + ": " + r);
            assertTrue(r.text().contains("<Code>SignatureDoesNotMatch</Code>"), r::toString);
        }
        assertTrue(!stored("uploads/" + fileId) && !stored("files/" + fileId));
        assertNothingAttachable(fileId);
    }

    @Test
    void anExpiredUrlIsRefusedByS3() {
        byte[] body = Uploads.pdf(1000);
        E2E.Resp started = Uploads.start(org.token(), "MATERIAL", "a.pdf", Uploads.PDF, body.length);
        String fileId = started.json().path("fileId").asText();
        // The URL the function would have issued six minutes ago: same identity, key, type and length.
        String current = started.json().path("uploadUrl").asText();
        URI target = URI.create(current.substring(0, current.indexOf('?')));
        Instant then = Instant.now().minus(Duration.ofMinutes(6));
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT).uri(target)
                .putHeader("Content-Type", Uploads.PDF).putHeader("Content-Length", String.valueOf(body.length)).build();
        SdkHttpFullRequest presigned = AwsS3V4Signer.create().presign(request, Aws4PresignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create("CreateUploadFunction", DevServer.FUNCTION_SECRET_KEY))
                .signingName("s3").signingRegion(Region.US_EAST_1)
                .signingClockOverride(Clock.fixed(then, ZoneOffset.UTC))
                .expirationTime(then.plus(Duration.ofMinutes(5))).build());
        Uploads.S3Resp late = Uploads.put(presigned.getUri().toString(), Uploads.headers(started), body);
        assertEquals(403, late.status(), late::toString);
        assertTrue(late.text().contains("<Code>AccessDenied</Code>") && late.text().contains("Request has expired"), late::toString);
        assertTrue(!stored("uploads/" + fileId));
        assertNothingAttachable(fileId);
    }

    @Test
    void onlyTheUploadingOrgCompletesOrDownloadsAnUnattachedFile() {
        String fileId = Uploads.uploaded(org.token(), "a.pdf", Uploads.PDF, Uploads.pdf(100));
        OrgAdmin.Org other = OrgAdmin.department("别家文件");
        assertError(Uploads.complete(other.token(), fileId), 404, "NOT_FOUND");
        assertError(Uploads.download(other.token(), fileId), 404, "NOT_FOUND");
        String person = Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD);
        assertError(Uploads.download(person, fileId), 404, "NOT_FOUND");
        assertEquals(200, Uploads.download(org.token(), fileId).status());
    }
}
