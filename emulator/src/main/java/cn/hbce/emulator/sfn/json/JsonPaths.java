package cn.hbce.emulator.sfn.json;

import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Evaluates ASL paths ({@code $...} on the input, {@code $$...} on the context object) with Jayway JsonPath. */
public final class JsonPaths {

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();
    private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    public static boolean isContextPath(String path) {
        return path.startsWith("$$");
    }

    /** Throws {@link InvalidPathException} when the path does not compile. */
    public static void checkSyntax(String path) {
        compile(isContextPath(path) ? path.substring(1) : path);
    }

    /** Reads a path that may be a context path; a missing value is a States.Runtime error. */
    public static JsonNode read(String path, JsonNode input, JsonNode context) {
        return isContextPath(path) ? read(path.substring(1), context, path) : read(path, input, path);
    }

    public static JsonNode read(String path, JsonNode document) {
        return read(path, document, path);
    }

    /** Whether a path selects something (used by IsPresent). */
    public static boolean isPresent(String path, JsonNode input, JsonNode context) {
        try {
            JsonNode value = read(path, input, context);
            boolean definite = compile(isContextPath(path) ? path.substring(1) : path).isDefinite();
            return definite || !(value.isArray() && value.isEmpty());
        } catch (StatesError e) {
            return false;
        }
    }

    private static JsonNode read(String path, JsonNode document, String shownPath) {
        JsonPath compiled;
        try {
            compiled = compile(path);
        } catch (InvalidPathException e) {
            throw StatesError.runtime("Invalid path '" + shownPath + "': " + e.getMessage());
        }
        if ("$".equals(path)) {
            return document;
        }
        try {
            Object value = compiled.read(document, CONFIGURATION);
            return value == null ? NullNode.getInstance() : Json.MAPPER.valueToTree(value);
        } catch (PathNotFoundException e) {
            throw StatesError.runtime("The JSONPath '" + shownPath
                    + "' could not be found in the input '" + Json.write(document) + "'");
        } catch (RuntimeException e) {
            throw StatesError.runtime("Failed to evaluate JSONPath '" + shownPath + "': " + e.getMessage());
        }
    }

    private static JsonPath compile(String path) {
        JsonPath compiled = COMPILED.get(path);
        if (compiled == null) {
            if (!path.startsWith("$")) {
                throw new InvalidPathException("a path must start with '$'");
            }
            compiled = JsonPath.compile(path);
            COMPILED.put(path, compiled);
        }
        return compiled;
    }
}
