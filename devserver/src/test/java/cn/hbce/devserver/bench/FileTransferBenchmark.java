package cn.hbce.devserver.bench;

import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Moving a 10 MB file through the local stack (not a test). Run (classpath from the reactor, no install):
 * <pre>{@code
 * mvn -q -o -pl devserver -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp devserver/target/test-classes:devserver/target/classes:functions/target/classes:emulator/target/classes:$(cat /tmp/cp.txt) \
 *     -Dhbce.project.root=. -Dhbce.emulator.home=emulator cn.hbce.devserver.bench.FileTransferBenchmark
 * }</pre>
 * (-Drounds=5 -Dmb=10). Each round, in one run and alternating: (1) what the browser does —
 * {@code POST /v1/files}, the PUT to the presigned URL (through the devserver's S3 gate, which checks
 * the signature), {@code complete}, {@code GET /download} and the GET of the presigned URL; (2) a
 * plain S3 SDK PutObject/GetObject of the same bytes through the same gate (header-signed, the
 * devserver's own identity); (3) the same SDK calls straight at S3Proxy (no gate). The bytes that
 * come back are compared every time.
 */
public final class FileTransferBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FileTransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        int size = Integer.getInteger("mb", 10) * 1024 * 1024;
        byte[] body = new byte[size];
        new Random(2026).nextBytes(body);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 9);
        DevServerConfig e = DevServerConfig.ephemeral();
        DevServerConfig config = new DevServerConfig(e.projectRoot(), 0, Optional.empty(), 0, 0, 0,
                e.rootAdminIdCard(), e.rootAdminPassword(), false);
        try (DevServer server = DevServer.start(config)) {
            URI api = server.endpoint();
            String token = call(api, "POST", "/v1/auth/login", Map.of("userType", "HRSS", "idCard", e.rootAdminIdCard(),
                    "password", e.rootAdminPassword()), null).path("token").asText();
            S3Client gated = s3(server.serviceEndpoints().get("S3"));
            S3Client direct = s3(server.unguardedEndpoints().get("S3"));
            String bucket = "hbce-materialsbucket";
            System.out.println("# FileTransferBenchmark " + Instant.now() + "  cores=" + Runtime.getRuntime().availableProcessors()
                    + "  java=" + System.getProperty("java.version") + "  size=" + size + " rounds=" + rounds);
            List<Long> apiMs = new ArrayList<>();
            List<Long> putMs = new ArrayList<>();
            List<Long> getMs = new ArrayList<>();
            List<Long> sdkPutMs = new ArrayList<>();
            List<Long> sdkGetMs = new ArrayList<>();
            List<Long> rawPutMs = new ArrayList<>();
            List<Long> rawGetMs = new ArrayList<>();
            for (int round = -1; round < rounds; round++) {
                boolean warmup = round < 0;
                // (1) the browser's way
                long t0 = System.nanoTime();
                JsonNode upload = call(api, "POST", "/v1/files", Map.of("purpose", "MATERIAL", "fileName", "基准.pdf",
                        "contentType", "application/pdf", "size", size), token);
                long t1 = System.nanoTime();
                HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
                upload.path("uploadHeaders").fields().forEachRemaining(h -> {
                    if (!h.getKey().equalsIgnoreCase("content-length")) {
                        put.header(h.getKey(), h.getValue().asText());
                    }
                });
                HttpResponse<String> stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
                long t2 = System.nanoTime();
                if (stored.statusCode() != 200) {
                    throw new IllegalStateException("PUT " + stored.statusCode() + " " + stored.body());
                }
                String fileId = upload.path("fileId").asText();
                call(api, "POST", "/v1/files/" + fileId + "/complete", Map.of(), token);
                String url = call(api, "GET", "/v1/files/" + fileId + "/download", null, token).path("url").asText();
                long t3 = System.nanoTime();
                HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long t4 = System.nanoTime();
                check(body, got.body());
                // (2) plain SDK through the gate, (3) plain SDK straight at S3Proxy
                String gatedKey = "bench/" + round;
                String directKey = "bench-direct/" + round;
                long s0 = System.nanoTime();
                gated.putObject(r -> r.bucket(bucket).key(gatedKey), RequestBody.fromBytes(body));
                long s1 = System.nanoTime();
                check(body, gated.getObjectAsBytes(r -> r.bucket(bucket).key(gatedKey)).asByteArray());
                long s2 = System.nanoTime();
                direct.putObject(r -> r.bucket(bucket).key(directKey), RequestBody.fromBytes(body));
                long s3 = System.nanoTime();
                check(body, direct.getObjectAsBytes(r -> r.bucket(bucket).key(directKey)).asByteArray());
                long s4 = System.nanoTime();
                if (!warmup) {
                    apiMs.add(ms(t0, t1) + ms(t2, t3));
                    putMs.add(ms(t1, t2));
                    getMs.add(ms(t3, t4));
                    sdkPutMs.add(ms(s0, s1));
                    sdkGetMs.add(ms(s1, s2));
                    rawPutMs.add(ms(s2, s3));
                    rawGetMs.add(ms(s3, s4));
                }
            }
            double mb = size / 1048576.0;
            System.out.println("| path | PUT median | PUT MB/s | GET median | GET MB/s |");
            System.out.println("|---|---|---|---|---|");
            row("presigned URLs through the S3 gate (browser)", putMs, getMs, mb);
            row("S3 SDK PutObject/GetObject through the S3 gate", sdkPutMs, sdkGetMs, mb);
            row("S3 SDK straight at S3Proxy (no gate)", rawPutMs, rawGetMs, mb);
            System.out.println("API calls per file (create + complete + download URL), median: " + median(apiMs) + " ms");
            System.out.println("raw ms: put=" + putMs + " get=" + getMs + " sdkPut=" + sdkPutMs + " sdkGet=" + sdkGetMs
                    + " rawPut=" + rawPutMs + " rawGet=" + rawGetMs + " api=" + apiMs);
        }
        System.exit(0);
    }

    private static void row(String name, List<Long> put, List<Long> get, double mb) {
        System.out.printf("| %s | %d ms | %.0f | %d ms | %.0f |%n", name, median(put), mb * 1000 / median(put),
                median(get), mb * 1000 / median(get));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long ms(long from, long to) {
        return Duration.ofNanos(to - from).toMillis();
    }

    private static void check(byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException("the bytes differ");
        }
    }

    private static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("hbce-local", "hbce-local-secret")))
                .build();
    }

    private static JsonNode call(URI api, String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path)).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
