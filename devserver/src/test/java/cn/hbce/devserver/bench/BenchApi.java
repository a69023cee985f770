package cn.hbce.devserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What the benchmarks share: their client of the API, waiting for a count, and call-count differences. */
final class BenchApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchApi() {
    }

    interface Probe {
        long value() throws Exception;
    }

    static String login(URI api, String userType, String idCard, String password) throws Exception {
        return post(api, "/v1/auth/login", Map.of("userType", userType, "idCard", idCard, "password", password), null)
                .path("token").asText();
    }

    /** A GET that must answer 200. */
    static JsonNode get(URI api, String path, String token) throws Exception {
        HttpResponse<String> r = getRaw(api, path, token);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> getRaw(URI api, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A POST that must answer 2xx. */
    static JsonNode post(URI api, String path, Object body, String token) throws Exception {
        return send(api, "POST", path, body, token, 0);
    }

    /** {@code expected}: the status the call must answer (0: any 2xx). */
    static JsonNode send(URI api, String method, String path, Object body, String token, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (expected == 0 ? r.statusCode() / 100 != 2 : r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Polls every 50 ms until {@code probe} reaches {@code target}; fails after {@code timeout}. */
    static void awaitCount(String what, Probe probe, long target, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last;
        while ((last = probe.value()) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + last + " of " + target + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** What grew between two snapshots of per-operation call counts. */
    static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
