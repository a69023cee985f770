package cn.hbce.devserver.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Runs in a fresh JVM: creates one handler and serves one request, then prints
 * {@code jvmToReadyMs initMs firstInvokeMs} — what a Lambda cold start costs without SnapStart.
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
        Object event;
        if (type.getSimpleName().equals("TrivialHandler")) {
            event = Map.of();
        } else {
            event = APIGatewayV2HTTPEvent.builder()
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withRequestId("cold")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                    .withPath(args.length > 1 ? args[1] : "/").withSourceIp("127.0.0.1").build())
                            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                    .withLambda(args.length > 2 ? Map.of("personId", args[2], "sessionId", "s", "userType",
                                            "HRSS", "orgId", args[3], "adminId", "a", "superAdmin", true, "orgApproved", true)
                                            : Map.of())
                                    .build())
                            .build())
                    .build();
        }
        handler.handleRequest(event, null);
        long t2 = System.nanoTime();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("%d %.1f %.1f%n", System.currentTimeMillis() - jvmStart, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}
