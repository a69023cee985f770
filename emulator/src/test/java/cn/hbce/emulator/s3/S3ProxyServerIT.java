package cn.hbce.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3ProxyServerIT {

    private static final String ACCESS_KEY = "local-access";
    private static final String SECRET_KEY = "local-secret";
    private static final String BUCKET = "hbce-materials";
    private static final String KEY = "orgs/1/材料 2024.pdf";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void sdkRoundTripOnTransientStore() {
        try (S3ProxyServer server = S3ProxyServer.start(0, Optional.empty(), ACCESS_KEY, SECRET_KEY);
                S3Client s3 = s3(server.endpoint(), SECRET_KEY)) {
            assertEquals("127.0.0.1", server.endpoint().getHost());
            assertTrue(server.endpoint().getPort() > 0);

            s3.createBucket(b -> b.bucket(BUCKET));
            s3.putObject(b -> b.bucket(BUCKET).key(KEY).contentType("application/pdf"),
                    RequestBody.fromString("%PDF-1.7 demo", StandardCharsets.UTF_8));

            var object = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(KEY));
            assertEquals("%PDF-1.7 demo", object.asUtf8String());
            assertEquals("application/pdf", object.response().contentType());
        }
    }

    @Test
    void presignedPutThenGetAndTamperedSignatureIsForbidden() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start(0, Optional.empty(), ACCESS_KEY, SECRET_KEY);
                S3Client s3 = s3(server.endpoint(), SECRET_KEY);
                S3Presigner presigner = presigner(server.endpoint())) {
            s3.createBucket(b -> b.bucket(BUCKET));

            URI putUrl = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(BUCKET).key(KEY).contentType("application/pdf")))
                    .url().toURI();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(putUrl)
                    .header("Content-Type", "application/pdf")
                    .PUT(HttpRequest.BodyPublishers.ofString("uploaded by a browser"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());

            URI getUrl = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(o -> o.bucket(BUCKET).key(KEY)))
                    .url().toURI();
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(getUrl).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get.statusCode(), get.body());
            assertEquals("uploaded by a browser", get.body());

            HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(tamper(getUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, tampered.statusCode(), tampered.body());
        }
    }

    @Test
    void requestsSignedWithAnotherSecretAreForbidden() {
        try (S3ProxyServer server = S3ProxyServer.start(0, Optional.empty(), ACCESS_KEY, SECRET_KEY);
                S3Client wrongSecret = s3(server.endpoint(), "not-the-secret")) {
            S3Exception e = assertThrows(S3Exception.class, () -> wrongSecret.listBuckets());
            assertEquals(403, e.statusCode());
        }
    }

    @Test
    void filesystemStoreSurvivesRestart(@TempDir Path dataDir) {
        try (S3ProxyServer server = S3ProxyServer.start(0, Optional.of(dataDir.resolve("s3")), ACCESS_KEY, SECRET_KEY);
                S3Client s3 = s3(server.endpoint(), SECRET_KEY)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            s3.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromString("kept"));
        }

        try (S3ProxyServer server = S3ProxyServer.start(0, Optional.of(dataDir.resolve("s3")), ACCESS_KEY, SECRET_KEY);
                S3Client s3 = s3(server.endpoint(), SECRET_KEY)) {
            assertEquals("kept", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(KEY)).asUtf8String());
        }
    }

    @Test
    void transientStoresAreIndependent() {
        try (S3ProxyServer first = S3ProxyServer.start(0, Optional.empty(), ACCESS_KEY, SECRET_KEY);
                S3Client firstClient = s3(first.endpoint(), SECRET_KEY)) {
            firstClient.createBucket(b -> b.bucket(BUCKET));
            try (S3ProxyServer second = S3ProxyServer.start(0, Optional.empty(), ACCESS_KEY, SECRET_KEY);
                    S3Client secondClient = s3(second.endpoint(), SECRET_KEY)) {
                assertTrue(secondClient.listBuckets().buckets().isEmpty());
            }
        }
    }

    @Test
    void occupiedPortGivesClearError() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> S3ProxyServer.start(occupied.getLocalPort(), Optional.empty(), ACCESS_KEY, SECRET_KEY)
                            .close());
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    private static URI tamper(URI presigned) {
        String url = presigned.toString();
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char replacement = url.charAt(at) == 'a' ? 'b' : 'a';
        return URI.create(url.substring(0, at) + replacement + url.substring(at + 1));
    }

    private static S3Client s3(URI endpoint, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static S3Presigner presigner(URI endpoint) {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
