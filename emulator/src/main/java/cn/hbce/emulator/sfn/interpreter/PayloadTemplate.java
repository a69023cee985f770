package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.intrinsics.IntrinsicFunctions;
import cn.hbce.emulator.sfn.intrinsics.IntrinsicParser;
import cn.hbce.emulator.sfn.json.JsonPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Applies a Parameters / ResultSelector / ItemSelector template: a field named {@code key.$} becomes
 * {@code key} with the value of its path, context path or intrinsic function.
 */
public final class PayloadTemplate {

    private PayloadTemplate() {
    }

    public static JsonNode apply(JsonNode template, JsonNode input, Supplier<JsonNode> context) {
        if (template.isObject()) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (key.endsWith(".$") && field.getValue().isTextual()) {
                    result.set(key.substring(0, key.length() - 2),
                            evaluate(field.getValue().textValue(), input, context));
                } else {
                    result.set(key, apply(field.getValue(), input, context));
                }
            }
            return result;
        }
        if (template.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode(template.size());
            template.forEach(element -> result.add(apply(element, input, context)));
            return result;
        }
        return template;
    }

    /** Evaluates a path, context path or intrinsic function expression. */
    public static JsonNode evaluate(String expression, JsonNode input, Supplier<JsonNode> context) {
        if (IntrinsicParser.looksLikeCall(expression)) {
            return IntrinsicFunctions.evaluate(expression, input, expression.contains("$$") ? context.get() : null);
        }
        return JsonPaths.read(expression, input, JsonPaths.isContextPath(expression) ? context.get() : null);
    }
}
