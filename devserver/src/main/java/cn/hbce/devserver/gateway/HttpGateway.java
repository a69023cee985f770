package cn.hbce.devserver.gateway;

import cn.hbce.devserver.http.LoopbackHttpServer;
import cn.hbce.devserver.template.SamTemplate.AuthorizerDef;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * An API Gateway HTTP API (payload 2.0) on loopback: routes from the template, the Lambda
 * authorizer with simple responses, the 10 MB payload limit and API Gateway's own bare answers
 * ({"message":"Not Found"} and friends) where the real service gives them: 413 for an event over
 * Lambda's 6 MB request limit, 500 {"message":"Internal Server Error"} when the function fails (an
 * exception, its Timeout, an answer over Lambda's response limit) and 503
 * {"message":"Service Unavailable"} when it has not answered within the HTTP API's 30 s
 * integration timeout.
 */
public final class HttpGateway implements AutoCloseable {
    public static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    /** HTTP API's maximum integration timeout. */
    public static final long INTEGRATION_TIMEOUT_MILLIS = 30_000;
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENT_JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private volatile long integrationTimeoutMillis = INTEGRATION_TIMEOUT_MILLIS;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private final LoopbackHttpServer server;
    private final RouteTable routes;
    private final FunctionHost host;
    private final Optional<AuthorizerDef> authorizer;
    private final String authorizerFunction;
    private final List<String> corsOrigins;
    private volatile boolean trustForwardedFor;
    private final Map<String, BiFunction<String, String, LocalResponse>> localRoutes = new LinkedHashMap<>();
    private volatile ConsoleFiles console;

    /** An answer of a devserver-only route (under /_local/). */
    public record LocalResponse(int status, String json) {
    }

    public HttpGateway(int port, RouteTable routes, FunctionHost host, Optional<AuthorizerDef> authorizer,
                       String authorizerFunction, List<String> corsOrigins) throws IOException {
        this.corsOrigins = List.copyOf(corsOrigins);
        this.routes = routes;
        this.host = host;
        this.authorizer = authorizer;
        this.authorizerFunction = authorizerFunction;
        this.server = LoopbackHttpServer.bind(java.net.InetAddress.getByName("127.0.0.1"), port, "gateway");
    }

    /**
     * Takes the client address from the first {@code X-Forwarded-For} entry instead of the TCP peer,
     * as behind a trusted proxy. API Gateway never does this (it reports the peer); the end-to-end
     * tests use it to stand for many clients while all of them connect from loopback.
     */
    public void trustForwardedFor() {
        this.trustForwardedFor = true;
    }

    /**
     * Serves the web console's build on this origin: GET and HEAD of any path that no route of the
     * template matches and that is not under /v1/ (see {@link ConsoleFiles}).
     */
    public void serveConsole(ConsoleFiles files) {
        this.console = files;
    }

    /** Shortens the integration timeout (tests of the 503 that must not wait 30 s). */
    public void integrationTimeout(java.time.Duration timeout) {
        this.integrationTimeoutMillis = timeout.toMillis();
    }

