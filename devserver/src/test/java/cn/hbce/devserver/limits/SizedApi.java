package cn.hbce.devserver.limits;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** GET /bytes/{n}: a body of n bytes; POST /echo: the size of the body it got. */
public final class SizedApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = event.getPathParameters() != null && event.getPathParameters().containsKey("n")
                ? "x".repeat(Integer.parseInt(event.getPathParameters().get("n")))
                : "{\"received\":" + (event.getBody() == null ? 0 : event.getBody().length()) + "}";
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(body).build();
    }
}
