package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The browser's side of the file routes: ask for an upload URL, PUT the bytes to S3 with exactly
 * the headers the API returned (as fetch() would: Host and Content-Length come from the URL and the
 * body), complete, fetch a download URL. Also sample files of each type.
 */
public final class Uploads {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** Headers a browser (and java.net.http) sets itself and refuses to take from script. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Uploads() {
    }

    /** What S3 answered: status, headers, body. */
    public record S3Resp(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    /** POST /v1/files. */
    public static E2E.Resp start(String token, String purpose, String fileName, String contentType, long size) {
        return E2E.post("/v1/files", E2E.obj("purpose", purpose, "fileName", fileName, "contentType", contentType,
                "size", size), token);
    }

    /** PUTs the body to the upload URL of a 201 from {@link #start}, with its uploadHeaders. */
    public static S3Resp put(E2E.Resp started, byte[] body) {
        return put(started.json().path("uploadUrl").asText(), headers(started), body);
    }

    public static Map<String, String> headers(E2E.Resp started) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = started.json().path("uploadHeaders").fields();
             it.hasNext(); ) {
            var e = it.next();
            headers.put(e.getKey(), e.getValue().asText());
        }
        return headers;
    }

    public static S3Resp put(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                b.header(name, value);
            }
        });
        return send(b.build());
    }

    public static S3Resp get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private static S3Resp send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new S3Resp(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static E2E.Resp complete(String token, String fileId) {
        return E2E.send("POST", "/v1/files/" + fileId + "/complete", null, token, null);
    }

    public static E2E.Resp download(String token, String fileId) {
        return E2E.get("/v1/files/" + fileId + "/download", token);
    }

    /**
     * Uploads a file all the way (start, PUT, complete) and returns its fileId; fails the test on any
     * refusal.
     */
    public static String uploaded(String token, String fileName, String contentType, byte[] body) {
        E2E.Resp started = start(token, "MATERIAL", fileName, contentType, body.length);
        assertEquals(201, started.status(), started::toString);
        S3Resp put = put(started, body);
        assertEquals(200, put.status(), put::toString);
        String fileId = started.json().path("fileId").asText();
        E2E.Resp done = complete(token, fileId);
        assertEquals(200, done.status(), done::toString);
        return fileId;
    }

    /** A PDF-looking body: the signature, then random bytes. */
    public static byte[] pdf(int size) {
        return withHead("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), size);
    }

    public static byte[] png(int size) {
        return withHead(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, size);
    }

    public static byte[] zip(int size) {
        return withHead(new byte[] {'P', 'K', 0x03, 0x04}, size);
    }

    private static byte[] withHead(byte[] head, int size) {
        byte[] out = new byte[size];
        ThreadLocalRandom.current().nextBytes(out);
        System.arraycopy(head, 0, out, 0, Math.min(head.length, size));
        return out;
    }
}
