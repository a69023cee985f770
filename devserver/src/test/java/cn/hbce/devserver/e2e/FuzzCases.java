package cn.hbce.devserver.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.yaml.snakeyaml.Yaml;

/**
 * Hostile requests for one route, generated from its operation in docs/openapi.yaml: a valid-looking
 * request built from the schemas (with values that make it fail late, e.g. unknown ids, so that the
 * deep code runs), then one mutation at a time — every body field removed, nulled, given a value of
 * another JSON type, a huge or control-character string, a nested structure; whole bodies that are
 * not JSON, nested 5,000 deep, arrays instead of objects; bad path ids; bad query values and cursors.
 * Deterministic for a given seed.
 */
final class FuzzCases {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** A well-formed id that names nothing. */
    static final String MISSING_ID = "x_fuzz_missing";
    /** Optional fields the valid-looking request carries (others of a body are only added by mutations). */
    private static final java.util.Set<String> OPTIONAL_INCLUDED = java.util.Set.of("personId", "contactPhone");

    /** One request, without its caller: method, path (encoded), query (encoded, may be empty), raw body, content type. */
    record Case(String route, String method, String path, String query, byte[] body, String contentType, String label) {
        String target() {
            return path + (query.isEmpty() ? "" : "?" + query);
        }
    }

    private final Map<String, Object> openapi;
    private final Random random;
    private final Map<String, Function<String, JsonNode>> overrides;

