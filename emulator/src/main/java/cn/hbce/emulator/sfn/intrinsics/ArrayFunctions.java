package cn.hbce.emulator.sfn.intrinsics;

import static cn.hbce.emulator.sfn.intrinsics.IntrinsicFunctions.failure;
import static cn.hbce.emulator.sfn.intrinsics.IntrinsicFunctions.requireInt;

import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Array and object intrinsic functions. */
final class ArrayFunctions {

    private static final int MAX_RANGE_ITEMS = 1000;

    private ArrayFunctions() {
    }

    static JsonNode array(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        arguments.forEach(result::add);
        return result;
    }

    static JsonNode partition(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        ArrayNode array = requireArray(arguments.get(0));
        int size = requireInt(arguments.get(1), "The chunk size");
        if (size <= 0) {
            throw failure("the chunk size must be positive");
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = result.addArray();
            }
            chunk.add(array.get(i));
        }
        return result;
    }

    static JsonNode contains(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        ArrayNode array = requireArray(arguments.get(0));
        JsonNode wanted = arguments.get(1);
        for (JsonNode element : array) {
            if (element.equals(wanted) || element.isNumber() && wanted.isNumber()
                    && element.decimalValue().compareTo(wanted.decimalValue()) == 0) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }

    static JsonNode range(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        int start = requireInt(arguments.get(0), "The first argument");
        int end = requireInt(arguments.get(1), "The second argument");
        int step = requireInt(arguments.get(2), "The step");
        if (step == 0) {
            throw failure("the step must not be 0");
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (result.size() == MAX_RANGE_ITEMS) {
                throw failure("the range has more than " + MAX_RANGE_ITEMS + " items");
            }
            result.add((int) value);
        }
        return result;
    }

    static JsonNode getItem(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        ArrayNode array = requireArray(arguments.get(0));
        int index = requireInt(arguments.get(1), "The index");
        if (index < 0 || index >= array.size()) {
            throw failure("the index " + index + " is out of bounds for an array of " + array.size());
        }
        return array.get(index);
    }

    static JsonNode length(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        return IntNode.valueOf(requireArray(arguments.get(0)).size());
    }

    static JsonNode unique(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        requireArray(arguments.get(0)).forEach(seen::add);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        seen.forEach(result::add);
        return result;
    }

    /** Shallow merge: keys of the second object win. Deep merging is not supported, as on AWS. */
    static JsonNode jsonMerge(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        JsonNode first = arguments.get(0);
        JsonNode second = arguments.get(1);
        JsonNode deep = arguments.get(2);
        if (!first.isObject() || !second.isObject()) {
            throw failure("both arguments must be objects");
        }
        if (!deep.isBoolean()) {
            throw failure("the third argument must be a boolean");
        }
        if (deep.booleanValue()) {
            throw failure("deep merging (third argument true) is not supported");
        }
        ObjectNode merged = first.deepCopy();
        merged.setAll((ObjectNode) second.deepCopy());
        return merged;
    }

    private static ArrayNode requireArray(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw failure("the argument must be an array but was " + Json.typeName(node));
        }
        return (ArrayNode) node;
    }
}
