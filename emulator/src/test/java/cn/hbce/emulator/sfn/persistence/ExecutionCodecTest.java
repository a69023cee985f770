package cn.hbce.emulator.sfn.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.emulator.sfn.ManualClock;
import cn.hbce.emulator.sfn.api.StateMachineRegistry;
import cn.hbce.emulator.sfn.interpreter.Checkpoint;
import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.Position;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExecutionCodecTest {

    private static final ManualClock CLOCK = ManualClock.startingAt("2024-05-01T08:00:00Z");
    private static final String DEFINITION = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
            + "\"ItemProcessor\":{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"End\":true}}},\"End\":true}}}";

    /** A running execution as format 1 saved it: a top-level checkpoint only, with no formatVersion. */
    private static ObjectNode formatOneDocument() throws Exception {
        ObjectNode node = (ObjectNode) Json.parse("""
                {"executionArn":"arn:aws:states:us-east-1:000000000000:execution:m:e1","name":"e1",
                 "stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:m","stateMachineName":"m",
                 "roleArn":"arn:aws:iam::000000000000:role/sfn","input":"[1]","startDate":"2024-05-01T08:00:00Z",
                 "status":"RUNNING","stopDate":null,"output":null,"error":null,"cause":null,
                 "checkpoint":{"stateName":"M","stateInput":[1],"enteredTime":"2024-05-01T08:00:00Z",
                   "retryAttempts":[1],"taskToken":"tok","taskDeadline":"2024-05-01T09:00:00Z",
                   "heartbeatDeadline":"2024-05-01T08:10:00Z","timerDue":null,"timerKind":null},
                 "events":[{"id":1,"previousEventId":0,"timestamp":"2024-05-01T08:00:00Z",
                   "type":"ExecutionStarted","details":{"input":"[1]"}}]}""");
        node.put("definition", DEFINITION);
        return node;
    }

    private static Execution read(JsonNode document) throws Exception {
        return ExecutionCodec.fromJson(document, CLOCK, StateMachineRegistry::parse);
    }

    @Test
    void readsFormatOneWithItsWaitingTaskAsSubmitted() throws Exception {
        Position position = read(formatOneDocument()).checkpoint().snapshot();
        assertEquals("M", position.stateName());
        assertEquals(List.of(1), position.retryAttempts());
        assertEquals(new Position.Task("tok", true, Instant.parse("2024-05-01T09:00:00Z"),
                Instant.parse("2024-05-01T08:10:00Z"), null), position.task());
        assertNull(position.branches());
    }

    @Test
    void writesFormatTwoAndReadsBackTheWholeTree() throws Exception {
        Execution execution = read(formatOneDocument());
        Position waiting = new Position("T", Json.parse("2"), Instant.parse("2024-05-01T08:01:00Z"), List.of(),
                new Position.Task("tok-2", true, null, Instant.parse("2024-05-01T08:11:00Z"), null), null, null, null,
                false, null);
        Position retrying = new Position("T", Json.parse("3"), Instant.parse("2024-05-01T08:01:00Z"), List.of(2), null,
                Instant.parse("2024-05-01T08:05:00Z"), Checkpoint.TimerKind.RETRY, null, false, null);
        Position finished = new Position("T", Json.parse("4"), Instant.parse("2024-05-01T08:01:00Z"), List.of(), null,
                null, null, null, true, Json.parse("null"));
        TreeMap<Integer, Position.Branch> running = new TreeMap<>();
        running.put(1, new Position.Branch(Json.parse("2"), waiting));
        running.put(2, new Position.Branch(Json.parse("3"), retrying));
        running.put(3, new Position.Branch(Json.parse("4"), finished));
        TreeMap<Integer, JsonNode> results = new TreeMap<>();
        results.put(0, Json.parse("{\"ok\":1}"));
        Position tree = new Position("M", Json.parse("[1,2,3,4]"), Instant.parse("2024-05-01T08:00:00Z"), List.of(),
                null, null, null, new Position.Branches(results, running), false, null);
        execution.checkpoint().restore(tree);

        ObjectNode saved = ExecutionCodec.toJson(execution);
        assertEquals(ExecutionCodec.FORMAT_VERSION, saved.get("formatVersion").asInt());
        Execution reread = read(Json.parse(Json.write(saved)));
        assertEquals(tree, reread.checkpoint().snapshot());
        assertEquals(java.util.Set.of("tok-2"), reread.checkpoint().taskTokens());
    }

    @Test
    void refusesAFormatNewerThanItKnows() throws Exception {
        ObjectNode document = formatOneDocument();
        document.put("formatVersion", ExecutionCodec.FORMAT_VERSION + 1);
        assertThrows(IllegalArgumentException.class, () -> read(document));
    }
}
