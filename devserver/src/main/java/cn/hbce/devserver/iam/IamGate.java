package cn.hbce.devserver.iam;

import cn.hbce.devserver.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A loopback proxy in front of one local AWS service that holds every function to its template
 * policies: it identifies the calling function by the access key id of the request's SigV4
 * signature ({@link Identities}), maps the request to the IAM actions and resources it needs, and
 * answers exactly as the service does when a policy does not allow one of them (DynamoDB, Step
 * Functions, Secrets Manager: 400 {@code AccessDeniedException}; S3: 403 {@code AccessDenied}).
 * Requests that no function signed are forwarded unchecked.
 */
public final class IamGate implements AutoCloseable {
    /** The local services a gate can stand in front of, with their wire format. */
    public enum Service { DYNAMODB, S3, STEP_FUNCTIONS, SECRETS_MANAGER }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "date", "via", "warning", "from", "te", "trailer", "proxy-authorization");
    private final Service service;
    private final URI upstream;
    private final Identities identities;
    private final DynamoDbRequests dynamo;
    private final UnaryOperator<String> secretArn;
    private final LoopbackHttpServer server;
    private final ExecutorService pool;
    private final HttpClient client;
    private final java.util.Deque<String> denials = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** S3 only: the secret key of an access key id, for checking presigned URLs (null: not checked). */
    private volatile java.util.function.Function<String, Optional<String>> presignSecrets;
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    /** S3 only: the buckets' CORS rules (null: no CORS answers). */
    private volatile BucketCors cors;

    private IamGate(Service service, URI upstream, Identities identities, DynamoDbRequests dynamo,
                    UnaryOperator<String> secretArn) {
        this.service = service;
        this.upstream = upstream;
        this.identities = identities;
        this.dynamo = dynamo;
        this.secretArn = secretArn;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "iam-gate-" + service.name().toLowerCase(Locale.ROOT));
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            this.server = LoopbackHttpServer.bind(InetAddress.getLoopbackAddress(), 0,
                    "iam-gate-" + service.name().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start(this::serve);
    }

    /** {@code dynamo} maps DynamoDB requests (only for {@link Service#DYNAMODB}); {@code secretArn} names secrets by ARN. */
    public static IamGate start(Service service, URI upstream, Identities identities, DynamoDbRequests dynamo,
                                UnaryOperator<String> secretArn) {
        return new IamGate(service, upstream, identities, dynamo, secretArn);
    }

    /**
     * Checks the SigV4 signature and expiry of presigned S3 requests ({@link PresignedUrls}) with
     * these secrets before anything else, as S3 does: the service behind the gate accepts any
     * signature, and a browser's presigned PUT or GET must fail locally exactly where it fails on AWS.
     */
    public IamGate verifyingPresignedUrls(java.util.function.Function<String, Optional<String>> secrets, java.time.Clock clock) {
        if (service != Service.S3) {
            throw new IllegalStateException("Only S3 takes presigned URLs");
        }
        this.presignSecrets = secrets;
        this.clock = clock;
        return this;
    }

    /** S3 only: answer browsers' CORS requests from the buckets' CorsRules ({@link BucketCors}). */
    public IamGate answeringCors(BucketCors cors) {
        if (service != Service.S3) {
            throw new IllegalStateException("Only S3 buckets carry CORS rules");
        }
        this.cors = cors;
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    /** The messages of the last (up to 100) requests refused, oldest first: what a developer looks for after a 500. */
    public List<String> recentDenials() {
        return List.copyOf(denials);
    }

    @Override
    public void close() {
        server.close();
        pool.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            BucketCors bucketCors = cors;
            if (bucketCors != null) {
                String path = exchange.getRequestURI().getRawPath();
                if (BucketCors.isPreflight(exchange.getRequestMethod(), exchange.getRequestHeaders())) {
                    Optional<Map<String, String>> allowed = bucketCors.preflight(path, exchange.getRequestHeaders());
                    allowed.ifPresent(h -> h.forEach(exchange.getResponseHeaders()::set));
                    reply(exchange, allowed.isPresent() ? 200 : 403, contentType(), allowed.isPresent() ? new byte[0]
                            : s3Error("AccessForbidden", "CORSResponse: This CORS request is not allowed.", Map.of()));
                    return;
                }
                bucketCors.actual(path, exchange.getRequestMethod(), exchange.getRequestHeaders())
                        .ifPresent(h -> h.forEach(exchange.getResponseHeaders()::set));
            }
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (isCorsPreflight(exchange)) {
                // Only without bucket CORS rules (a test template without them): S3Proxy answers the
                // unsigned preflight. The OPTIONS of a presigned PUT carries the PUT's query but is
                // not the signed request, so it must not meet the signature check below.
                forward(exchange, body);
                return;
            }
            if (presignSecrets != null && PresignedUrls.isPresigned(rawQuery)) {
                Optional<PresignedUrls.Refusal> refused = PresignedUrls.check(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), rawQuery, exchange.getRequestHeaders(), presignSecrets,
                        clock.instant());
                if (refused.isPresent()) {
                    PresignedUrls.Refusal r = refused.get();
                    denials.addLast("presigned URL refused: " + r.code() + " " + r.message());
                    while (denials.size() > 100) {
                        denials.pollFirst();
                    }
                    reply(exchange, r.status(), contentType(), s3Error(r.code(), r.message(), r.details()));
                    return;
                }
            }
            Optional<Identities.Principal> caller = identities.caller(
                    exchange.getRequestHeaders().getFirst("Authorization"), rawQuery);
            if (caller.isPresent()) {
                String denial;
                try {
                    denial = denial(caller.get(), exchange, body);
                } catch (RuntimeException unmapped) {
                    System.err.println("[local IAM] cannot check a request of " + caller.get().functionId() + ": " + unmapped.getMessage());
                    reply(exchange, 500, contentType(), error("InternalFailure", "Local IAM check: " + unmapped.getMessage()));
                    return;
                }
                if (denial != null) {
                    System.err.println("[local IAM] AccessDenied: " + denial);
                    denials.addLast(denial);
                    while (denials.size() > 100) {
                        denials.pollFirst();
                    }
                    reply(exchange, service == Service.S3 ? 403 : 400, contentType(), error("AccessDeniedException", denial));
                    return;
                }
            }
            forward(exchange, body);
        }
    }

    private boolean isCorsPreflight(HttpExchange exchange) {
        return service == Service.S3 && "OPTIONS".equals(exchange.getRequestMethod())
                && exchange.getRequestHeaders().getFirst("Origin") != null
                && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null;
    }

    /** The AWS message of the first request part the caller may not do, or null when all are allowed. */
    private String denial(Identities.Principal caller, HttpExchange exchange, byte[] body) throws IOException {
        for (AccessRequest request : requests(exchange, body)) {
            Decision decision = caller.decide(request);
            if (!decision.allowed()) {
                return decision.message();
            }
        }
        return null;
    }

    private List<AccessRequest> requests(HttpExchange exchange, byte[] body) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return switch (service) {
            case DYNAMODB -> dynamo.of(target, json(body));
            case STEP_FUNCTIONS -> JsonServiceRequests.stepFunctions(target, json(body));
            case SECRETS_MANAGER -> JsonServiceRequests.secretsManager(target, json(body), secretArn);
            case S3 -> S3Requests.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("x-amz-copy-source"), body);
        };
    }

    private static JsonNode json(byte[] body) throws IOException {
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        if (service != Service.S3) {
            forwardBlocking(exchange, body);
            return;
        }
        URI incoming = exchange.getRequestURI();
        URI target = URI.create(upstream.toString() + incoming.getRawPath()
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        // With CORS rules the gate alone answers CORS, as S3 does (S3Proxy adds its own headers).
        boolean ownCors = cors != null;
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_HEADERS.contains(lower) && !name.startsWith(":") && !(ownCors && lower.startsWith("access-control-"))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = response.body();
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || out.length == 0
                || response.statusCode() == 204 || response.statusCode() == 304;
        if (noBody) {
            response.headers().firstValue("content-length").filter(v -> exchange.getRequestMethod().equalsIgnoreCase("HEAD"))
                    .ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
        }
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : out.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /**
     * The JSON services (DynamoDB, Step Functions, Secrets Manager: a POST and its answer) are
     * forwarded on this thread over a pooled keep-alive connection. Every DynamoDB call of every
     * function passes here, and the {@link HttpClient}'s hand-offs to its selector and executor
     * threads cost a GetItem through the gate ~0.25 ms at p50 and ~1.5 ms at p99 on two cores
     * (docs/benchmarks.md, 2026-11-30 19:55). S3 keeps the client: its unsigned CORS preflights carry
     * {@code Origin} and {@code Access-Control-Request-*}, headers HttpURLConnection will not send.
     */
    private void forwardBlocking(HttpExchange exchange, byte[] body) throws IOException {
        URI incoming = exchange.getRequestURI();
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(upstream.toString() + incoming.getRawPath()
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery())).toURL().openConnection();
        c.setRequestMethod(exchange.getRequestMethod());
        c.setConnectTimeout(10_000);
        c.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> c.addRequestProperty(name, v));
            }
        });
        if (body.length > 0) {
            c.setDoOutput(true);
            try (OutputStream os = c.getOutputStream()) {
                os.write(body);
            }
        }
        int status = c.getResponseCode();
        byte[] out;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            out = in == null ? new byte[0] : in.readAllBytes();
        }
        c.getHeaderFields().forEach((name, values) -> {
            if (name != null && !HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private String contentType() {
        return switch (service) {
            case S3 -> "application/xml";
            case SECRETS_MANAGER -> "application/x-amz-json-1.1";
            default -> "application/x-amz-json-1.0";
        };
    }

    /** The service's error body: S3's XML, or the JSON protocols' {@code __type}/{@code Message}. */
    private byte[] error(String type, String message) {
        if (service == Service.S3) {
            String code = type.equals("AccessDeniedException") ? "AccessDenied" : type;
            return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + xml(message)
                    + "</Message><RequestId>" + UUID.randomUUID() + "</RequestId><HostId>local</HostId></Error>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return JSON.createObjectNode().put("__type", "com.amazon.coral.service#" + type).put("Message", message)
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] s3Error(String code, String message, Map<String, String> details) {
        StringBuilder extra = new StringBuilder();
        details.forEach((name, value) -> extra.append('<').append(name).append('>').append(xml(value))
                .append("</").append(name).append('>'));
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + xml(message)
                + "</Message>" + extra + "<RequestId>" + UUID.randomUUID() + "</RequestId><HostId>local</HostId></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }
}
