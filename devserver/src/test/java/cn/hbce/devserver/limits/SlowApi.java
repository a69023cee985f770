package cn.hbce.devserver.limits;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** Sleeps for the milliseconds of its path, then answers 200. */
public final class SlowApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Thread.sleep(Long.parseLong(event.getPathParameters().get("ms")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{\"slept\":true}").build();
    }
}
