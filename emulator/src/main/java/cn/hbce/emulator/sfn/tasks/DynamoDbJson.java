package cn.hbce.emulator.sfn.tasks;

import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between the DynamoDB JSON shape of task parameters/results and SDK attribute values. */
final class DynamoDbJson {

    private DynamoDbJson() {
    }

    static Map<String, AttributeValue> toItem(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw StatesError.runtime("The DynamoDB field '" + field + "' must be an object of attribute values");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> item.put(e.getKey(), toAttribute(e.getValue(), field + "." + e.getKey())));
        return item;
    }

    static AttributeValue toAttribute(JsonNode node, String where) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw StatesError.runtime("The DynamoDB attribute value at '" + where
                    + "' must be an object with exactly one type key (S, N, B, SS, NS, BS, M, L, BOOL, NULL)");
        }
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode value = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(value.asText());
            case "N" -> AttributeValue.fromN(value.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.asText())));
            case "BOOL" -> AttributeValue.fromBool(value.asBoolean());
            case "NULL" -> AttributeValue.fromNul(value.asBoolean());
            case "SS" -> AttributeValue.fromSs(strings(value));
            case "NS" -> AttributeValue.fromNs(strings(value));
            case "BS" -> AttributeValue.fromBs(strings(value).stream()
                    .map(s -> SdkBytes.fromByteArray(Base64.getDecoder().decode(s))).toList());
            case "M" -> AttributeValue.fromM(toItem(value, where));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    list.add(toAttribute(value.get(i), where + "[" + i + "]"));
                }
                yield AttributeValue.fromL(list);
            }
            default -> throw StatesError.runtime("Unknown DynamoDB attribute type '" + typed.getKey() + "' at " + where);
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            values.add(it.next().asText());
        }
        return values;
    }

    static ObjectNode fromItem(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        item.forEach((name, value) -> node.set(name, fromAttribute(value)));
        return node;
    }

    static ObjectNode fromAttribute(AttributeValue value) {
        ObjectNode node = Json.object();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", value.nul());
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode array = node.putArray("BS");
                value.bs().forEach(b -> array.add(Base64.getEncoder().encodeToString(b.asByteArray())));
            }
            case M -> node.set("M", fromItem(value.m()));
            case L -> {
                ArrayNode array = node.putArray("L");
                value.l().forEach(element -> array.add(fromAttribute(element)));
            }
            default -> node.putNull("NULL");
        }
        return node;
    }

    static Map<String, String> stringMap(JsonNode node) {
        if (node == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static ArrayNode emptyArray() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