    /**
     * @param overrides values for body fields by name (last path segment) that make a request
     *                  valid-looking but bound to fail late (unknown ids, a stale version, a weak password)
     */
    @SuppressWarnings("unchecked")
    FuzzCases(Path openapiFile, long seed, Map<String, Function<String, JsonNode>> overrides) {
        try (var in = java.nio.file.Files.newBufferedReader(openapiFile, StandardCharsets.UTF_8)) {
            this.openapi = (Map<String, Object>) new Yaml().load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.random = new Random(seed);
        this.overrides = overrides;
    }

    /** The operation of {@code method path}, or null when openapi.yaml does not document it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> operation(String method, String path) {
        Map<String, Object> item = (Map<String, Object>) map(openapi.get("paths")).get(path);
        return item == null ? null : (Map<String, Object>) item.get(method.toLowerCase(java.util.Locale.ROOT));
    }

    // ------------------------------------------------------------------ values

    /** Strings no field should choke on. */
    static final List<String> BAD_STRINGS = List.of(
            "",
            "   ",
            "x".repeat(100_000),
            "长".repeat(100_000),
            "\u0000\u0001\u0007\u001b[31m\u007f",
            "名\u202e\u2066txt.exe\u2069\u200b\u200c\u200d\u2060\ufeff",
            "\ud83d\ude00\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
            "../../../../etc/passwd",
            "#a = :b",
            "' OR '1'='1' --",
            "attribute_exists(PK) OR begins_with(SK, :x)",
            "${jndi:ldap://127.0.0.1/a}",
            "<script>alert(1)</script>",
            "%00%2e%2e%2f",
            "\\u0000\\",
            "ORG#o_hubei_hrss",
            "o_hubei_hrss",
            "Ｏ＿全角\u3000");

    /** Path ids, before encoding. */
    static final List<String> BAD_IDS = List.of(
            MISSING_ID, "..", ".", "../../v1/org", "a/b", "x".repeat(5000), "\u202e\u200b", "长长长", "#a = :b",
            "' OR 1=1 --", "%", "o_hubei_hrss#META", "PK", " ", "\u0000", "\ud83d\ude00", "ORG#x", "r_" + "0".repeat(80));

    /** Raw JSON values of every type, some of them extreme. */
    private static List<JsonNode> badValues() {
        List<JsonNode> out = new ArrayList<>();
        out.add(F.nullNode());
        out.add(F.booleanNode(true));
        out.add(F.numberNode(0));
        out.add(F.numberNode(-1));
        out.add(F.numberNode(1.5));
        out.add(F.rawValueNode(new RawValue("1e308")));
        out.add(F.rawValueNode(new RawValue("123456789012345678901234567890")));
        out.add(F.rawValueNode(new RawValue("-0.0")));
        out.add(F.arrayNode());
        out.add(F.objectNode());
        out.add(F.arrayNode().add("a").add(1).addNull());
        out.add(F.objectNode().set("a", F.objectNode().set("b", F.arrayNode().add(F.objectNode()))));
        out.add(F.rawValueNode(new RawValue("\"\\ud800\"")));
        out.add(F.rawValueNode(new RawValue(nested(2_000))));
        for (String s : BAD_STRINGS) {
            out.add(F.textNode(s));
        }
        return out;
    }

    /**
     * The values every field gets: one of each JSON type, the huge and the key-like strings, a lone
     * surrogate and control characters; then a few others of the list, picked by the seed.
     */
    private List<JsonNode> valuesFor() {
        List<JsonNode> all = badValues();
        List<JsonNode> out = new ArrayList<>();
        List<JsonNode> rest = new ArrayList<>();
        for (JsonNode v : all) {
            String t = v.toString();
            boolean always = v.isNull() || t.equals("-1") || t.equals("[]") || t.equals("{}") || t.equals("true")
                    || (v.isTextual() && (v.asText().length() >= 100_000 || v.asText().startsWith("#a")
                    || v.asText().startsWith("\u0000") || v.asText().isEmpty()))
                    || t.contains("ud800");
            (always ? out : rest).add(v);
        }
        out.addAll(pick(rest, 3));
        return out;
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    // ------------------------------------------------------------------ generation

    List<Case> cases(String method, String route, Map<String, Object> op) {
        List<Case> out = new ArrayList<>();
        List<Map<String, Object>> params = parameters(route, method);
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<Map<String, Object>> queryParams = new ArrayList<>();
        for (Map<String, Object> p : params) {
            if ("path".equals(p.get("in"))) {
                pathValues.put((String) p.get("name"), MISSING_ID);
            } else if ("query".equals(p.get("in"))) {
                queryParams.add(p);
            }
        }
        Map<String, Object> bodySchema = bodySchema(op);
        JsonNode base = bodySchema == null ? null : instance(bodySchema, "");
        String baseBody = base == null ? null : base.toString();

        // the valid-looking request
        out.add(new Case(route, method, path(route, pathValues), validQuery(queryParams), bytes(baseBody),
                base == null ? null : "application/json", "base"));

        // bad path ids, one parameter at a time
        for (String name : pathValues.keySet()) {
            for (String bad : BAD_IDS) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, bad);
                out.add(new Case(route, method, path(route, values), "", bytes(baseBody),
                        base == null ? null : "application/json", "path " + name + "=" + shorten(bad)));
            }
        }

        // bad query values, one parameter at a time, plus unknown and repeated parameters
        for (Map<String, Object> p : queryParams) {
            String name = (String) p.get("name");
            for (String bad : badQueryValues(name, schema(p.get("schema")))) {
                out.add(new Case(route, method, path(route, pathValues), enc(name) + "=" + enc(bad), null, null,
                        "query " + name + "=" + shorten(bad)));
            }
            out.add(new Case(route, method, path(route, pathValues), enc(name) + "=a&" + enc(name) + "=b", null, null,
                    "query " + name + " twice"));
        }
        if (method.equals("GET")) {
            out.add(new Case(route, method, path(route, pathValues), "unknown=%E2%80%AE&=&&x", null, null, "query junk"));
        }

        String path = path(route, pathValues);
        if (base != null) {
            // one field at a time
            for (String field : fields(bodySchema, "")) {
                out.add(bodyCase(route, method, path, without(base, field), "remove " + field));
                for (JsonNode bad : valuesFor()) {
                    out.add(bodyCase(route, method, path, with(base, field, bad), "set " + field + "=" + shorten(bad.toString())));
                }
            }
            out.add(bodyCase(route, method, path, with(base, "unexpectedField", F.textNode("x")), "unknown field"));
        }
        // whole bodies (also on routes that take none)
        String[] wholes = {"{", "{\"a\":}", "not json", "[]", "null", "123", "\"text\"", "[" + baseBody + "]",
                "{\"a\":1,\"a\":2}", nested(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                "\u0000", "{\"" + "k".repeat(200_000) + "\":1}", "\ufeff" + (baseBody == null ? "{}" : baseBody)};
        for (String whole : base == null ? pick(List.of(wholes), 5) : List.of(wholes)) {
            out.add(new Case(route, method, path, "", bytes(whole), "application/json", "body " + shorten(whole)));
        }
        out.add(new Case(route, method, path, "", bytes(baseBody == null ? "{}" : baseBody), "text/plain", "content-type text/plain"));
        out.add(new Case(route, method, path, "", bytes(baseBody == null ? "{}" : baseBody), null, "no content-type"));
        out.add(new Case(route, method, path, "", bytes(baseBody == null ? "{}" : baseBody), "application/json; charset=latin1",
                "content-type latin1"));
        return out;
    }

    private Case bodyCase(String route, String method, String path, JsonNode body, String label) {
        return new Case(route, method, path, "", bytes(body.toString()), "application/json", label);
    }

    /** Bad values for a query parameter, from its schema and its name. */
    private List<String> badQueryValues(String name, Map<String, Object> schema) {
        List<String> out = new ArrayList<>();
        String type = schema == null ? "string" : String.valueOf(schema.getOrDefault("type", "string"));
        if (name.equals("limit") || type.equals("integer")) {
            out.addAll(List.of("-1", "0", "1e9", "1000000000", "abc", "2.5", "99999999999999999999", "+5", "0x10", "١٠"));
        }
        if (schema != null && schema.get("enum") != null) {
            Object first = ((List<?>) schema.get("enum")).get(0);
            out.addAll(List.of(String.valueOf(first).toLowerCase(java.util.Locale.ROOT), String.valueOf(first) + "\u200b", "*"));
        }
        if (schema != null && schema.get("$ref") != null) {
            out.addAll(List.of("person_registration", "NONE", "*"));
        }
        if (name.equals("cursor")) {
            out.addAll(List.of("not-a-cursor", "eyJQSyI6Ik9SRyNvX2h1YmVpX2hyc3MiLCJTSyI6Ik1FVEEifQ",
                    "eyJQSyI6Ik9SRyNvX2h1YmVpX2hyc3MiLCJTSyI6Ik1FVEEifQ.AAAAAAAAAAAAAAAAAAAAAA", ".", "a.b.c",
                    "x".repeat(3000), "%%%", "\u202e", "#a = :b", "长".repeat(700)));
        }
        if (name.equals("from") || name.equals("to") || name.toLowerCase(java.util.Locale.ROOT).contains("date")) {
            out.addAll(List.of("9999-12-31", "0001-01-01", "1970-01-01", "2026-02-30", "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "2026-13-45", "yesterday", "2026-11-28T09:30:00", "１９９９-01-01"));
        }
        if (name.equals("year")) {
            out.addAll(List.of("abc", "-1", "0", "99999", "2026.5", "1e4"));
        }
        // A query string stays within what API Gateway accepts (10 KB of request line and headers):
        // longer ones never reach a function there, so the huge strings are cut down here.
        for (String s : pick(BAD_STRINGS, 5)) {
            out.add(s.length() > 1000 ? s.substring(0, 700) : s);
        }
        return out;
    }

    private String validQuery(List<Map<String, Object>> params) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> p : params) {
            if (Boolean.TRUE.equals(p.get("required"))) {
                String name = (String) p.get("name");
                parts.add(enc(name) + "=" + enc(name.equals("q") ? "模糊测试" : "x"));
            }
        }
        return String.join("&", parts);
    }

    /** A value of the schema, taking the overrides for fields by name. */
    JsonNode instance(Map<String, Object> schema, String name) {
        schema = resolve(schema);
        Function<String, JsonNode> override = overrides.get(name);
        if (override != null) {
            return override.apply(name);
        }
        String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
        if (schema.get("enum") instanceof List<?> values) {
            return F.textNode(String.valueOf(values.get(0)));
        }
        switch (type) {
            case "object": {
                ObjectNode o = F.objectNode();
                List<?> required = (List<?>) schema.getOrDefault("required", List.of());
                map(schema.get("properties")).forEach((k, v) -> {
                    if (required.contains(k) || OPTIONAL_INCLUDED.contains(k)) {
                        o.set(k, instance(schema(v), k));
                    }
                });
                return o;
            }
            case "array":
                return F.arrayNode().add(instance(schema(schema.get("items")), name + "[]"));
            case "integer":
                return F.numberNode(1);
            case "number":
                return F.numberNode(1.5);
            case "boolean":
                return F.booleanNode(false);
            default:
                return F.textNode("模糊测试");
        }
    }

    /** Dotted paths of every field the schema knows (array items as index 0), nested objects included. */
    private List<String> fields(Map<String, Object> schema, String prefix) {
        schema = resolve(schema);
        List<String> out = new ArrayList<>();
        if (schema.get("properties") != null) {
            map(schema.get("properties")).forEach((k, v) -> {
                String path = prefix.isEmpty() ? k : prefix + "." + k;
                out.add(path);
                out.addAll(fields(schema(v), path));
            });
        } else if ("array".equals(schema.get("type")) && schema.get("items") != null) {
            out.addAll(fields(schema(schema.get("items")), prefix + ".0"));
        }
        return out;
    }

    private static JsonNode with(JsonNode base, String dotted, JsonNode value) {
        JsonNode copy = base.deepCopy();
        String[] parts = dotted.split("\\.");
        JsonNode target = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = step(target, parts[i]);
            if (next == null || !(next.isObject() || next.isArray())) {
                return copy;
            }
            target = next;
        }
        String last = parts[parts.length - 1];
        if (target instanceof ObjectNode o) {
            o.set(last, value);
        } else if (target instanceof ArrayNode a && a.size() > Integer.parseInt(last)) {
            a.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    private static JsonNode without(JsonNode base, String dotted) {
        JsonNode copy = base.deepCopy();
        String[] parts = dotted.split("\\.");
        JsonNode target = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            target = step(target, parts[i]);
            if (target == null) {
                return copy;
            }
        }
        if (target instanceof ObjectNode o) {
            o.remove(parts[parts.length - 1]);
        } else if (target instanceof ArrayNode a) {
            a.remove(Integer.parseInt(parts[parts.length - 1]));
        }
        return copy;
    }

    private static JsonNode step(JsonNode node, String part) {
        if (node.isArray()) {
            return node.get(Integer.parseInt(part));
        }
        return node.get(part);
    }

    // ------------------------------------------------------------------ openapi plumbing

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parameters(String route, String method) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> item = map(map(openapi.get("paths")).get(route));
        for (Object p : (List<Object>) item.getOrDefault("parameters", List.of())) {
            out.add(resolve((Map<String, Object>) p));
        }
        Map<String, Object> op = map(item.get(method.toLowerCase(java.util.Locale.ROOT)));
        for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
            out.add(resolve((Map<String, Object>) p));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> bodySchema(Map<String, Object> op) {
        Map<String, Object> body = map(op.get("requestBody"));
        Object schema = map(map(map(body.get("content")).get("application/json")).get("schema"));
        return ((Map<String, Object>) schema).isEmpty() ? null : resolve((Map<String, Object>) schema);
    }

    /** Follows {@code $ref} JSON pointers (also into nested properties) until a schema without one. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        while (schema != null && schema.get("$ref") instanceof String ref) {
            Object at = openapi;
            for (String part : ref.substring(2).split("/")) {
                at = ((Map<String, Object>) at).get(part.replace("~1", "/").replace("~0", "~"));
            }
            schema = (Map<String, Object>) at;
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private <T> List<T> pick(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    /** The route's path with its parameters percent-encoded as one segment each ("." and ".." too). */
    static String path(String route, Map<String, String> values) {
        String out = route;
        for (var e : values.entrySet()) {
            String encoded = enc(e.getValue()).replace("+", "%20");
            if (encoded.equals(".") || encoded.equals("..")) {
                encoded = encoded.replace(".", "%2E");
            }
            out = out.replace("{" + e.getKey() + "}", encoded);
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String shorten(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 60 ? flat : flat.substring(0, 40) + "…(" + s.length() + " chars)";
    }
}
