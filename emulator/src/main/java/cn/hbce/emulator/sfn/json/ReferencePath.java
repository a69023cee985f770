package cn.hbce.emulator.sfn.json;

import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Reference Path (the form ResultPath takes): {@code $}, then {@code .field}, {@code ['field']}
 * or {@code [index]} steps, naming exactly one node. JsonPath libraries only read, so writing a
 * result into the state input is done here.
 */
public final class ReferencePath {

    private final String text;
    private final List<Object> steps;

    private ReferencePath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException when the text is not a reference path */
    public static ReferencePath parse(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("a reference path must start with '$': " + text);
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.contains("*") || name.contains("@")) {
                    throw new IllegalArgumentException("invalid step in reference path " + text);
                }
                steps.add(name);
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in reference path " + text);
                }
                String inner = text.substring(i + 1, close).trim();
                if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'")
                        || inner.startsWith("\"") && inner.endsWith("\""))) {
                    steps.add(inner.substring(1, inner.length() - 1));
                } else if (inner.matches("\\d+")) {
                    steps.add(Integer.parseInt(inner));
                } else {
                    throw new IllegalArgumentException("reference paths allow only names and indexes: " + text);
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' in reference path " + text);
            }
        }
        return new ReferencePath(text, List.copyOf(steps));
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    /** Returns a copy of {@code target} with {@code value} placed at this path; missing objects are created. */
    public JsonNode write(JsonNode target, JsonNode value) {
        if (steps.isEmpty()) {
            return value;
        }
        if (!target.isContainerNode()) {
            throw new StatesError("States.ResultPathMatchFailure", "Unable to apply ResultPath '" + text
                    + "' to input '" + Json.write(target) + "'");
        }
        JsonNode root = target.deepCopy();
        JsonNode current = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String field) {
                if (!(current instanceof ObjectNode object)) {
                    throw mismatch(target);
                }
                if (last) {
                    object.set(field, value);
                } else {
                    JsonNode child = object.get(field);
                    if (child == null || child.isNull()) {
                        child = object.putObject(field);
                    }
                    current = child;
                }
            } else {
                int index = (Integer) step;
                if (!(current instanceof ArrayNode array) || index >= array.size()) {
                    throw mismatch(target);
                }
                if (last) {
                    array.set(index, value);
                } else {
                    current = array.get(index);
                }
            }
        }
        return root;
    }

    private StatesError mismatch(JsonNode target) {
        return new StatesError("States.ResultPathMatchFailure", "Unable to apply ResultPath '" + text
                + "' to input '" + Json.write(target) + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
