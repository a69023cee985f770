package cn.hbce.emulator.sfn.persistence;

import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.ExecutionStatus;
import cn.hbce.emulator.sfn.interpreter.History;
import cn.hbce.emulator.sfn.interpreter.HistoryEvent;
import cn.hbce.emulator.sfn.interpreter.Position;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes an execution (status, history and checkpoint tree) as JSON and reads it back. Documents
 * carry a {@code formatVersion}; those without one are format 1, which is still read.
 */
public final class ExecutionCodec {

    public static final int FORMAT_VERSION = 2;

    private ExecutionCodec() {
    }

    public static ObjectNode toJson(Execution execution) {
        Execution.Snapshot snapshot = execution.snapshot();
        ObjectNode node = Json.object();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("executionArn", execution.arn());
        node.put("name", execution.name());
        node.put("stateMachineArn", execution.stateMachineArn());
        node.put("stateMachineName", execution.stateMachineName());
        node.put("roleArn", execution.roleArn());
        node.put("definition", execution.definitionJson());
        node.put("input", execution.inputText());
        node.put("startDate", execution.startDate().toString());
        node.put("status", snapshot.status().name());
        node.put("stopDate", snapshot.stopDate() == null ? null : snapshot.stopDate().toString());
        node.put("output", snapshot.output());
        node.put("error", snapshot.error());
        node.put("cause", snapshot.cause());
        node.set("checkpoint", PositionCodec.toJson(snapshot.position()));
        ArrayNode events = node.putArray("events");
        for (HistoryEvent event : snapshot.events()) {
            ObjectNode e = events.addObject();
            e.put("id", event.id());
            e.put("previousEventId", event.previousEventId());
            e.put("timestamp", event.timestamp().toString());
            e.put("type", event.type());
            e.set("details", event.details());
        }
        return node;
    }

    /**
     * @param definitions parses the saved definition text (it was valid when the execution started)
     * @throws IllegalArgumentException for a format newer than this version reads
     */
    public static Execution fromJson(JsonNode node, Clock clock, Function<String, StateMachineDefinition> definitions)
            throws Exception {
        int version = node.path("formatVersion").asInt(1);
        if (version > FORMAT_VERSION) {
            throw new IllegalArgumentException("Saved execution format " + version
                    + " is newer than the supported format " + FORMAT_VERSION);
        }
        List<HistoryEvent> events = new ArrayList<>();
        for (JsonNode e : node.path("events")) {
            events.add(new HistoryEvent(e.get("id").asLong(), e.get("previousEventId").asLong(),
                    Instant.parse(e.get("timestamp").asText()), e.get("type").asText(),
                    e.get("details") instanceof ObjectNode details ? details : null));
        }
        String inputText = node.get("input").asText();
        String definitionText = node.get("definition").asText();
        Execution execution = new Execution(node.get("executionArn").asText(), node.get("name").asText(),
                node.get("stateMachineArn").asText(), node.get("stateMachineName").asText(),
                PositionCodec.text(node, "roleArn"), definitionText, definitions.apply(definitionText),
                Json.parse(inputText), inputText, Instant.parse(node.get("startDate").asText()),
                new History(clock, events));
        Position position = PositionCodec.fromJson(node.get("checkpoint"));
        if (position != null) {
            execution.checkpoint().restore(position);
        }
        ExecutionStatus status = ExecutionStatus.valueOf(node.get("status").asText());
        if (status != ExecutionStatus.RUNNING) {
            execution.restoreFinished(status, PositionCodec.instant(node, "stopDate"), PositionCodec.text(node, "output"),
                    PositionCodec.text(node, "error"), PositionCodec.text(node, "cause"));
        }
        return execution;
    }
}
