package cn.hbce.common.lambda;

import cn.hbce.common.domain.Refusal;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiError;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.http.ErrorCode;
import cn.hbce.common.http.ErrorMapper;
import cn.hbce.common.http.Json;
import cn.hbce.common.http.PrincipalContext;
import cn.hbce.common.json.JsonWritable;
import cn.hbce.common.json.JsonWriter;
import cn.hbce.common.log.JsonLog;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Base of every HTTP handler: turns the API Gateway v2 event into an {@link ApiRequest}, enforces
 * {@link #access()}, the 1 MB body limit and the JSON content type, and maps every failure through
 * {@link ErrorMapper}: a use case's {@link Refusal}, the web layer's own {@link ApiError}, anything
 * else as 500. Subclasses only parse, call their use case (with the caller as a domain actor) and
 * shape the answer. A {@link JsonWritable} answer is written with the streaming writer, any other
 * through the mapper.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");

    static {
        Priming.register("json", Priming::json);
    }

    /** The rule for who may call this route. */
    protected abstract Access access();

    protected abstract ApiResponse handle(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String requestId = requestId(event, context);
        APIGatewayV2HTTPResponse response;
        try {
            response = toEvent(serve(event, requestId), requestId);
        } catch (RuntimeException unserialisable) {
            response = toEvent(ErrorMapper.unexpected(unserialisable, requestId), requestId);
        }
        JsonLog.info("request", "route", event.getRouteKey(), "status", response.getStatusCode(),
                "ms", (System.nanoTime() - started) / 1_000_000, "requestId", requestId);
        return response;
    }

    private ApiResponse serve(APIGatewayV2HTTPEvent event, String requestId) {
        try {
            ApiRequest request = toRequest(event, requestId);
            access().check(request.principal());
            checkBody(request);
            return handle(request);
        } catch (Refusal refusal) {
            return ErrorMapper.toResponse(refusal, requestId);
        } catch (ApiError error) {
            return ErrorMapper.toResponse(error, requestId);
        } catch (RuntimeException failure) {
            return ErrorMapper.unexpected(failure, requestId);
        }
    }

    private static ApiRequest toRequest(APIGatewayV2HTTPEvent event, String requestId) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            byte[] raw = Base64.getDecoder().decode(body);
            if (raw.length > MAX_BODY_BYTES) {
                throw new ApiError(ErrorCode.PAYLOAD_TOO_LARGE);
            }
            body = new String(raw, StandardCharsets.UTF_8);
        }
        Map<String, Object> authorizer = event.getRequestContext() == null
                || event.getRequestContext().getAuthorizer() == null
                ? null : event.getRequestContext().getAuthorizer().getLambda();
        return new ApiRequest(
                http == null ? "GET" : http.getMethod(),
                http == null ? event.getRawPath() : http.getPath(),
                orEmpty(event.getPathParameters()),
                orEmpty(event.getQueryStringParameters()),
                headers,
                body,
                http == null ? null : http.getSourceIp(),
                requestId,
                PrincipalContext.fromContext(authorizer));
    }

    private static void checkBody(ApiRequest request) {
        String body = request.body();
        if (body == null || body.isEmpty()) {
            return;
        }
        if (body.length() > MAX_BODY_BYTES / 3 && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiError(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        String type = request.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT).trim();
        if (!(type.equals("application/json") || type.startsWith("application/json;"))) {
            throw new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    private static APIGatewayV2HTTPResponse toEvent(ApiResponse response, String requestId) {
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.putAll(response.headers());
        headers.put("x-request-id", requestId);
        APIGatewayV2HTTPResponse out = new APIGatewayV2HTTPResponse();
        out.setStatusCode(response.status());
        out.setHeaders(headers);
        out.setIsBase64Encoded(false);
        if (response.body() instanceof JsonWritable writable) {
            out.setBody(JsonWriter.write(writable));
        } else if (response.body() != null) {
            out.setBody(Json.write(response.body()));
        } else {
            headers.remove("content-type");
        }
        return out;
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    /** Convenience for handlers: the parsed body or a 400. */
    protected static <T> T body(ApiRequest request, Class<T> type) {
        return Json.readBody(request.body(), type);
    }

}
