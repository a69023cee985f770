package cn.hbce.emulator.sfn.definition;

import cn.hbce.emulator.sfn.intrinsics.IntrinsicParser;
import cn.hbce.emulator.sfn.json.JsonPaths;
import cn.hbce.emulator.sfn.json.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Typed access to the fields of one JSON object of a definition, reporting problems instead of throwing. */
final class FieldReader {

    private final JsonNode node;
    private final String pointer;
    private final Problems problems;

    FieldReader(JsonNode node, String pointer, Problems problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    String pointer() {
        return pointer;
    }

    String at(String field) {
        return pointer + "/" + field;
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    /** Reports every field that is neither allowed nor a known-but-unsupported feature. */
    void allowOnly(Set<String> allowed, Map<String, String> unsupported) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (unsupported.containsKey(name)) {
                problems.unsupported(unsupported.get(name), at(name));
            } else if (!allowed.contains(name)) {
                problems.add(Problems.SCHEMA, "The field '" + name + "' is not supported by Step Functions", at(name));
            }
        }
    }

    String requiredString(String field) {
        String value = optionalString(field);
        if (value == null && !has(field)) {
            problems.add(Problems.SCHEMA, "The field '" + field + "' is required", at(field));
        }
        return value;
    }

    String optionalString(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(Problems.SCHEMA, "The field '" + field + "' must be a string", at(field));
            return null;
        }
        return value.textValue();
    }

    Integer optionalInt(String field, int minimum) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < minimum) {
            problems.add(Problems.SCHEMA, "The field '" + field + "' must be an integer of at least " + minimum,
                    at(field));
            return null;
        }
        return value.intValue();
    }

    BigDecimal optionalNumber(String field, BigDecimal minimum) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().compareTo(minimum) < 0) {
            problems.add(Problems.SCHEMA, "The field '" + field + "' must be a number of at least " + minimum,
                    at(field));
            return null;
        }
        return value.decimalValue();
    }

    /** InputPath/OutputPath style: absent gives "$", JSON null gives null. */
    String ioPath(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return "$";
        }
        if (value.isNull()) {
            return null;
        }
        return path(field);
    }

    /** A path (or, where allowed, a context path) that must compile. */
    String path(String field) {
        String path = optionalString(field);
        if (path != null) {
            checkPath(path, at(field));
        }
        return path;
    }

    void checkPath(String path, String location) {
        try {
            JsonPaths.checkSyntax(path);
        } catch (RuntimeException e) {
            problems.add(Problems.INVALID_PATH, "The value '" + path + "' is not a valid JSONPath", location);
        }
    }

    /** A path or an intrinsic function call (ErrorPath, CausePath). */
    String pathOrIntrinsic(String field) {
        String value = optionalString(field);
        if (value != null) {
            checkPathOrIntrinsic(value, at(field));
        }
        return value;
    }

    void checkPathOrIntrinsic(String value, String location) {
        if (IntrinsicParser.looksLikeCall(value)) {
            try {
                IntrinsicParser.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(Problems.SCHEMA, e.getMessage(), location);
            }
        } else {
            checkPath(value, location);
        }
    }

    /** ResultPath style: absent gives "$", JSON null gives null (discard). */
    ReferencePath resultPath(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return ReferencePath.parse("$");
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(Problems.SCHEMA, "The field '" + field + "' must be a string or null", at(field));
            return null;
        }
        try {
            return ReferencePath.parse(value.textValue());
        } catch (IllegalArgumentException e) {
            problems.add(Problems.INVALID_REFERENCE_PATH, "The value '" + value.textValue()
                    + "' is not a valid reference path", at(field));
            return null;
        }
    }

    /** A payload template (Parameters, ResultSelector, ItemSelector) whose ".$" fields must be valid. */
    JsonNode template(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(Problems.SCHEMA, "The field '" + field + "' must be an object", at(field));
            return null;
        }
        checkTemplate(value, at(field));
        return value;
    }

    private void checkTemplate(JsonNode template, String location) {
        if (template.isObject()) {
            template.fields().forEachRemaining(entry -> {
                String key = entry.getKey();
                String childPointer = location + "/" + key;
                if (key.endsWith(".$")) {
                    if (!entry.getValue().isTextual()) {
                        problems.add(Problems.SCHEMA, "The value of '" + key + "' must be a path or an intrinsic function",
                                childPointer);
                    } else {
                        checkPathOrIntrinsic(entry.getValue().textValue(), childPointer);
                    }
                } else {
                    checkTemplate(entry.getValue(), childPointer);
                }
            });
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                checkTemplate(template.get(i), location + "/" + i);
            }
        }
    }

    String timestamp(String field) {
        String value = optionalString(field);
        if (value != null && !isTimestamp(value)) {
            problems.add(Problems.SCHEMA, "The value '" + value + "' is not an RFC3339 timestamp", at(field));
        }
        return value;
    }

    static boolean isTimestamp(String text) {
        if (text.indexOf('T') < 0) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
