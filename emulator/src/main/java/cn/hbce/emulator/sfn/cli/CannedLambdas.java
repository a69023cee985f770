package cn.hbce.emulator.sfn.cli;

import cn.hbce.emulator.sfn.LambdaInvocationException;
import cn.hbce.emulator.sfn.LambdaInvoker;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lambda results read from a JSON object: function name → result, or {"error":..,"cause":..}, or an
 * array of those answered in turn (the last one repeats).
 */
final class CannedLambdas implements LambdaInvoker {

    static final String CALLBACKS = "$callbacks";

    private final JsonNode results;
    private final Map<String, AtomicInteger> callCounts = new HashMap<>();

    CannedLambdas(JsonNode results) {
        this.results = results;
    }

    @Override
    public synchronized String invoke(String functionRef, String payloadJson) throws LambdaInvocationException {
        String name = functionName(functionRef);
        if (!results.has(name)) {
            throw new LambdaInvocationException("Lambda.ResourceNotFoundException",
                    "No canned result for function " + name);
        }
        JsonNode answer = next(name);
        if (answer.isObject() && answer.has("error")) {
            throw new LambdaInvocationException(answer.get("error").asText(), answer.path("cause").asText(""));
        }
        return Json.write(answer);
    }

    /** The next answer for a key, or null when there is none. */
    synchronized JsonNode next(String key) {
        JsonNode entry = results.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.isArray()) {
            return entry;
        }
        int call = callCounts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        return entry.isEmpty() ? Json.object() : entry.get(Math.min(call, entry.size() - 1));
    }

    static String functionName(String functionRef) {
        if (functionRef.startsWith("arn:")) {
            return functionRef.split(":")[6];
        }
        int colon = functionRef.indexOf(':');
        return colon < 0 ? functionRef : functionRef.substring(0, colon);
    }
}
