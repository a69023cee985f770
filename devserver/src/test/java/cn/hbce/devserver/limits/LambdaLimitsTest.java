package cn.hbce.devserver.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.gateway.FunctionHost;
import cn.hbce.devserver.gateway.HttpGateway;
import cn.hbce.devserver.gateway.RouteTable;
import cn.hbce.devserver.runtime.FunctionError;
import cn.hbce.devserver.template.SamTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of Lambda and of the HTTP API that the local runtime enforces as AWS does, on small
 * functions of a template of their own (Timeout 2 s, so the test is quick): a function past its
 * Timeout fails with "Task timed out after 2.00 seconds" (HTTP API: 500), one the gateway waited
 * for past the integration timeout gets HTTP API's 503, and payloads over Lambda's 6 MB fail.
 */
class LambdaLimitsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FunctionHost host;
    private static HttpGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        SamTemplate template = SamTemplate.load(Path.of(LambdaLimitsTest.class.getResource("/limits/template.yaml").toURI()));
        host = new FunctionHost(template.functions());
        gateway = new HttpGateway(0, new RouteTable(template.routes()), host, Optional.empty(), null, List.of());
        gateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFunctionPastItsTimeoutFailsAsOnLambdaAndTheApiAnswers500() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = send("GET", "/sleep/5000", null);
        assertEquals(500, r.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", r.body());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 2000 && millis < 4500, "ended at the 2 s Timeout, not at the function's end: " + millis + " ms");
        FunctionError timedOut = assertThrows(FunctionError.class, () -> host.invokeJson("SizedJob", "{\"ms\":5000}"));
        assertEquals("Sandbox.Timedout", timedOut.errorType());
        assertEquals("Task timed out after 2.00 seconds", timedOut.getMessage());
        assertEquals(200, send("GET", "/sleep/10", null).statusCode(), "the next invocation starts afresh");
    }

    @Test
    void theGatewayAnswers503WhenTheIntegrationTimeoutPasses() throws Exception {
        gateway.integrationTimeout(Duration.ofMillis(300));
        try {
            HttpResponse<String> r = send("GET", "/patient/1500", null);
            assertEquals(503, r.statusCode());
            assertEquals("{\"message\":\"Service Unavailable\"}", r.body());
            assertEquals(200, send("GET", "/patient/10", null).statusCode());
        } finally {
            gateway.integrationTimeout(Duration.ofMillis(HttpGateway.INTEGRATION_TIMEOUT_MILLIS));
        }
    }

    @Test
    void aRequestOverLambdasSixMegabytesIsRefusedWith413() throws Exception {
        assertEquals(200, send("POST", "/echo", "y".repeat(5 * 1024 * 1024).getBytes()).statusCode());
        HttpResponse<String> r = send("POST", "/echo", "y".repeat(6 * 1024 * 1024 + 1).getBytes());
        assertEquals(413, r.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", r.body());
    }

    @Test
    void anAnswerOverLambdasLimitFails() throws Exception {
        assertEquals(200, send("GET", "/bytes/" + (6 * 1024 * 1024 - 1000), null).statusCode());
        HttpResponse<String> r = send("GET", "/bytes/" + (6 * 1024 * 1024 + 200), null);
        assertEquals(500, r.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", r.body());
        FunctionError tooLarge = assertThrows(FunctionError.class,
                () -> host.invokeJson("SizedJob", "{\"bytes\":" + (6 * 1024 * 1024 + 200) + "}"));
        assertEquals("Function.ResponseSizeTooLarge", tooLarge.errorType());
    }
}
