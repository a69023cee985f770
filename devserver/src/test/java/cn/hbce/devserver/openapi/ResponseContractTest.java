package cn.hbce.devserver.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.DevServerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end-to-end response check catches what it must, and skips only answers that are not the API's. */
class ResponseContractTest {
    private static final ResponseContract CONTRACT =
            ResponseContract.load(DevServerConfig.ephemeral().projectRoot().resolve("docs/openapi.yaml"));
    private static final Map<String, List<String>> JSON = Map.of(
            "content-type", List.of("application/json; charset=utf-8"), "x-request-id", List.of("req-1"));
    private static final String ERROR_404 = "{\"code\":\"NOT_FOUND\",\"message\":\"资源不存在\",\"requestId\":\"req-1\"}";

    private static List<String> check(String method, String uri, int status, String body) {
        return CONTRACT.violations(new ResponseContract.Exchange(method, uri, null, status, JSON, body));
    }

    @Test
    void aConformingAnswerOnAConcretePathHasNoViolation() {
        assertEquals(List.of(), check("GET", "/v1/reviews/r_0123456789abcdefghjk", 404, ERROR_404));
        assertEquals(List.of(), check("GET", "/v1/health", 200, "{\"status\":\"ok\"}"));
        assertEquals(List.of(), check("GET", "/v1/org/roles?limit=5", 200, "{\"items\":[],\"nextCursor\":null}"));
    }

    @Test
    void anUndocumentedStatusIsAViolationNamingRouteAndStatus() {
        List<String> v = check("GET", "/v1/reviews/r_1", 409, ERROR_404.replace("NOT_FOUND", "CONFLICT"));
        assertEquals(1, v.size(), v::toString);
        assertTrue(v.get(0).startsWith("GET /v1/reviews/{reviewId} -> 409: status not documented"), v.get(0));
    }

    @Test
    void aBodyOffItsSchemaIsReportedWithTheJsonPath() {
        String wrong = "{\"items\":[{\"roleId\":\"r_1\",\"name\":\"审核员\",\"permissions\":[],\"assignedCount\":\"two\","
                + "\"version\":1,\"createdAt\":\"2026-01-01T08:00:00+08:00\",\"updatedAt\":\"yesterday\"}],\"nextCursor\":null}";
        List<String> v = check("GET", "/v1/org/roles", 200, wrong);
        assertTrue(v.stream().anyMatch(s -> s.startsWith("GET /v1/org/roles -> 200 at $.items[0].assignedCount")), v::toString);
        assertTrue(v.stream().anyMatch(s -> s.contains("$.items[0].updatedAt")), v::toString);
    }

    @Test
    void undocumentedFieldsMissingFieldsAndNullsAreViolations() {
        assertTrue(check("GET", "/v1/health", 200, "{\"status\":\"ok\",\"debug\":true}").stream()
                .anyMatch(s -> s.contains("debug")));
        assertTrue(check("GET", "/v1/org/roles", 200, "{\"items\":[]}").stream().anyMatch(s -> s.contains("nextCursor")));
        assertTrue(check("GET", "/v1/org/roles", 200, "{\"items\":null,\"nextCursor\":null}").stream()
                .anyMatch(s -> s.contains("$.items")));
    }

    @Test
    void anErrorCodeNotDocumentedForTheStatusIsAViolation() {
        List<String> v = check("GET", "/v1/reviews/r_1", 404, ERROR_404.replace("NOT_FOUND", "GONE"));
        assertTrue(v.stream().anyMatch(s -> s.contains("$.code")), v::toString);
    }

    @Test
    void theMostLiteralTemplateWinsAsInApiGateway() {
        String results = "{\"results\":[{\"reviewId\":\"r_1\",\"outcome\":\"DONE\"}]}";
        assertEquals(List.of(), check("POST", "/v1/reviews/decisions", 200, results));
        // GET /v1/reviews/decisions is GetReview with reviewId "decisions".
        assertEquals(List.of(), check("GET", "/v1/reviews/decisions", 404, ERROR_404));
    }

    @Test
    void aBodyWhereNoneIsDocumentedAndAnUnknownRouteAreViolations() {
        assertTrue(check("POST", "/v1/auth/logout", 204, "{}").get(0).contains("documented without a body"));
        assertTrue(check("GET", "/v1/unknown", 404, ERROR_404).get(0).contains("no documented operation"));
    }

    @Test
    void anAcceptedRequestMustFitTheDocumentedRequestSchema() {
        List<String> v = CONTRACT.violations(new ResponseContract.Exchange("POST", "/v1/org/departments",
                "{\"name\":\"办公室\",\"floor\":3}", 201, JSON, "{\"deptId\":\"d_1\"}"));
        assertTrue(v.stream().anyMatch(s -> s.contains("request") && s.contains("floor")), v::toString);
    }

    @Test
    void onlyAnswersThatAreNotTheApisAreSkipped() {
        Map<String, List<String>> bare = Map.of("content-type", List.of("application/json"));
        var gateway = new ResponseContract.Exchange("GET", "/v1/nope", null, 404, bare, "{\"message\":\"Not Found\"}");
        assertTrue(CONTRACT.skipReason(gateway).isPresent());
        assertEquals(List.of(), CONTRACT.violations(gateway));
        var local = new ResponseContract.Exchange("POST", "/_local/clock", "{}", 200, bare, "{\"ok\":true}");
        assertTrue(CONTRACT.skipReason(local).isPresent());
        var preflight = new ResponseContract.Exchange("OPTIONS", "/v1/org", null, 204, bare, "");
        assertTrue(CONTRACT.skipReason(preflight).isPresent());
        // The API's own answers carry a request id: the same bare shape from a handler is checked.
        var handler = new ResponseContract.Exchange("GET", "/v1/health", null, 200, JSON, "{\"message\":\"ok\"}");
        assertTrue(CONTRACT.skipReason(handler).isEmpty());
        assertTrue(!CONTRACT.violations(handler).isEmpty());
    }
}