    private String sourceIp(HttpExchange exchange, Map<String, String> headers) {
        String forwarded = trustForwardedFor ? headers.get("x-forwarded-for") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",")[0].strip();
            return first.length() > 45 ? first.substring(0, 45) : first;
        }
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /** Adds a devserver-only route: POST /_local/{name}; the function gets the rest of the path and the body. */
    public void addLocalRoute(String name, BiFunction<String, String, LocalResponse> handler) {
        localRoutes.put(name, handler);
    }

    public void start() {
        server.start(this::serve);
    }

    public int port() {
        return server.address().getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, json("Request Entity Too Large"), Map.of());
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_local/") && method.equals("POST")) {
                serveLocal(exchange, path.substring("/_local/".length()), new String(body, StandardCharsets.UTF_8));
                return;
            }
            if (method.equals("OPTIONS")) {
                send(exchange, 204, null, corsHeaders(exchange));
                return;
            }
            Optional<RouteTable.Match> match;
            APIGatewayV2HTTPEvent event;
            try {
                match = routes.match(method, path);
                if (match.isEmpty()) {
                    if (!serveConsoleFile(exchange, method, path)) {
                        send(exchange, 404, json("Not Found"), Map.of());
                    }
                    return;
                }
                event = toEvent(exchange, match.get(), body);
            } catch (IllegalArgumentException badEscape) {
                // A '%' not followed by two hex digits in the path or query: refused before any function runs.
                send(exchange, 400, json("Bad Request"), Map.of());
                return;
            }
            if (exceedsLambdaRequestLimit(event, body.length)) {
                send(exchange, 413, json("Request Entity Too Large"), Map.of());
                return;
            }
            if (match.get().route().authorized() && authorizer.isPresent()) {
                Optional<Map<String, Object>> context;
                try {
                    context = authorize(event, match.get(), late -> answerLate(exchange, late));
                } catch (FunctionHost.AnsweredLate answered) {
                    return;
                } catch (RuntimeException failure) {
                    failure.printStackTrace();
                    send(exchange, 500, json("Internal Server Error"), Map.of());
                    return;
                }
                if (context == null) {
                    send(exchange, 401, json("Unauthorized"), Map.of());
                    return;
                }
                if (context.isEmpty()) {
                    send(exchange, 403, json("Forbidden"), Map.of());
                    return;
                }
                event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withLambda(context.get()).build());
            }
            APIGatewayV2HTTPResponse response;
            try {
                response = host.invokeOnCallerThread(match.get().route().functionId(), event, integrationTimeoutMillis,
                        late -> answerLate(exchange, late));
            } catch (FunctionHost.AnsweredLate answered) {
                return;
            } catch (RuntimeException failure) {
                failure.printStackTrace();
                send(exchange, 500, json("Internal Server Error"), Map.of());
                return;
            }
            if (exceedsLambdaResponseLimit(response)) {
                System.err.println(match.get().route().functionId() + ": Function.ResponseSizeTooLarge");
                send(exchange, 500, json("Internal Server Error"), Map.of());
                return;
            }
            byte[] out = response.getBody() == null ? null
                    : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
            headers.putAll(corsHeaders(exchange));
            send(exchange, response.getStatusCode(), out, headers);
        } catch (RuntimeException failure) {
            failure.printStackTrace();
        }
    }

    /**
     * The answer given while the function still runs on the connection's thread: 503 past the
     * integration timeout, 500 past the function's Timeout. The connection closes after it, since
     * its thread is not free for the client's next request.
     */
    private static void answerLate(HttpExchange exchange, RuntimeException why) {
        try {
            if (why instanceof FunctionHost.IntegrationTimeout) {
                send(exchange, 503, json("Service Unavailable"), Map.of("connection", "close"));
            } else {
                send(exchange, 500, json("Internal Server Error"), Map.of("connection", "close"));
            }
        } catch (IOException gone) {
            // The client left already.
        }
    }

    /** True when the console answered (a file or its index.html); false leaves the API's 404. */
    private boolean serveConsoleFile(HttpExchange exchange, String method, String path) throws IOException {
        ConsoleFiles files = console;
        if (files == null || !(method.equals("GET") || method.equals("HEAD")) || path.equals("/v1") || path.startsWith("/v1/")) {
            return false;
        }
        Optional<ConsoleFiles.Served> served = files.lookup(path);
        if (served.isEmpty()) {
            return false;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("content-type", served.get().contentType());
        headers.set("cache-control", served.get().cacheControl());
        headers.set("x-content-type-options", "nosniff");
        byte[] body = served.get().body();
        if (method.equals("HEAD")) {
            headers.set("content-length", String.valueOf(body.length));
            exchange.sendResponseHeaders(200, -1);
            return true;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return true;
    }

    /** The event as Lambda receives it (JSON) over its 6 MB request limit; only large bodies can get there. */
    private static boolean exceedsLambdaRequestLimit(APIGatewayV2HTTPEvent event, int bodyBytes) {
        if (bodyBytes < cn.hbce.devserver.runtime.LambdaLimits.MAX_REQUEST_BYTES / 6) {
            return false;
        }
        try {
            return EVENT_JSON.writeValueAsBytes(event).length > cn.hbce.devserver.runtime.LambdaLimits.MAX_REQUEST_BYTES;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exceedsLambdaResponseLimit(APIGatewayV2HTTPResponse response) {
        if (response == null || response.getBody() == null
                || response.getBody().length() < cn.hbce.devserver.runtime.LambdaLimits.MAX_RESPONSE_BYTES / 6) {
            return false;
        }
        try {
            return EVENT_JSON.writeValueAsBytes(response).length > cn.hbce.devserver.runtime.LambdaLimits.MAX_RESPONSE_BYTES;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** null: identity source missing (401); empty: refused (403); else the context for the handler. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> authorize(APIGatewayV2HTTPEvent event, RouteTable.Match match,
                                                    java.util.function.Consumer<RuntimeException> late) {
        AuthorizerDef def = authorizer.get();
        List<String> identity = new ArrayList<>();
        for (String source : def.identitySources()) {
            String value = identityValue(source, event);
            if (value == null || value.isEmpty()) {
                return null;
            }
            identity.add(value);
        }
        APIGatewayV2CustomAuthorizerEvent auth = APIGatewayV2CustomAuthorizerEvent.builder()
                .withVersion("2.0")
                .withType("REQUEST")
                .withRouteArn("arn:aws:execute-api:us-east-1:000000000000:local/$default/" + match.route().method()
                        + match.route().path())
                .withIdentitySource(identity)
                .withRouteKey(match.route().routeKey())
                .withRawPath(event.getRawPath())
                .withRawQueryString(event.getRawQueryString())
                .withHeaders(event.getHeaders())
                .withQueryStringParameters(event.getQueryStringParameters())
                .withPathParameters(event.getPathParameters())
                .withRequestContext(APIGatewayV2CustomAuthorizerEvent.RequestContext.builder()
                        .withRequestId(event.getRequestContext().getRequestId())
                        .withRouteKey(match.route().routeKey())
                        .withStage("$default")
                        .withHttp(APIGatewayV2CustomAuthorizerEvent.Http.builder()
                                .withMethod(match.route().method())
                                .withPath(event.getRawPath())
                                .withSourceIp(event.getRequestContext().getHttp().getSourceIp())
                                .withProtocol("HTTP/1.1")
                                .build())
                        .build())
                .build();
        Map<String, Object> result = host.invokeOnCallerThread(authorizerFunction, auth, Long.MAX_VALUE, late);
        if (!def.simpleResponses() || !Boolean.TRUE.equals(result.get("isAuthorized"))) {
            return Optional.empty();
        }
        Object ctx = result.get("context");
        return Optional.of(ctx instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    private static String identityValue(String source, APIGatewayV2HTTPEvent event) {
        if (source.startsWith("$request.header.")) {
            return event.getHeaders().get(source.substring("$request.header.".length()).toLowerCase(Locale.ROOT));
        }
        if (source.startsWith("$request.querystring.")) {
            return event.getQueryStringParameters() == null ? null
                    : event.getQueryStringParameters().get(source.substring("$request.querystring.".length()));
        }
        if (source.equals("$context.routeKey")) {
            return event.getRouteKey();
        }
        if (source.equals("$context.requestId")) {
            return event.getRequestContext().getRequestId();
        }
        throw new IllegalStateException("Identity source not supported locally: " + source);
    }

    private APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, RouteTable.Match match, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(key, String.join(",", values));
            }
        });
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName("127.0.0.1")
                        .withDomainPrefix("local")
                        .withRequestId(requestId)
                        .withRouteKey(match.route().routeKey())
                        .withStage("$default")
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(match.route().method())
                                .withPath(exchange.getRequestURI().getRawPath())
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(sourceIp(exchange, headers))
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    private void serveLocal(HttpExchange exchange, String rest, String body) throws IOException {
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        var handler = localRoutes.get(name);
        if (handler == null) {
            send(exchange, 404, json("Not Found"), Map.of());
            return;
        }
        LocalResponse r = handler.apply(slash < 0 ? "" : rest.substring(slash + 1), body);
        send(exchange, r.status(), r.json().getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/json"));
    }

    /** CORS as the HTTP API's CorsConfiguration grants it: only to the configured origins. */
    private Map<String, String> corsHeaders(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || !(corsOrigins.contains(origin) || corsOrigins.contains("*"))) {
            return Map.of();
        }
        return Map.of("access-control-allow-origin", origin,
                "access-control-allow-headers", "authorization,content-type",
                "access-control-allow-methods", "GET,POST,PUT,DELETE,OPTIONS",
                "access-control-max-age", "600");
    }

    private static byte[] json(String message) {
        return ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_PAYLOAD + 1);
        if (data.length > MAX_PAYLOAD) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return data;
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (body != null && !headers.containsKey("content-type")) {
            exchange.getResponseHeaders().set("content-type", "application/json");
        }
        boolean empty = body == null || body.length == 0 || status == 204;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
