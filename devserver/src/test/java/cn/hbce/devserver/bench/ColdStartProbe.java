package cn.hbce.devserver.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs in a fresh JVM: creates one handler and serves one request, then prints
 * {@code jvmToReadyMs initMs firstInvokeMs primingMs} — what a Lambda cold start costs without SnapStart.
 * With {@code -Dprime=true} the SnapStart priming runs between construction and the request (its
 * time is the last column): the first invocation then approximates what a restored snapshot still
 * pays (the restore itself aside).
 * Arguments: handler class, then for HTTP handlers {@code method path [personId orgId [body]]}, for
 * the authorizer {@code authorizer token}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        RequestHandler handler = (RequestHandler) type.getConstructor().newInstance();
        long t1 = System.nanoTime();
        if (Boolean.getBoolean("prime")) {
            Class.forName("cn.hbce.common.lambda.Priming").getMethod("primeNow").invoke(null);
        }
        long t2 = System.nanoTime();
        Object event;
        if (type.getSimpleName().equals("TrivialHandler")) {
            event = Map.of();
        } else if (args.length > 1 && args[1].equals("authorizer")) {
            APIGatewayV2CustomAuthorizerEvent auth = new APIGatewayV2CustomAuthorizerEvent();
            auth.setHeaders(Map.of("authorization", "Bearer " + args[2]));
            auth.setRouteKey("GET /v1/org");
            event = auth;
        } else {
            Map<String, Object> caller = new HashMap<>();
            if (args.length > 4) {
                caller.putAll(Map.of("personId", args[3], "sessionId", "s", "userType", "HRSS", "orgId", args[4],
                        "adminId", "a", "superAdmin", true, "orgApproved", true,
                        "permissions", "review.registration,review.change"));
            }
            event = APIGatewayV2HTTPEvent.builder()
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(args.length > 5 ? args[5] : null)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withRequestId("cold")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(args[1])
                                    .withPath(args[2]).withSourceIp("127.0.0.1").build())
                            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                    .withLambda(caller).build())
                            .build())
                    .build();
        }
        Object answer = handler.handleRequest(event, null);
        long t3 = System.nanoTime();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("answer: " + answer);
        System.out.printf("%d %.1f %.1f %.1f%n", System.currentTimeMillis() - jvmStart, (t1 - t0) / 1e6, (t3 - t2) / 1e6,
                (t2 - t1) / 1e6);
    }
}
