package cn.hbce.emulator.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.hbce.emulator.common.JsonProtocolExchange;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A minimal Secrets Manager on loopback, in memory: the AWS JSON 1.1 protocol ({@code POST /} with
 * {@code X-Amz-Target: secretsmanager.<Action>}) for CreateSecret, GetSecretValue, PutSecretValue and
 * DescribeSecret, string secrets only, one current version. Enough for the SDK's
 * {@code SecretsManagerClient} to read a secret exactly as on AWS; signatures are not checked.
 * Anything else answers {@code UnknownOperationException}, so an unsupported call fails loudly.
 */
public final class SecretsManagerLocal implements AutoCloseable {
    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Secret(String arn, String name, String value, String versionId, Instant created) {
    }

    private final Map<String, Secret> byName = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final String arnPrefix;
    private final HttpServer server;
    private final ExecutorService executor;

    private SecretsManagerLocal(int port, String region, String accountId) {
        this.arnPrefix = "arn:" + (region.startsWith("cn-") ? "aws-cn" : "aws") + ":secretsmanager:" + region + ":"
                + accountId + ":secret:";
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread t = new Thread(task, "secretsmanager-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Listens on {@code port} of 127.0.0.1 (0: any free port). */
    public static SecretsManagerLocal start(int port, String region, String accountId) {
        return new SecretsManagerLocal(port, region, accountId);
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
            } catch (Failure f) {
                status = 400;
                response = JSON.createObjectNode().put("__type", f.type).put("Message", f.getMessage());
            } catch (RuntimeException unexpected) {
                status = 500;
                response = JSON.createObjectNode().put("__type", "InternalServiceError").put("Message", String.valueOf(unexpected));
            }
            byte[] bytes = JSON.writeValueAsBytes(response);
            JsonProtocolExchange.answer(exchange, status, bytes, CONTENT_TYPE);
        }
    }

    private ObjectNode dispatch(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new Failure("UnknownOperationException", "Missing or unknown X-Amz-Target: " + target);
        }
        JsonNode request;
        try {
            request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new Failure("SerializationException", "The request body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw new Failure("SerializationException", "The request body must be a JSON object");
        }
        return switch (target.substring(TARGET_PREFIX.length())) {
            case "CreateSecret" -> create(request);
            case "GetSecretValue" -> getValue(request);
            case "PutSecretValue" -> putValue(request);
            case "DescribeSecret" -> describe(request);
            default -> throw new Failure("UnknownOperationException", "Not implemented locally: " + target);
        };
    }

    private ObjectNode create(JsonNode request) {
        String name = text(request, "Name");
        if (!NAME.matcher(name).matches()) {
            throw new Failure("InvalidParameterException", "Invalid name: " + name);
        }
        String value = text(request, "SecretString");
        Secret fresh = new Secret(arnPrefix + name + "-" + suffix(), name, value, versionId(request), Instant.now());
        if (byName.putIfAbsent(name, fresh) != null) {
            throw new Failure("ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
        }
        return JSON.createObjectNode().put("ARN", fresh.arn()).put("Name", name).put("VersionId", fresh.versionId());
    }

    private ObjectNode getValue(JsonNode request) {
        Secret s = find(text(request, "SecretId"));
        if (request.hasNonNull("VersionId") && !request.get("VersionId").asText().equals(s.versionId())
                || request.hasNonNull("VersionStage") && !request.get("VersionStage").asText().equals("AWSCURRENT")) {
            throw new Failure("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for this version.");
        }
        ObjectNode out = JSON.createObjectNode().put("ARN", s.arn()).put("Name", s.name()).put("VersionId", s.versionId())
                .put("SecretString", s.value()).put("CreatedDate", s.created().getEpochSecond());
        out.putArray("VersionStages").add("AWSCURRENT");
        return out;
    }

    private ObjectNode putValue(JsonNode request) {
        Secret old = find(text(request, "SecretId"));
        Secret updated = new Secret(old.arn(), old.name(), text(request, "SecretString"), versionId(request), Instant.now());
        byName.put(old.name(), updated);
        ObjectNode out = JSON.createObjectNode().put("ARN", updated.arn()).put("Name", updated.name())
                .put("VersionId", updated.versionId());
        out.putArray("VersionStages").add("AWSCURRENT");
        return out;
    }

    private ObjectNode describe(JsonNode request) {
        Secret s = find(text(request, "SecretId"));
        return JSON.createObjectNode().put("ARN", s.arn()).put("Name", s.name())
                .put("CreatedDate", s.created().getEpochSecond());
    }

    /** By name or by ARN, as the real service accepts both. */
    private Secret find(String secretId) {
        Secret s = byName.get(secretId);
        if (s == null) {
            s = byName.values().stream().filter(x -> x.arn().equals(secretId)).findFirst().orElse(null);
        }
        if (s == null) {
            throw new Failure("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        return s;
    }

    private static String text(JsonNode request, String field) {
        JsonNode v = request.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new Failure("InvalidParameterException", field + " is required (string secrets only)");
        }
        return v.asText();
    }

    private static String versionId(JsonNode request) {
        JsonNode token = request.get("ClientRequestToken");
        return token != null && token.isTextual() ? token.asText() : UUID.randomUUID().toString();
    }

    /** AWS appends six random characters to a secret's ARN; so does this, so no code can rely on guessing it. */
    private String suffix() {
        StringBuilder s = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            s.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return s.toString();
    }

    private static final class Failure extends RuntimeException {
        final String type;

        Failure(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
