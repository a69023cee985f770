package cn.hbce.auth;

import cn.hbce.AppContext;
import cn.hbce.common.http.PrincipalContext;
import cn.hbce.common.log.JsonLog;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.util.Map;

/**
 * The HTTP API's Lambda authorizer (payload 2.0, simple responses). It always lets the request
 * through to the route's handler, carrying either the verified caller or the reason there is
 * none: API Gateway would answer a refusal with a bare 403, while the contract wants 401 with the
 * error body, which the handler base produces for protected routes.
 */
public final class AuthorizerFunction implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
    private final Authorizer authorizer;

    public AuthorizerFunction() {
        this(AppContext.get().authorizer());
    }

    public AuthorizerFunction(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        String header = null;
        if (event.getHeaders() != null) {
            for (var e : event.getHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase("authorization")) {
                    header = e.getValue();
                }
            }
        }
        Map<String, Object> ctx;
        try {
            ctx = authorizer.authorize(header)
                    .map(PrincipalContext::toContext)
                    .orElseGet(() -> PrincipalContext.rejected("UNAUTHENTICATED"));
        } catch (RuntimeException failure) {
            JsonLog.error("authorizer.failed", failure);
            ctx = PrincipalContext.rejected("AUTHORIZER_ERROR");
        }
        return Map.of("isAuthorized", true, "context", ctx);
    }
}
