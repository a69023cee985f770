package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console uploads from its own origin straight to a presigned S3 URL on another origin, so the
 * browser asks S3 first (CORS preflight) and reads the PUT's answer only with
 * {@code Access-Control-Allow-Origin}. The local S3 answers from the materials bucket's CorsRules
 * of template.yaml, as S3 does, the devserver's own origin standing for the console's distribution;
 * an origin the rules do not name is refused.
 */
class UploadCorsIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> preflight(String url, String origin) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsolesOriginMayPutAPresignedUploadAndReadTheAnswer() throws Exception {
        String token = Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD);
        byte[] body = Uploads.pdf(2048);
        E2E.Resp started = Uploads.start(token, "EVIDENCE", "证明.pdf", Uploads.PDF, body.length);
        assertEquals(201, started.status(), started::toString);
        String url = started.json().path("uploadUrl").asText();
        String console = "http://127.0.0.1:" + E2E.base().getPort();

        HttpResponse<String> allowed = preflight(url, console);
        assertEquals(200, allowed.statusCode(), allowed::body);
        assertEquals(console, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("content-type"));

        HttpResponse<String> stranger = preflight(url, "https://evil.example");
        assertEquals(403, stranger.statusCode(), stranger::body);
        assertTrue(stranger.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        Map<String, String> headers = new java.util.LinkedHashMap<>(Uploads.headers(started));
        headers.put("Origin", console);
        Uploads.S3Resp put = Uploads.put(url, headers, body);
        assertEquals(200, put.status(), put::toString);
        assertEquals(console, put.header("Access-Control-Allow-Origin"), "the browser may read the PUT's answer");
        E2E.Resp done = Uploads.complete(token, started.json().path("fileId").asText());
        assertEquals(200, done.status(), done::toString);

        Uploads.S3Resp noOrigin = Uploads.put(Uploads.start(token, "EVIDENCE", "b.pdf", Uploads.PDF, body.length), body);
        assertEquals(200, noOrigin.status(), noOrigin::toString);
        assertNull(noOrigin.header("Access-Control-Allow-Origin"), "no Origin, no CORS headers");
    }
}
