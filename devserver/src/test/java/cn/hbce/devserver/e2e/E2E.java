package cn.hbce.devserver.e2e;

import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.openapi.ResponseContract;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The shared harness of the end-to-end suite: one {@link DevServer} per test JVM (handlers read
 * their configuration once per JVM, so a second one must never start), started lazily on first
 * use with {@link DevServerConfig#ephemeral()}, and a small JSON client over java.net.http.
 *
 * <p>Every answer is checked against docs/openapi.yaml ({@link ResponseContract}): a status the
 * document does not list for the route, or a body off its documented schema, fails the request
 * (and so the test that sent it) with the route, status and JSON path. Every violation is also
 * kept in {@link #contractViolations()}.
 */
public final class E2E {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static volatile DevServer server;
    private static final ResponseContract CONTRACT =
            ResponseContract.load(DevServerConfig.ephemeral().projectRoot().resolve("docs/openapi.yaml"));
    private static final List<String> VIOLATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

    private E2E() {
    }

    /** The one server of this JVM; closed by a shutdown hook. */
    public static DevServer server() {
        if (server == null) {
            synchronized (E2E.class) {
                if (server == null) {
                    DevServer started = DevServer.start(DevServerConfig.ephemeral());
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-devserver-stop"));
                    server = started;
                }
            }
        }
        return server;
    }

    public static URI base() {
        return server().endpoint();
    }

    /** What came back: status, headers, the raw text and the body parsed as JSON (null when not JSON). */
    public record Resp(int status, Map<String, List<String>> headers, String text, JsonNode json) {

        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public JsonNode at(String pointer) {
            return json == null ? null : json.at(pointer);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    // ------------------------------------------------------------------ requests

    public static Resp get(String path, String token) {
        return send("GET", path, null, token, null);
    }

    public static Resp get(String path) {
        return get(path, null);
    }

    public static Resp post(String path, Object body, String token) {
        return send("POST", path, bytes(body), token, "application/json");
    }

    public static Resp post(String path, Object body) {
        return post(path, body, null);
    }

    public static Resp put(String path, Object body, String token) {
        return send("PUT", path, bytes(body), token, "application/json");
    }

    /**
     * The raw form: {@code body} null for none; {@code token} null for no Authorization header,
     * otherwise sent as {@code Bearer <token>}; {@code contentType} null for no Content-Type header.
     */
    public static Resp send(String method, String path, byte[] body, String token, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return sendRaw(method, path, body, headers);
    }

    /** Sends exactly these headers (e.g. an Authorization header that is not a bearer token). */
    public static Resp sendRaw(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (headers.keySet().stream().noneMatch("X-Forwarded-For"::equalsIgnoreCase)) {
            // A client address of its own per request (the devserver trusts the header in tests), so
            // the per-address login limit only meets the tests that name an address on purpose.
            b.header("X-Forwarded-For", "127.1." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256));
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Resp resp = new Resp(r.statusCode(), r.headers().map(), r.body(), parse(r.body()));
            checkContract(method, path, body, resp);
            return resp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every departure from docs/openapi.yaml met so far in this JVM (each also failed its request). */
    public static List<String> contractViolations() {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS);
        }
    }

    private static void checkContract(String method, String path, byte[] body, Resp resp) {
        String requestBody = body == null ? null : new String(body, StandardCharsets.UTF_8);
        List<String> found = CONTRACT.violations(new ResponseContract.Exchange(method, path, requestBody,
                resp.status(), resp.headers(), resp.text()));
        if (!found.isEmpty()) {
            VIOLATIONS.addAll(found);
            throw new AssertionError("The answer departs from docs/openapi.yaml:\n  " + String.join("\n  ", found));
        }
    }

    /** Serialises maps/records with Jackson; a String or byte[] is sent as it is. */
    public static byte[] bytes(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** An insertion-ordered JSON object from key/value pairs; values may be null or nested maps. */
    public static Map<String, Object> obj(Object... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A copy of {@code base} with one field replaced (or removed when {@code value} is {@link #REMOVE}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> base, String dottedKey, Object value) {
        Map<String, Object> copy = deepCopy(base);
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> target = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        if (value == REMOVE) {
            target.remove(parts[parts.length - 1]);
        } else {
            target.put(parts[parts.length - 1], value);
        }
        return copy;
    }

    public static final Object REMOVE = new Object();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> inner ? deepCopy((Map<String, Object>) inner) : v));
        return out;
    }

    /**
     * Runs the calls at the same moment (all threads wait at one gate, then go) and returns their
     * results in order.
     */
    public static <T> List<T> concurrently(List<Callable<T>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
