package cn.hbce.emulator.sfn.intrinsics;

import static cn.hbce.emulator.sfn.intrinsics.IntrinsicFunctions.failure;
import static cn.hbce.emulator.sfn.intrinsics.IntrinsicFunctions.requireString;

import cn.hbce.emulator.sfn.intrinsics.IntrinsicExpression.Literal;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.UUID;

/** String-valued intrinsic functions. */
final class StringFunctions {

    private static final int MAX_BASE64_INPUT = 10_000;
    private static final Map<String, String> HASH_ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private StringFunctions() {
    }

    /** Replaces each unescaped {} of the template with the next argument. */
    static JsonNode format(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        String template = requireString(arguments.get(0), "The template");
        String raw = expressions.get(0) instanceof Literal literal ? literal.raw() : template;
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                if (next >= arguments.size()) {
                    throw failure("the template has more placeholders than arguments");
                }
                out.append(formatValue(arguments.get(next++)));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != arguments.size()) {
            throw failure("the template has fewer placeholders than arguments");
        }
        return TextNode.valueOf(out.toString());
    }

    private static String formatValue(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isContainerNode()) {
            throw failure("arguments must be strings, numbers, booleans or null, not " + Json.typeName(value));
        }
        return value.isNumber() ? value.numberValue().toString() : value.toString();
    }

    static JsonNode stringToJson(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        String text = requireString(arguments.get(0), "The argument");
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw failure("the argument is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode jsonToString(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        return TextNode.valueOf(Json.write(arguments.get(0)));
    }

    static JsonNode stringSplit(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        String text = requireString(arguments.get(0), "The string to split");
        String delimiters = requireString(arguments.get(1), "The delimiter");
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        StringTokenizer tokens = new StringTokenizer(text, delimiters);
        while (tokens.hasMoreTokens()) {
            result.add(tokens.nextToken());
        }
        return result;
    }

    static JsonNode base64Encode(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        String text = requireString(arguments.get(0), "The argument");
        if (text.length() > MAX_BASE64_INPUT) {
            throw failure("the input exceeds " + MAX_BASE64_INPUT + " characters");
        }
        return TextNode.valueOf(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode base64Decode(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        String text = requireString(arguments.get(0), "The argument");
        if (text.length() > MAX_BASE64_INPUT) {
            throw failure("the input exceeds " + MAX_BASE64_INPUT + " characters");
        }
        try {
            return TextNode.valueOf(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure("the argument is not base64: " + e.getMessage());
        }
    }

    static JsonNode hash(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        JsonNode data = arguments.get(0);
        String algorithm = HASH_ALGORITHMS.get(requireString(arguments.get(1), "The algorithm"));
        if (algorithm == null) {
            throw failure("the algorithm must be one of " + HASH_ALGORITHMS.keySet());
        }
        String text = data.isTextual() ? data.textValue() : Json.write(data);
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return TextNode.valueOf(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw failure("the algorithm " + algorithm + " is not available");
        }
    }

    static JsonNode uuid(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        return TextNode.valueOf(UUID.randomUUID().toString());
    }
}
