package cn.hbce.emulator.sfn.persistence;

import cn.hbce.emulator.sfn.interpreter.Checkpoint;
import cn.hbce.emulator.sfn.interpreter.Position;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The saved form of a checkpoint tree. Format 1 had only the top-level fields, with a task saved
 * (as taskToken, taskDeadline, heartbeatDeadline) only once it had been submitted; format 2 adds
 * {@code task}, {@code branches} and {@code finished}, and reads format 1 as well.
 */
final class PositionCodec {

    private PositionCodec() {
    }

    static ObjectNode toJson(Position position) {
        ObjectNode node = Json.object();
        node.put("stateName", position.stateName());
        node.set("stateInput", position.stateInput());
        putInstant(node, "enteredTime", position.enteredTime());
        ArrayNode attempts = node.putArray("retryAttempts");
        position.retryAttempts().forEach(attempts::add);
        if (position.task() != null) {
            node.set("task", task(position.task()));
        }
        putInstant(node, "timerDue", position.timerDue());
        node.put("timerKind", position.timerKind() == null ? null : position.timerKind().name());
        if (position.branches() != null) {
            node.set("branches", branches(position.branches()));
        }
        if (position.finished()) {
            node.put("finished", true);
            node.set("output", position.output());
        }
        return node;
    }

    /** @return null when nothing was saved (the execution had not entered a state yet) */
    static Position fromJson(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || text(node, "stateName") == null) {
            return null;
        }
        List<Integer> attempts = new ArrayList<>();
        node.path("retryAttempts").forEach(attempt -> attempts.add(attempt.asInt()));
        String kind = text(node, "timerKind");
        boolean finished = node.path("finished").asBoolean(false);
        return new Position(text(node, "stateName"), node.get("stateInput"), instant(node, "enteredTime"),
                List.copyOf(attempts), readTask(node), instant(node, "timerDue"),
                kind == null ? null : Checkpoint.TimerKind.valueOf(kind), readBranches(node.get("branches")),
                finished, finished ? node.get("output") : null);
    }

    private static ObjectNode task(Position.Task task) {
        ObjectNode node = Json.object();
        node.put("token", task.token());
        node.put("submitted", task.submitted());
        putInstant(node, "deadline", task.deadline());
        putInstant(node, "heartbeatDeadline", task.heartbeatDeadline());
        if (task.result() != null) {
            node.set("result", task.result());
        }
        return node;
    }

    private static Position.Task readTask(JsonNode position) {
        JsonNode task = position.get("task");
        if (task != null && task.isObject()) {
            return new Position.Task(text(task, "token"), task.path("submitted").asBoolean(false),
                    instant(task, "deadline"), instant(task, "heartbeatDeadline"), task.get("result"));
        }
        String formatOneToken = text(position, "taskToken");
        return formatOneToken == null ? null : new Position.Task(formatOneToken, true,
                instant(position, "taskDeadline"), instant(position, "heartbeatDeadline"), null);
    }

    private static ObjectNode branches(Position.Branches branches) {
        ObjectNode node = Json.object();
        ArrayNode results = node.putArray("results");
        branches.results().forEach((index, output) -> results.addObject().put("index", index).set("output", output));
        ArrayNode running = node.putArray("running");
        branches.running().forEach((index, branch) -> {
            ObjectNode entry = running.addObject();
            entry.put("index", index);
            entry.set("input", branch.input());
            entry.set("position", toJson(branch.position()));
        });
        return node;
    }

    private static Position.Branches readBranches(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        SortedMap<Integer, JsonNode> results = new TreeMap<>();
        node.path("results").forEach(result -> results.put(result.get("index").asInt(), result.get("output")));
        SortedMap<Integer, Position.Branch> running = new TreeMap<>();
        for (JsonNode entry : node.path("running")) {
            Position position = fromJson(entry.get("position"));
            running.put(entry.get("index").asInt(), new Position.Branch(entry.get("input"),
                    position != null ? position : emptyPosition()));
        }
        return new Position.Branches(results, running);
    }

    /** A branch that had started but not yet entered its first state. */
    private static Position emptyPosition() {
        return new Position(null, null, null, List.of(), null, null, null, null, false, null);
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        node.put(field, value == null ? null : value.toString());
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
