package cn.hbce.emulator.sfn.persistence;

import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.interpreter.Checkpoint;
import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.ExecutionStatus;
import cn.hbce.emulator.sfn.interpreter.History;
import cn.hbce.emulator.sfn.interpreter.HistoryEvent;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Writes an execution (status, history and checkpoint) as JSON and reads it back. */
public final class ExecutionCodec {

    private ExecutionCodec() {
    }

    public static ObjectNode toJson(Execution execution) {
        ObjectNode node = Json.object();
        node.put("executionArn", execution.arn());
        node.put("name", execution.name());
        node.put("stateMachineArn", execution.stateMachineArn());
        node.put("stateMachineName", execution.stateMachineName());
        node.put("roleArn", execution.roleArn());
        node.put("definition", execution.definitionJson());
        node.put("input", execution.inputText());
        node.put("startDate", execution.startDate().toString());
        synchronized (execution) {
            node.put("status", execution.status().name());
            putInstant(node, "stopDate", execution.stopDate());
            node.put("output", execution.output());
            node.put("error", execution.error());
            node.put("cause", execution.cause());
        }
        node.set("checkpoint", checkpoint(execution.checkpoint()));
        ArrayNode events = node.putArray("events");
        for (HistoryEvent event : execution.history().snapshot()) {
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
     */
    public static Execution fromJson(JsonNode node, Clock clock, Function<String, StateMachineDefinition> definitions)
            throws Exception {
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
                text(node, "roleArn"), definitionText, definitions.apply(definitionText), Json.parse(inputText),
                inputText, Instant.parse(node.get("startDate").asText()), new History(clock, events));
        restoreCheckpoint(node.path("checkpoint"), execution.checkpoint());
        ExecutionStatus status = ExecutionStatus.valueOf(node.get("status").asText());
        if (status != ExecutionStatus.RUNNING) {
            execution.restoreFinished(status, instant(node, "stopDate"), text(node, "output"), text(node, "error"),
                    text(node, "cause"));
        }
        return execution;
    }

    private static ObjectNode checkpoint(Checkpoint checkpoint) {
        ObjectNode node = Json.object();
        synchronized (checkpoint) {
            node.put("stateName", checkpoint.stateName());
            node.set("stateInput", checkpoint.stateInput());
            putInstant(node, "enteredTime", checkpoint.enteredTime());
            ArrayNode attempts = node.putArray("retryAttempts");
            for (int attempt : checkpoint.retryAttempts()) {
                attempts.add(attempt);
            }
            node.put("taskToken", checkpoint.taskToken());
            putInstant(node, "taskDeadline", checkpoint.taskDeadline());
            putInstant(node, "heartbeatDeadline", checkpoint.heartbeatDeadline());
            putInstant(node, "timerDue", checkpoint.timerDue());
            node.put("timerKind", checkpoint.timerKind() == null ? null : checkpoint.timerKind().name());
        }
        return node;
    }

    private static void restoreCheckpoint(JsonNode node, Checkpoint checkpoint) {
        if (node.isMissingNode() || node.isNull() || text(node, "stateName") == null) {
            return;
        }
        int[] attempts = new int[node.path("retryAttempts").size()];
        for (int i = 0; i < attempts.length; i++) {
            attempts[i] = node.path("retryAttempts").get(i).asInt();
        }
        String kind = text(node, "timerKind");
        checkpoint.restore(text(node, "stateName"), node.get("stateInput"), instant(node, "enteredTime"), attempts,
                text(node, "taskToken"), instant(node, "taskDeadline"), instant(node, "heartbeatDeadline"),
                instant(node, "timerDue"), kind == null ? null : Checkpoint.TimerKind.valueOf(kind));
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        node.put(field, value == null ? null : value.toString());
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
