package cn.hbce.devserver.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.http.ErrorBody;
import cn.hbce.common.http.ErrorCode;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.template.SamTemplate;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml is a document standard tools accept (swagger-parser reports nothing) and says
 * what the built API does: every operation named after its template function, and every error
 * each route can give documented in the shared error shape with its codes. The answers themselves
 * are checked against it by the end-to-end suite (ResponseContract in E2E).
 */
class OpenApiDocumentTest {
    private static final Path ROOT = DevServerConfig.ephemeral().projectRoot();
    private static final Path DOCUMENT = ROOT.resolve("docs/openapi.yaml");
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve("template.yaml"));
    /** The keywords an OpenAPI 3.0 Schema Object may carry (besides x- extensions). */
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("title", "multipleOf", "maximum", "exclusiveMaximum",
            "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
            "maxProperties", "minProperties", "required", "enum", "type", "allOf", "oneOf", "anyOf", "not", "items",
            "properties", "additionalProperties", "description", "format", "default", "nullable", "discriminator",
            "readOnly", "writeOnly", "xml", "externalDocs", "example", "deprecated", "$ref");

    private static OpenAPI parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(DOCUMENT.toUri().toString(), null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
                "swagger-parser's messages about docs/openapi.yaml");
        assertNotNull(result.getOpenAPI(), "docs/openapi.yaml did not parse");
        return result.getOpenAPI();
    }

    @Test
    void swaggerParserAcceptsTheDocumentWithoutAnyMessage() {
        OpenAPI api = parsed();
        assertEquals("3.0.3", api.getOpenapi());
        assertEquals(TEMPLATE.routes().stream().map(SamTemplate.Route::path).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(api.getPaths().keySet()));
    }

    /**
     * The failure that made the document unusable: an unquoted comma inside a YAML flow mapping
     * ({type: string, description: a, b}) silently turns the rest of the text into keys with null
     * values, and those into bogus schema keywords. No value of the document may be null (outside
     * enum, example and default), and every schema carries only Schema Object keywords.
     */
    @Test
    void noTextFellApartIntoKeysAndEverySchemaHasOnlySchemaKeywords() throws Exception {
        Object doc;
        try (Reader in = Files.newBufferedReader(DOCUMENT)) {
            doc = new Yaml().load(in);
        }
        List<String> problems = new ArrayList<>();
        findNulls(doc, "", problems);
        forEachSchema(doc, (where, schema) -> schema.keySet().stream()
                .filter(k -> !SCHEMA_KEYWORDS.contains(k) && !k.startsWith("x-"))
                .forEach(k -> problems.add(where + ": '" + k + "' is not a schema keyword")));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOperationIsNamedAfterItsTemplateFunction() {
        OpenAPI api = parsed();
        Map<String, String> documented = new HashMap<>();
        operations(api).forEach((route, op) -> documented.put(route, op.getOperationId()));
        Map<String, String> expected = new HashMap<>();
        for (SamTemplate.Route r : TEMPLATE.routes()) {
            String name = r.functionId().replaceFirst("Function$", "");
            expected.put(r.routeKey(), Character.toLowerCase(name.charAt(0)) + name.substring(1));
        }
        assertEquals(new TreeSet<>(expected.entrySet().stream().map(Map.Entry::toString).toList()),
                new TreeSet<>(documented.entrySet().stream().map(Map.Entry::toString).toList()));
        assertEquals(documented.size(), Set.copyOf(documented.values()).size(), "operationIds are unique");
    }

    @Test
    void everyOperationDocumentsTheErrorsItsRouteCanGive() {
        OpenAPI api = parsed();
        List<String> missing = new ArrayList<>();
        operations(api).forEach((route, op) -> {
            Set<String> statuses = op.getResponses().keySet();
            List<String> required = new ArrayList<>(List.of("413", "415", "500"));
            boolean anonymous = op.getSecurity() != null && op.getSecurity().isEmpty();
            if (!anonymous) {
                required.add("401");
                if (!Set.of("POST /v1/auth/logout", "GET /v1/me", "PUT /v1/me/password").contains(route)) {
                    required.add("403");
                }
            }
            if (op.getRequestBody() != null) {
                required.add("400");
            }
            List<Parameter> params = parameters(api, route, op);
            if (params.stream().anyMatch(p -> "path".equals(p.getIn()))) {
                required.add("404");
            }
            if (params.stream().anyMatch(p -> "query".equals(p.getIn()) && !"cursor".equals(p.getName()))) {
                required.add("400");
            }
            if (requestProperties(api, op).contains("version")) {
                required.add("412");
            }
            required.stream().filter(s -> !statuses.contains(s)).forEach(s -> missing.add(route + " lacks " + s));
            if (params.stream().anyMatch(p -> "cursor".equals(p.getName()))
                    && !errorCodes(api, op.getResponses().get("400")).contains("INVALID_CURSOR")) {
                missing.add(route + " takes a cursor but does not document 400 INVALID_CURSOR");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void errorsUseTheSharedShapeWithCodesOfTheirStatus() {
        OpenAPI api = parsed();
        assertEquals(Arrays.stream(ErrorBody.class.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet()),
                api.getComponents().getSchemas().get("Error").getProperties().keySet(), "Error schema = ErrorBody");
        List<String> problems = new ArrayList<>();
        operations(api).forEach((route, op) -> op.getResponses().forEach((status, response) -> {
            int code = Integer.parseInt(status);
            ApiResponse r = resolve(api, response);
            MediaType json = r.getContent() == null ? null : r.getContent().get("application/json");
            if (code == 204) {
                if (r.getContent() != null && !r.getContent().isEmpty()) {
                    problems.add(route + " " + status + " documents a body");
                }
                return;
            }
            if (json == null || json.getSchema() == null) {
                problems.add(route + " " + status + " has no application/json schema");
                return;
            }
            if (code < 400) {
                return;
            }
            List<String> codes = errorCodes(api, r);
            if (codes.isEmpty()) {
                problems.add(route + " " + status + " does not use the Error schema with a code enum");
            }
            for (String c : codes) {
                ErrorCode known = Arrays.stream(ErrorCode.values()).filter(e -> e.name().equals(c)).findFirst().orElse(null);
                if (known == null) {
                    problems.add(route + " " + status + ": " + c + " is not an ErrorCode");
                } else if (known.status() != code) {
                    problems.add(route + " " + status + ": " + c + " is answered with " + known.status());
                }
            }
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDocumentedSchemaCompilesForTheResponseCheck() {
        ResponseContract contract = ResponseContract.load(DOCUMENT);
        List<String> failures = new ArrayList<>();
        var paths = contract.document().path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                var responses = paths.path(path).path(method).path("responses");
                for (String status : responses.propertyNames()) {
                    String pointer = "/paths/" + ResponseContract.escape(path) + "/" + method + "/responses/" + status;
                    String ref = responses.path(status).path("$ref").asString("");
                    if (!ref.isEmpty()) {
                        pointer = ref.substring(1);
                    }
                    if (!contract.document().at(pointer + "/content").isMissingNode()) {
                        try {
                            contract.schemaAt(pointer + "/content/application~1json/schema");
                        } catch (RuntimeException e) {
                            failures.add(method + " " + path + " " + status + ": " + e);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> out = new LinkedHashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                out.put(method.name().toUpperCase(Locale.ROOT) + " " + path, op)));
        return out;
    }

    private static List<Parameter> parameters(OpenAPI api, String route, Operation op) {
        PathItem item = api.getPaths().get(route.substring(route.indexOf(' ') + 1));
        List<Parameter> out = new ArrayList<>();
        if (item.getParameters() != null) {
            item.getParameters().forEach(p -> out.add(resolve(api, p)));
        }
        if (op.getParameters() != null) {
            op.getParameters().forEach(p -> out.add(resolve(api, p)));
        }
        return out;
    }

    private static Set<String> requestProperties(OpenAPI api, Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return Set.of();
        }
        Schema<?> schema = resolve(api, op.getRequestBody().getContent().get("application/json").getSchema());
        return schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
    }

    /** The code enum of an error response: Error itself, or allOf [Error, {code: {enum}}]. */
    @SuppressWarnings("rawtypes")
    private static List<String> errorCodes(OpenAPI api, ApiResponse response) {
        if (response == null) {
            return List.of();
        }
        ApiResponse r = resolve(api, response);
        if (r.getContent() == null || r.getContent().get("application/json") == null) {
            return List.of();
        }
        Schema<?> schema = resolve(api, r.getContent().get("application/json").getSchema());
        if (schema.getAllOf() == null || schema.getAllOf().size() != 2
                || !"#/components/schemas/Error".equals(((Schema) schema.getAllOf().get(0)).get$ref())) {
            return List.of();
        }
        Schema<?> narrowing = (Schema<?>) schema.getAllOf().get(1);
        Schema<?> code = narrowing.getProperties() == null ? null : narrowing.getProperties().get("code");
        return code == null || code.getEnum() == null ? List.of() : code.getEnum().stream().map(String::valueOf).toList();
    }

    private static ApiResponse resolve(OpenAPI api, ApiResponse r) {
        return r.get$ref() == null ? r : api.getComponents().getResponses().get(last(r.get$ref()));
    }

    private static Parameter resolve(OpenAPI api, Parameter p) {
        return p.get$ref() == null ? p : api.getComponents().getParameters().get(last(p.get$ref()));
    }

    private static Schema<?> resolve(OpenAPI api, Schema<?> s) {
        return s.get$ref() == null ? s : api.getComponents().getSchemas().get(last(s.get$ref()));
    }

    private static String last(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void findNulls(Object node, String where, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String at = where + "/" + k;
                if (v == null && !Set.of("example", "default").contains(String.valueOf(k))) {
                    problems.add(at + " is null: text that fell apart at a comma or colon?");
                }
                if (!"enum".equals(k)) {
                    findNulls(v, at, problems);
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                findNulls(list.get(i), where + "/" + i, problems);
            }
        }
    }

    /** Visits every Schema Object: components, parameters, request bodies, responses, and nested ones. */
    @SuppressWarnings("unchecked")
    private static void forEachSchema(Object doc, java.util.function.BiConsumer<String, Map<String, Object>> visit) {
        walk(doc, "", false, visit);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String where, boolean isSchema,
                             java.util.function.BiConsumer<String, Map<String, Object>> visit) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), where + "/" + i, isSchema, visit);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        if (isSchema) {
            visit.accept(where, map);
            for (String key : List.of("items", "not", "additionalProperties")) {
                walk(map.get(key), where + "/" + key, true, visit);
            }
            for (String key : List.of("allOf", "oneOf", "anyOf")) {
                walk(map.get(key), where + "/" + key, true, visit);
            }
            if (map.get("properties") instanceof Map<?, ?> props) {
                props.forEach((name, s) -> walk(s, where + "/properties/" + name, true, visit));
            }
            return;
        }
        map.forEach((key, value) -> {
            String at = where + "/" + key;
            if (key.equals("schema")) {
                walk(value, at, true, visit);
            } else if (where.equals("/components/schemas")) {
                walk(value, at, true, visit);
            } else {
                walk(value, at, false, visit);
            }
        });
    }
}
