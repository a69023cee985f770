package cn.hbce.emulator.sfn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStateMachineTest {

    private static String file(String name) throws Exception {
        return Path.of(RunStateMachineTest.class.getResource("/sfn/cli/" + name).toURI()).toString();
    }

    @Test
    void runsADefinitionWithCannedResultsAndPrintsOutputAndHistory() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RunStateMachine.run(new String[] {"--definition", file("approval.asl.json"), "--input",
                file("input.json"), "--lambda-results", file("results.json")},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        JsonNode report = Json.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, code, report.toString());
        assertEquals("SUCCEEDED", report.get("status").asText());
        assertEquals(Json.parse("{\"id\":\"req-1\",\"validation\":{\"valid\":true},\"decision\":{\"approved\":true}}"),
                report.get("output"));
        List<String> types = new ArrayList<>();
        report.get("history").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(1, types.stream().filter("TaskFailed"::equals).count(), types.toString());
        assertEquals(2, types.stream().filter("TaskSucceeded"::equals).count(), types.toString());
        assertTrue(types.containsAll(List.of("TaskSubmitted", "WaitStateExited", "ExecutionSucceeded")), types.toString());
    }

    @Test
    void badArgumentsExitWithTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, RunStateMachine.run(new String[] {"--definition"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
    }
}
