package cn.hbce.emulator.sfn.api.http;

import cn.hbce.emulator.sfn.api.StepFunctionsApi;
import cn.hbce.emulator.sfn.errors.ServiceError;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.hbce.emulator.common.JsonProtocolExchange;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the AWS JSON 1.0 protocol on loopback: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Action>}. Signatures are accepted without checking.
 */
public final class StepFunctionsHttpServer implements AutoCloseable {

    static {
        // The JDK server reads this once; without it small responses wait for delayed ACKs (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Logger LOG = Logger.getLogger(StepFunctionsHttpServer.class.getName());
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final HttpServer server;
    private final ExecutorService executor;
    private final StepFunctionsApi api;

    public StepFunctionsHttpServer(int port, StepFunctionsApi api) {
        this.api = api;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "sfn-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = JsonProtocolExchange.body(exchange);
            int status = 200;
            ObjectNode response;
            try {
                response = dispatch(exchange, body);
            } catch (ServiceError error) {
                status = 400;
                response = error(error.type(), error.getMessage());
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "Step Functions request failed", unexpected);
                status = 500;
                response = error("InternalFailure", String.valueOf(unexpected));
            }
            byte[] bytes = Json.write(response).getBytes(StandardCharsets.UTF_8);
            JsonProtocolExchange.answer(exchange, status, bytes, CONTENT_TYPE);
        }
    }

    private ObjectNode dispatch(HttpExchange exchange, byte[] body) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new ServiceError("UnknownOperationException", "Only POST requests are served");
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new ServiceError("UnknownOperationException", "Missing or unknown X-Amz-Target: " + target);
        }
        JsonNode request;
        try {
            request = body.length == 0 ? Json.object() : Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceError("SerializationException", "The request body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw new ServiceError("SerializationException", "The request body must be a JSON object");
        }
        return api.handle(target.substring(TARGET_PREFIX.length()), request);
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode node = Json.object();
        node.put("__type", type);
        node.put("message", message);
        return node;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
