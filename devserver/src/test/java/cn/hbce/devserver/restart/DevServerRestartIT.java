package cn.hbce.devserver.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A local run with a data directory keeps everything across a restart: sessions, orgs, an
 * approval waiting for its decision, which completes after the restart, and uploaded files (the
 * S3 filesystem store) with the material they belong to. Runs in its own JVM
 * (see the devserver pom), because handlers read their configuration once per JVM.
 */
class DevServerRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aPendingApprovalTheSessionsAndUploadedFilesSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory("hbce-restart");
        DevServerConfig base = DevServerConfig.ephemeral();
        DevServerConfig config = new DevServerConfig(base.projectRoot(), freePort(), Optional.of(data), freePort(), freePort(),
                freePort(), base.rootAdminIdCard(), base.rootAdminPassword(), true);
        String personIdCard = "42010619900101001X";
        String deptToken;
        String reviewId;
        byte[] pdf = new byte[300_000];
        new java.util.Random(11).nextBytes(pdf);
        System.arraycopy("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 8);
        String fileId;
        String materialId;
        try (DevServer first = DevServer.start(config)) {
            URI api = first.endpoint();
            String health = login(api, "DEPARTMENT", "420102198503150020", DemoData.PASSWORD).path("token").asText();
            JsonNode upload = call(api, "POST", "/v1/files", Map.of("purpose", "MATERIAL", "fileName", "重启前.pdf",
                    "contentType", "application/pdf", "size", pdf.length), health, 201);
            fileId = upload.path("fileId").asText();
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
            upload.path("uploadHeaders").fields().forEachRemaining(h -> {
                if (!h.getKey().equalsIgnoreCase("content-length")) {
                    put.header(h.getKey(), h.getValue().asText());
                }
            });
            assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            call(api, "POST", "/v1/files/" + fileId + "/complete", Map.of(), health, 200);
            materialId = call(api, "POST", "/v1/materials", Map.of("year", 2026, "type", "STUDY_GUIDE", "title", "重启测试材料",
                    "fileIds", java.util.List.of(fileId)), health, 201).path("materialId").asText();
            JsonNode registered = call(api, "POST", "/v1/registrations/persons", Map.of("idCard", personIdCard, "name", "重启测试",
                    "phone", "13955550001", "password", "Restart#2026", "unitOrgId", DemoData.HOSPITAL,
                    "titleSeries", "卫生技术人员", "titleLevel", "中级"), null, 201);
            String personId = registered.path("personId").asText();
            deptToken = login(api, "DEPARTMENT", "420102198503150020", DemoData.PASSWORD).path("token").asText();
            String token = deptToken;
            reviewId = await("the review in the queue", () -> {
                for (JsonNode item : get(api, "/v1/reviews?kind=PERSON_REGISTRATION&status=PENDING&limit=100", token).path("items")) {
                    if (item.path("subject").path("personId").asText().equals(personId)) {
                        return Optional.of(item.path("reviewId").asText());
                    }
                }
                return Optional.empty();
            });
        }
        try (DevServer second = DevServer.start(config)) {
            URI api = second.endpoint();
            assertEquals(403, status(api, "POST", "/v1/auth/login", Map.of("userType", "PERSON", "idCard", personIdCard,
                    "password", "Restart#2026"), null), "still pending after the restart");
            JsonNode decided = call(api, "POST", "/v1/reviews/decisions", Map.of("decisions",
                    java.util.List.of(Map.of("reviewId", reviewId, "decision", "APPROVE"))), deptToken, 200);
            assertEquals("DONE", decided.path("results").get(0).path("outcome").asText(), "the old token still works");
            await("the person approved", () -> status(api, "POST", "/v1/auth/login", Map.of("userType", "PERSON",
                    "idCard", personIdCard, "password", "Restart#2026"), null) == 200 ? Optional.of(true) : Optional.empty());
            assertTrue(get(api, "/v1/reviews/" + reviewId, deptToken).path("status").asText().equals("APPROVED"));

            assertEquals(fileId, get(api, "/v1/materials/" + materialId, deptToken).at("/files/0/fileId").asText());
            String url = get(api, "/v1/files/" + fileId + "/download", deptToken).path("url").asText();
            HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode());
            assertTrue(java.util.Arrays.equals(pdf, got.body()), "the same bytes after the restart");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what, e);
            }
        }
        throw new AssertionError("Not within 15 s: " + what);
    }

    private static JsonNode login(URI api, String userType, String idCard, String password) {
        return call(api, "POST", "/v1/auth/login", Map.of("userType", userType, "idCard", idCard, "password", password), null, 200);
    }

    private static JsonNode get(URI api, String path, String token) {
        return call(api, "GET", path, null, token, 200);
    }

    private static int status(URI api, String method, String path, Object body, String token) {
        return send(api, method, path, body, token).statusCode();
    }

    private static JsonNode call(URI api, String method, String path, Object body, String token, int expected) {
        HttpResponse<String> r = send(api, method, path, body, token);
        assertEquals(expected, r.statusCode(), () -> method + " " + path + ": " + r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(URI api, String method, String path, Object body, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("content-type", "application/json");
            if (token != null) {
                b.header("authorization", "Bearer " + token);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
