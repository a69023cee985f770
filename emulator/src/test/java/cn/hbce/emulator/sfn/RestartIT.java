package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.emulator.sfn.support.FakeLambdas;
import cn.hbce.emulator.sfn.support.SfnHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Executions saved in a data directory continue after close() and a new start(). */
class RestartIT {

    @TempDir
    Path dataDir;

    private static final String DEFINITION = "{\"StartAt\":\"Approve\",\"States\":{"
            + "\"Approve\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
            + "\"Parameters\":{\"FunctionName\":\"notify\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},"
            + "\"HeartbeatSeconds\":600,\"ResultPath\":\"$.decision\",\"Next\":\"Cool\"},"
            + "\"Cool\":{\"Type\":\"Wait\",\"Seconds\":60,\"Next\":\"Done\"},"
            + "\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";

    private StepFunctionsLocal start(ManualClock clock, FakeLambdas lambdas) {
        return StepFunctionsLocal.start(StepFunctionsLocalConfig.builder()
                .clock(clock).lambdaInvoker(lambdas).dataDir(dataDir).build());
    }

    @Test
    void waitingTokenAndWaitTimerSurviveARestart() {
        ManualClock clock = ManualClock.startingAt("2024-05-01T08:00:00Z");
        Map<String, String> tokens = new ConcurrentHashMap<>();
        FakeLambdas lambdas = new FakeLambdas(clock).on("notify", event -> {
            tokens.put("t", event.path("token").asText());
            return json("{}");
        });
        String executionArn;
        String machineArn;
        try (StepFunctionsLocal first = start(clock, lambdas); SfnClient sfn = SfnHarness.client(first)) {
            machineArn = sfn.createStateMachine(b -> b.name("approvals").definition(DEFINITION)
                    .roleArn(SfnHarness.ROLE)).stateMachineArn();
            executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("req-1")
                    .input("{\"id\":1}")).executionArn();
            SfnHarness.waitFor(() -> tokens.containsKey("t") && first.waitingTaskCount() == 1, "the waiting task");
        }

        clock.advance(Duration.ofSeconds(300));
        try (StepFunctionsLocal second = start(clock, lambdas); SfnClient sfn = SfnHarness.client(second)) {
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(executionArn)).status());
            sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("t")).output("{\"approved\":true}"));
            SfnHarness.waitFor(() -> sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                    .anyMatch(e -> e.typeAsString().equals("WaitStateEntered")), "the Wait state");
            SfnHarness.waitFor(() -> !second.pendingTimers().isEmpty(), "the wait timer");
        }

        try (StepFunctionsLocal third = start(clock, lambdas); SfnClient sfn = SfnHarness.client(third)) {
            SfnHarness.waitFor(() -> !third.pendingTimers().isEmpty(), "the restored wait timer");
            assertEquals(clock.instant().plusSeconds(60), third.pendingTimers().get(0));
            clock.advance(Duration.ofSeconds(60));
            SfnHarness.waitFor(() -> sfn.describeExecution(b -> b.executionArn(executionArn)).status()
                    != ExecutionStatus.RUNNING, "the end");
            DescribeExecutionResponse result = sfn.describeExecution(b -> b.executionArn(executionArn));
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(json("{\"id\":1,\"decision\":{\"approved\":true}}"), json(result.output()));
            assertEquals(1, lambdas.calls("notify").size());
            List<String> types = sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                    .map(e -> e.typeAsString()).toList();
            assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                    "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "WaitStateEntered", "WaitStateExited",
                    "PassStateEntered", "PassStateExited", "ExecutionSucceeded"), types);
            assertEquals(machineArn, sfn.listStateMachines().stateMachines().get(0).stateMachineArn());
        }
    }
}
