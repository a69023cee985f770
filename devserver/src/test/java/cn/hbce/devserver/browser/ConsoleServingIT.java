package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.e2e.E2E;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's build on the API's origin (no browser needed): the entry page, the single-page
 * app's fallback for page paths, content types and cache headers, and /v1 left to the API.
 */
class ConsoleServingIT {
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    /** What came back, without E2E's OpenAPI check (these paths are no API routes). */
    record Got(int status, java.net.http.HttpHeaders headers, String text) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    static Got fetch(String method, String path) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(E2E.base() + path))
                    .method(method, method.equals("POST") ? java.net.http.HttpRequest.BodyPublishers.ofString("{}")
                            : java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json")
                    .build();
            var r = CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Got(r.statusCode(), r.headers(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theEntryPageIsHtmlRevalidatedOnEveryLoadAndPagePathsFallBackToIt() {
        Got root = fetch("GET", "/");
        assertEquals(200, root.status());
        assertTrue(root.header("content-type").startsWith("text/html"), root.header("content-type"));
        assertEquals("no-cache", root.header("cache-control"));
        assertTrue(root.text().contains("<div id=\"app\">"), root.text());
        Got page = fetch("GET", "/reviews/PERSON_REGISTRATION?status=PENDING");
        assertEquals(200, page.status());
        assertEquals(root.text(), page.text(), "a page path answers the entry page (the router draws it)");
    }

    @Test
    void hashedAssetsAreServedWithTheirTypeAndCachedForAYear() {
        String html = fetch("GET", "/").text();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        Matcher style = Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"").matcher(html);
        assertTrue(script.find() && style.find(), html);
        Got js = fetch("GET", script.group(1));
        assertEquals(200, js.status());
        assertTrue(js.header("content-type").startsWith("text/javascript"), js.header("content-type"));
        assertEquals("public, max-age=31536000, immutable", js.header("cache-control"));
        Got css = fetch("GET", style.group(1));
        assertTrue(css.header("content-type").startsWith("text/css"), css.header("content-type"));
        assertEquals(404, fetch("GET", "/assets/no-such-file-0000.js").status(),
                "a missing asset is a 404, not the entry page");
        assertEquals(404, fetch("GET", "/../pom.xml").status());
        assertEquals(404, fetch("GET", "/%2e%2e/pom.xml").status(), "nothing outside the build");
    }

    @Test
    void unknownApiPathsStayTheApisJson404AndOnlyGetServesFiles() {
        Got api = fetch("GET", "/v1/no-such-route");
        assertEquals(404, api.status());
        assertTrue(api.header("content-type").startsWith("application/json"));
        assertEquals(404, fetch("POST", "/reviews").status());
    }
}
