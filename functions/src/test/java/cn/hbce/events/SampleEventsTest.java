package cn.hbce.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.auth.Authorizer;
import cn.hbce.auth.AuthorizerFunction;
import cn.hbce.health.HealthFunction;
import cn.hbce.review.FinishReviewFunction;
import cn.hbce.review.OpenDecisionFunction;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample events under events/ are real inputs of the handlers (also for `sam local invoke -e`). */
class SampleEventsTest {
    private static final Path EVENTS = Path.of(System.getProperty("hbce.project.root", ".."), "events");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static <T> T read(String name, Class<T> type) throws Exception {
        return JSON.readValue(Files.readString(EVENTS.resolve(name)), type);
    }

    @Test
    void healthEventIsAnsweredOk() throws Exception {
        APIGatewayV2HTTPResponse r = new HealthFunction().handleRequest(read("api-health.json", APIGatewayV2HTTPEvent.class), null);
        assertEquals(200, r.getStatusCode());
        assertEquals("sample-health", r.getHeaders().get("x-request-id"));
    }

    @Test
    void malformedLoginIsA400WithTheContractBody() throws Exception {
        APIGatewayV2HTTPEvent event = read("api-login-malformed.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse r = new cn.hbce.auth.LoginFunction(null).handleRequest(event, null);
        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("\"code\":\"MALFORMED_JSON\""), r.getBody());
        assertTrue(r.getBody().contains("\"requestId\":\"sample-malformed\""), r.getBody());
    }

    @Test
    void authorizerEventWithAForgedTokenPassesNoCaller() throws Exception {
        Authorizer authorizer = new Authorizer(new cn.hbce.auth.TokenCodec("0123456789abcdef0123456789abcdef".getBytes()),
                claims -> { throw new AssertionError("a forged token must not reach the store"); },
                null, null, Clock.systemUTC(), Duration.ofMinutes(30));
        Map<String, Object> answer = new AuthorizerFunction(authorizer)
                .handleRequest(read("authorizer-request.json", APIGatewayV2CustomAuthorizerEvent.class), null);
        assertEquals(true, answer.get("isAuthorized"));
        assertEquals(Map.of("authError", "UNAUTHENTICATED"), answer.get("context"));
    }

    @Test
    void stepFunctionsTaskEventsMatchTheHandlersInputs() throws Exception {
        OpenDecisionFunction.Input open = read("sfn-open-decision.json", OpenDecisionFunction.Input.class);
        assertEquals(0, open.stageIndex());
        assertEquals(Optional.of("sample-task-token"), Optional.ofNullable(open.taskToken()));
        FinishReviewFunction.Input finish = read("sfn-finish-review.json", FinishReviewFunction.Input.class);
        assertEquals("APPROVED", finish.outcome());
    }
}
