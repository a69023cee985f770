package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builders for the details objects of history events. */
final class EventDetails {

    private EventDetails() {
    }

    static ObjectNode stateEntered(String name, JsonNode input) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put("input", Json.write(input));
        details.putObject("inputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode stateExited(String name, JsonNode output) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put("output", Json.write(output));
        details.putObject("outputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode output(JsonNode output) {
        ObjectNode details = Json.object();
        details.put("output", Json.write(output));
        details.putObject("outputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode error(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }

    static ObjectNode mapIteration(String name, int index) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put("index", index);
        return details;
    }
}
