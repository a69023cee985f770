package cn.hbce.devserver.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What docs/openapi.yaml promises about answers, checked against real ones: the route (path
 * templates such as {@code /v1/reviews/{reviewId}} match concrete paths, the most literal template
 * first, as API Gateway picks routes), the status (an undocumented one is a violation), and the
 * body against the schema documented for that route, method and status (OpenAPI 3.0 dialect, so
 * {@code nullable} counts; formats such as date-time are asserted). A request the API accepted
 * (2xx) must also fit the documented request schema, so request schemas cannot be stricter than
 * the API either.
 *
 * <p>Only answers that are not the API's own are skipped, each for a named reason: CORS preflights
 * and API Gateway's bare {@code {"message": ...}} answers (unknown routes, oversize bodies), which
 * carry no request id, and the devserver's {@code /_local/} routes.
 */
public final class ResponseContract {
    private static final String DOCUMENT_IRI = "https://hbce.invalid/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final List<Template> templates;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A documented path: its template, the pattern of concrete paths, and how literal it is. */
    private record Template(String path, Pattern pattern, int parameters) {
    }

    /** An answer as the client saw it, with the request that produced it. */
    public record Exchange(String method, String uri, String requestBody, int status,
                           Map<String, List<String>> headers, String responseBody) {
    }

    private ResponseContract(JsonNode document) {
        this.document = document;
        List<Template> found = new ArrayList<>();
        document.path("paths").propertyNames().forEach(path -> found.add(new Template(path, pattern(path),
                (int) path.chars().filter(c -> c == '{').count())));
        found.sort(Comparator.comparingInt(Template::parameters).thenComparing(Template::path));
        this.templates = List.copyOf(found);
        String json = JSON.writeValueAsString(document);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b
                .schemaRegistryConfig(config)
                .schemas(Map.of(DOCUMENT_IRI, json)));
    }

    /** Reads the document (YAML) once; the result is safe to share between threads. */
    public static ResponseContract load(Path openApiYaml) {
        try (Reader in = Files.newBufferedReader(openApiYaml)) {
            Object yaml = new Yaml().load(in);
            return new ResponseContract(JSON.valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why this answer is not the API's and is not checked; empty when it must be checked. */
    public Optional<String> skipReason(Exchange x) {
        if (x.method().equalsIgnoreCase("OPTIONS")) {
            return Optional.of("CORS preflight, answered by API Gateway");
        }
        if (pathOf(x.uri()).startsWith("/_local/")) {
            return Optional.of("devserver-only /_local/ route");
        }
        if (header(x, "x-request-id") == null && isGatewayMessage(x.responseBody())) {
            return Optional.of("API Gateway's own {\"message\"} answer");
        }
        return Optional.empty();
    }

    /** Every way this answer departs from the document; empty when it conforms or is skipped. */
    public List<String> violations(Exchange x) {
        if (skipReason(x).isPresent()) {
            return List.of();
        }
        String method = x.method().toLowerCase(Locale.ROOT);
        String path = pathOf(x.uri());
        Optional<Template> template = templates.stream()
                .filter(t -> t.pattern().matcher(path).matches())
                .filter(t -> document.path("paths").path(t.path()).has(method))
                .findFirst();
        String call = x.method().toUpperCase(Locale.ROOT) + " " + path;
        if (template.isEmpty()) {
            return List.of(call + " -> " + x.status() + ": no documented operation matches this method and path");
        }
        String route = x.method().toUpperCase(Locale.ROOT) + " " + template.get().path();
        String operation = "/paths/" + escape(template.get().path()) + "/" + method;
        List<String> out = new ArrayList<>();
        JsonNode responses = document.at(operation + "/responses");
        String status = Integer.toString(x.status());
        if (!responses.has(status)) {
            out.add(route + " -> " + status + ": status not documented (documented: "
                    + String.join(", ", responses.propertyNames()) + "); body: " + abbreviate(x.responseBody()));
            return out;
        }
        String response = operation + "/responses/" + status;
        JsonNode documented = document.at(response);
        if (documented.has("$ref")) {
            response = documented.path("$ref").asString().substring(1);
            documented = document.at(response);
        }
        boolean hasBody = x.responseBody() != null && !x.responseBody().isEmpty();
        if (!documented.path("content").has("application/json")) {
            if (hasBody) {
                out.add(route + " -> " + status + ": documented without a body, but answered " + abbreviate(x.responseBody()));
            }
            return out;
        }
        String contentType = header(x, "content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            out.add(route + " -> " + status + ": content-type " + contentType + ", documented application/json");
        }
        String schemaPointer = response + "/content/" + escape("application/json") + "/schema";
        out.addAll(check(route + " -> " + status, schemaPointer, hasBody ? x.responseBody() : null));
        if (x.status() / 100 == 2 && x.requestBody() != null && !x.requestBody().isBlank()
                && !document.at(operation + "/requestBody/content/" + escape("application/json") + "/schema").isMissingNode()) {
            String requestSchema = operation + "/requestBody/content/" + escape("application/json") + "/schema";
            check(route + " request (accepted with " + status + ")", requestSchema, withoutNulls(x.requestBody()))
                    .forEach(v -> out.add(v + " — the API accepted it, so the documented request schema is too strict"));
        }
        return out;
    }

    /** The documented schema at this JSON pointer of the document, compiled once. */
    public Schema schemaAt(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p.replace("{", "%7B").replace("}", "%7D")));
            schema.initializeValidators();
            return schema;
        });
    }

    /** The parsed document, as the checker reads it. */
    public JsonNode document() {
        return document;
    }

    private List<String> check(String what, String schemaPointer, String body) {
        if (body == null) {
            return List.of(what + ": no body, but a JSON body is documented");
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return List.of(what + ": body is not JSON: " + abbreviate(body));
        }
        List<Error> errors = schemaAt(schemaPointer).validate(instance);
        List<String> out = new ArrayList<>();
        for (Error e : errors) {
            out.add(what + " at " + e.getInstanceLocation() + ": " + e.getMessage()
                    + " (schema " + e.getSchemaLocation().getFragment() + "); body: " + abbreviate(body));
        }
        return out;
    }

    /**
     * The request as the API reads it: a property sent as null is the same as one left out (the
     * document says so once, in its description), so nulls are dropped before the schema check.
     */
    private static String withoutNulls(String body) {
        try {
            JsonNode tree = JSON.readTree(body);
            dropNulls(tree);
            return JSON.writeValueAsString(tree);
        } catch (RuntimeException notJson) {
            return body;
        }
    }

    private static void dropNulls(JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (var e : object.properties()) {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    dropNulls(e.getValue());
                }
            }
            object.remove(nulls);
        } else if (node != null && node.isArray()) {
            node.forEach(ResponseContract::dropNulls);
        }
    }

    private static boolean isGatewayMessage(String body) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node.isObject() && node.size() == 1 && node.path("message").isString();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static String header(Exchange x, String name) {
        return x.headers().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0))
                .findFirst().orElse(null);
    }

    private static String pathOf(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (path.startsWith("http://") || path.startsWith("https://")) {
            int slash = path.indexOf('/', path.indexOf("//") + 2);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return path;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** A JSON pointer segment (RFC 6901). */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
