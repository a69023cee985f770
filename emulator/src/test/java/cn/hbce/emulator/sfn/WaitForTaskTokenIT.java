package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.emulator.sfn.support.SfnHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Callback tasks: tokens are handed to the function and completed through the API. */
class WaitForTaskTokenIT {

    private SfnHarness harness;
    private final Map<String, String> tokensByRequest = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        harness = new SfnHarness();
        harness.lambdas.on("requestApproval", event -> {
            tokensByRequest.put(event.path("request").asText(), event.path("token").asText());
            return json("{\"queued\":true}");
        });
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String approvalMachine(String extraTaskFields) {
        return harness.createMachine("{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
                + "\"Parameters\":{\"FunctionName\":\"requestApproval\",\"Payload\":{\"request.$\":\"$.id\","
                + "\"token.$\":\"$$.Task.Token\"}}," + extraTaskFields
                + "\"ResultPath\":\"$.decision\",\"End\":true}}}");
    }

    private String tokenFor(String request) {
        SfnHarness.waitFor(() -> tokensByRequest.containsKey(request), "token of " + request);
        SfnHarness.waitFor(() -> harness.service.waitingTaskCount() > 0, "the task to wait");
        return tokensByRequest.get(request);
    }

    @Test
    void sendTaskSuccessCompletesTheTaskWithItsOutput() {
        String arn = harness.start(approvalMachine(""), "{\"id\":\"r1\"}");
        String token = tokenFor("r1");
        assertEquals(ExecutionStatus.RUNNING, harness.describe(arn).status());
        harness.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("{\"id\":\"r1\",\"decision\":{\"approved\":true}}"), json(result.output()));
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
                "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"), harness.eventTypes(arn));
        assertEquals("invoke.waitForTaskToken",
                harness.history(arn).get(2).taskScheduledEventDetails().resource());
    }

    @Test
    void sendTaskFailureFailsTheTaskWithTheGivenError() {
        String arn = harness.start(approvalMachine(""), "{\"id\":\"r2\"}");
        harness.sfn.sendTaskFailure(b -> b.taskToken(tokenFor("r2")).error("Rejected").cause("by reviewer"));
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("Rejected", result.error());
        assertEquals("by reviewer", result.cause());
        assertEquals("TaskFailed", harness.eventTypes(arn).get(5));
    }

    @Test
    void missingHeartbeatFailsWithHeartbeatTimeoutAndHeartbeatsKeepItAlive() {
        String arn = harness.start(approvalMachine("\"HeartbeatSeconds\":10,\"TimeoutSeconds\":100,"), "{\"id\":\"r3\"}");
        String token = tokenFor("r3");
        harness.clock.advance(Duration.ofSeconds(8));
        harness.sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        harness.clock.advance(Duration.ofSeconds(8));
        assertEquals(ExecutionStatus.RUNNING, harness.describe(arn).status());
        harness.clock.advance(Duration.ofSeconds(3));
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.HeartbeatTimeout", result.error());
        assertEquals("TaskTimedOut", harness.eventTypes(arn).get(5));
        assertThrows(TaskTimedOutException.class, () -> harness.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
    }

    @Test
    void taskTimeoutFailsWithStatesTimeoutAndCanBeCaught() {
        String machine = harness.createMachine("{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
                + "\"Parameters\":{\"FunctionName\":\"requestApproval\",\"Payload\":{\"request.$\":\"$.id\","
                + "\"token.$\":\"$$.Task.Token\"}},\"TimeoutSeconds\":3600,"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.Timeout\"],\"Next\":\"Expired\"}],\"End\":true},"
                + "\"Expired\":{\"Type\":\"Pass\",\"Result\":\"expired\",\"End\":true}}}");
        String arn = harness.start(machine, "{\"id\":\"r4\"}");
        String token = tokenFor("r4");
        assertEquals(Duration.ofHours(1), harness.advanceToNextTimer());
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("\"expired\""), json(result.output()));
        assertEquals("States.Timeout", harness.history(arn).get(5).taskTimedOutEventDetails().error());
        assertThrows(TaskTimedOutException.class, () -> harness.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
    }

    @Test
    void tokenReusedAfterCompletionIsTimedOutAndGarbageIsInvalid() {
        String arn = harness.start(approvalMachine(""), "{\"id\":\"r5\"}");
        String token = tokenFor("r5");
        harness.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
        harness.awaitEnd(arn);
        assertThrows(TaskTimedOutException.class, () -> harness.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
        assertThrows(TaskTimedOutException.class, () -> harness.sfn.sendTaskFailure(b -> b.taskToken(token)));
        assertThrows(TaskTimedOutException.class, () -> harness.sfn.sendTaskHeartbeat(b -> b.taskToken(token)));
        assertThrows(InvalidTokenException.class, () -> harness.sfn.sendTaskSuccess(b -> b.taskToken("not-a-token")
                .output("{}")));
    }

    @Test
    void stoppingTheExecutionEndsTheWaitAndTheToken() {
        String arn = harness.start(approvalMachine(""), "{\"id\":\"r6\"}");
        String token = tokenFor("r6");
        harness.sfn.stopExecution(b -> b.executionArn(arn).error("Cancelled").cause("withdrawn"));
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertEquals("ExecutionAborted", harness.eventTypes(arn).get(harness.eventTypes(arn).size() - 1));
        SfnHarness.waitFor(() -> harness.service.waitingTaskCount() == 0, "the token to be released");
        assertThrows(TaskTimedOutException.class, () -> harness.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
    }

    @Test
    void aHundredExecutionsWaitAtOnceAndAllComplete() {
        String machine = approvalMachine("");
        List<String> executions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            executions.add(harness.start(machine, "{\"id\":\"bulk-" + i + "\"}"));
        }
        SfnHarness.waitFor(() -> harness.service.waitingTaskCount() == 100, "100 waiting tasks");
        for (int i = 0; i < 100; i++) {
            String token = tokensByRequest.get("bulk-" + i);
            int n = i;
            harness.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"n\":" + n + "}"));
        }
        for (int i = 0; i < 100; i++) {
            DescribeExecutionResponse result = harness.awaitEnd(executions.get(i));
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            JsonAssert.fieldEquals(result.output(), "/decision/n", String.valueOf(i));
        }
    }
}
