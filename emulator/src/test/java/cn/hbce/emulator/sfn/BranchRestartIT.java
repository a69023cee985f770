package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.emulator.sfn.support.RestartableSfn;
import cn.hbce.emulator.sfn.support.RestartableSfn.Instance;
import cn.hbce.emulator.sfn.support.SfnHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Executions stopped inside Parallel branches and Map iterations continue there after a restart. */
class BranchRestartIT {

    @TempDir
    Path dataDir;

    private RestartableSfn sfn;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        sfn = new RestartableSfn(dataDir);
        sfn.lambdas.on("askDecision", event -> {
            tokens.put(event.path("key").asText(), event.path("token").asText());
            return json("{}");
        });
    }

    private static final String MAP_OF_APPROVALS = """
            {"StartAt":"Approvals","States":{"Approvals":{"Type":"Map","ItemsPath":"$.items",
              "ItemProcessor":{"StartAt":"Decide","States":{"Decide":{"Type":"Task",
                "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters":{"FunctionName":"askDecision","Payload":{"key.$":"$","token.$":"$$.Task.Token"}},
                "End":true}}},
              "ResultPath":"$.decisions","End":true}}}""";

    @Test
    void mapIterationsWaitingOnTokensCompleteWithTheirOriginalTokensAfterARestart() {
        String executionArn;
        try (Instance first = sfn.start()) {
            executionArn = first.startExecution(MAP_OF_APPROVALS, "{\"items\":[\"a\",\"b\",\"c\"]}");
            first.awaitEvents(executionArn, "TaskSubmitted", 3);
            first.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("a")).output("{\"ok\":\"a\"}"));
            first.awaitEvents(executionArn, "MapIterationSucceeded", 1);
        }

        try (Instance second = sfn.start()) {
            assertEquals(ExecutionStatus.RUNNING, second.describe(executionArn).status());
            assertEquals(2, second.service.waitingTaskCount());
            assertThrows(TaskTimedOutException.class,
                    () -> second.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("a")).output("{}")));
            second.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("c")).output("{\"ok\":\"c\"}"));
            second.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("b")).output("{\"ok\":\"b\"}"));
            DescribeExecutionResponse result = second.awaitEnd(executionArn);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(json("[{\"ok\":\"a\"},{\"ok\":\"b\"},{\"ok\":\"c\"}]"), json(result.output()).get("decisions"));
            assertEquals(3, sfn.lambdas.calls("askDecision").size());
            assertEquals(3, second.count(executionArn, "MapIterationStarted"));
            assertEquals(3, second.count(executionArn, "MapIterationSucceeded"));
            assertEquals(1, second.count(executionArn, "MapStateStarted"));
            assertEquals(0, second.service.waitingTaskCount());
        }
    }

    /** Stages run one after another; within a stage every deciding org decides, as in the approval workflow. */
    private static final String STAGES_OF_DECIDERS = """
            {"StartAt":"Stages","States":{
              "Stages":{"Type":"Map","ItemsPath":"$.stages","MaxConcurrency":1,
                "ItemProcessor":{"StartAt":"Deciders","States":{"Deciders":{"Type":"Map","ItemsPath":"$.orgs",
                  "ItemSelector":{"stage.$":"$.name","org.$":"$$.Map.Item.Value"},
                  "ItemProcessor":{"StartAt":"Decide","States":{"Decide":{"Type":"Task",
                    "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                    "Parameters":{"FunctionName":"askDecision",
                      "Payload":{"key.$":"States.Format('{}/{}', $.stage, $.org)","token.$":"$$.Task.Token"}},
                    "ResultSelector":{"org.$":"$.org","approved.$":"$.approved"},
                    "End":true}}},
                  "End":true}}},
                "Catch":[{"ErrorEquals":["Rejected"],"ResultPath":"$.rejection","Next":"Rejected"}],
                "ResultPath":"$.decisions","Next":"Approved"},
              "Approved":{"Type":"Pass","Result":"approved","ResultPath":"$.outcome","End":true},
              "Rejected":{"Type":"Pass","Result":"rejected","ResultPath":"$.outcome","End":true}}}""";

    private static final String TWO_STAGES = "{\"stages\":[{\"name\":\"review\",\"orgs\":[\"hr\",\"it\"]},"
            + "{\"name\":\"final\",\"orgs\":[\"board\",\"audit\"]}]}";

    private static String decision(String org, boolean approved) {
        return "{\"org\":\"" + org + "\",\"approved\":" + approved + "}";
    }

    @Test
    void nestedMapOfDecidersCompletesAcrossARestart() {
        String executionArn;
        try (Instance first = sfn.start()) {
            executionArn = first.startExecution(STAGES_OF_DECIDERS, TWO_STAGES);
            first.awaitEvents(executionArn, "TaskSubmitted", 2);
            first.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("review/hr")).output(decision("hr", true)));
            first.awaitEvents(executionArn, "MapIterationSucceeded", 1);
        }

        try (Instance second = sfn.start()) {
            assertEquals(1, second.service.waitingTaskCount());
            second.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("review/it")).output(decision("it", true)));
            second.awaitEvents(executionArn, "TaskSubmitted", 4);
            second.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("final/board")).output(decision("board", true)));
            second.awaitEvents(executionArn, "MapIterationSucceeded", 4);
        }

        try (Instance third = sfn.start()) {
            third.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("final/audit")).output(decision("audit", true)));
            DescribeExecutionResponse result = third.awaitEnd(executionArn);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(json("[[" + decision("hr", true) + "," + decision("it", true) + "],["
                    + decision("board", true) + "," + decision("audit", true) + "]]"),
                    json(result.output()).get("decisions"));
            assertEquals("approved", json(result.output()).get("outcome").asText());
            assertEquals(List.of("final/audit", "final/board", "review/hr", "review/it"),
                    sfn.lambdas.calls("askDecision").stream().map(c -> c.payload().path("key").asText()).sorted().toList());
        }
    }

    @Test
    void taskFailureSentAfterARestartIsCaughtByTheOuterMap() {
        String executionArn;
        try (Instance first = sfn.start()) {
            executionArn = first.startExecution(STAGES_OF_DECIDERS, TWO_STAGES);
            first.awaitEvents(executionArn, "TaskSubmitted", 2);
            first.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("review/hr")).output(decision("hr", true)));
            first.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("review/it")).output(decision("it", true)));
            first.awaitEvents(executionArn, "TaskSubmitted", 4);
            first.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("final/board")).output(decision("board", true)));
            first.awaitEvents(executionArn, "MapIterationSucceeded", 4);
        }

        try (Instance second = sfn.start()) {
            assertEquals(1, second.service.waitingTaskCount());
            second.sfn.sendTaskFailure(b -> b.taskToken(tokens.get("final/audit")).error("Rejected")
                    .cause("audit found a problem"));
            DescribeExecutionResponse result = second.awaitEnd(executionArn);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals("rejected", json(result.output()).get("outcome").asText());
            assertEquals(json("{\"Error\":\"Rejected\",\"Cause\":\"audit found a problem\"}"),
                    json(result.output()).get("rejection"));
            assertEquals(4, sfn.lambdas.calls("askDecision").size());
            assertEquals(2, second.count(executionArn, "MapStateFailed"));
        }
    }

    private static final String PARALLEL_WITH_WAIT = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","Branches":[
              {"StartAt":"Count","States":{"Count":{"Type":"Task",
                "Resource":"arn:aws:lambda:us-east-1:000000000000:function:count","End":true}}},
              {"StartAt":"Cool","States":{"Cool":{"Type":"Wait","Seconds":300,"Next":"Late"},
                "Late":{"Type":"Pass","Result":"late","End":true}}}],
              "End":true}}}""";

    @Test
    void parallelWaitResumesAtItsDueTimeAndTheFinishedBranchIsNotRunAgain() {
        AtomicInteger counted = new AtomicInteger();
        sfn.lambdas.on("count", event -> json("{\"counted\":" + counted.incrementAndGet() + "}"));
        Instant due = sfn.clock.instant().plusSeconds(300);
        String executionArn;
        try (Instance first = sfn.start()) {
            executionArn = first.startExecution(PARALLEL_WITH_WAIT, "{}");
            first.awaitEvents(executionArn, "TaskStateExited", 1);
            first.awaitEvents(executionArn, "WaitStateEntered", 1);
        }

        sfn.clock.advance(Duration.ofSeconds(100));
        try (Instance second = sfn.start()) {
            SfnHarness.waitFor(() -> second.service.pendingTimers().contains(due), "the restored wait timer");
            assertEquals(List.of(due), second.service.pendingTimers());
            sfn.clock.set(due);
            DescribeExecutionResponse result = second.awaitEnd(executionArn);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(json("[{\"counted\":1},\"late\"]"), json(result.output()));
            assertEquals(1, sfn.lambdas.calls("count").size());
            assertEquals(1, second.count(executionArn, "TaskStateEntered"));
            assertEquals(1, second.count(executionArn, "WaitStateExited"));
        }
    }

    private static final String PARALLEL_WITH_RETRY = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","Branches":[
              {"StartAt":"Count","States":{"Count":{"Type":"Task",
                "Resource":"arn:aws:lambda:us-east-1:000000000000:function:count","End":true}}},
              {"StartAt":"Flaky","States":{"Flaky":{"Type":"Task",
                "Resource":"arn:aws:lambda:us-east-1:000000000000:function:flaky",
                "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":30,"BackoffRate":2,"MaxAttempts":3}],
                "End":true}}}],
              "End":true}}}""";

    @Test
    void retryBackoffInsideAParallelResumesAtItsDueTime() {
        AtomicInteger flakyCalls = new AtomicInteger();
        sfn.lambdas.on("count", event -> json("{\"counted\":true}"));
        sfn.lambdas.on("flaky", event -> {
            if (flakyCalls.incrementAndGet() < 3) {
                throw new LambdaInvocationException("Busy", "try later");
            }
            return json("\"done\"");
        });
        String executionArn;
        Instant secondRetry;
        try (Instance first = sfn.start()) {
            executionArn = first.startExecution(PARALLEL_WITH_RETRY, "{}");
            first.awaitEvents(executionArn, "LambdaFunctionFailed", 1);
            SfnHarness.waitFor(() -> !first.service.pendingTimers().isEmpty(), "the first retry timer");
            sfn.clock.set(first.service.pendingTimers().get(0));
            first.awaitEvents(executionArn, "LambdaFunctionFailed", 2);
            first.awaitEvents(executionArn, "TaskStateExited", 1);
            SfnHarness.waitFor(() -> !first.service.pendingTimers().isEmpty(), "the second retry timer");
            secondRetry = first.service.pendingTimers().get(0);
            assertEquals(sfn.clock.instant().plusSeconds(60), secondRetry);
        }

        try (Instance second = sfn.start()) {
            SfnHarness.waitFor(() -> second.service.pendingTimers().contains(secondRetry), "the restored retry timer");
            sfn.clock.set(secondRetry);
            DescribeExecutionResponse result = second.awaitEnd(executionArn);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(json("[{\"counted\":true},\"done\"]"), json(result.output()));
            assertEquals(3, sfn.lambdas.calls("flaky").size());
            assertEquals(1, sfn.lambdas.calls("count").size());
            assertEquals(List.of(secondRetry), sfn.lambdas.calls("flaky").subList(2, 3).stream()
                    .map(call -> call.at()).toList());
        }
    }

    private static final String MAP_WITH_TASK_TIMEOUT = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map",
              "ItemProcessor":{"StartAt":"Decide","States":{"Decide":{"Type":"Task",
                "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters":{"FunctionName":"askDecision","Payload":{"key.$":"$","token.$":"$$.Task.Token"}},
                "TimeoutSeconds":3600,
                "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"Expired"}],"End":true},
                "Expired":{"Type":"Pass","Result":"expired","End":true}}},
              "End":true}}}""";

    @Test
    void taskTimeoutInsideAMapFiresAtItsOriginalDeadlineAfterARestart() {
        Instant deadline = sfn.clock.instant().plusSeconds(3600);
        String executionArn;
        try (Instance first = sfn.start()) {
            executionArn = first.startExecution(MAP_WITH_TASK_TIMEOUT, "[\"x\"]");
            first.awaitEvents(executionArn, "TaskSubmitted", 1);
            assertEquals(List.of(deadline), first.service.pendingTimers());
            sfn.clock.advance(Duration.ofSeconds(1000));
        }

        sfn.clock.advance(Duration.ofSeconds(1000));
        try (Instance second = sfn.start()) {
            SfnHarness.waitFor(() -> second.service.pendingTimers().contains(deadline), "the restored task deadline");
            assertEquals(List.of(deadline), second.service.pendingTimers());
            assertEquals(ExecutionStatus.RUNNING, second.describe(executionArn).status());
            sfn.clock.set(deadline);
            DescribeExecutionResponse result = second.awaitEnd(executionArn);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(json("[\"expired\"]"), json(result.output()));
            assertEquals(deadline, second.history(executionArn).stream()
                    .filter(e -> e.typeAsString().equals("TaskTimedOut")).findFirst().orElseThrow().timestamp());
            assertThrows(TaskTimedOutException.class,
                    () -> second.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get("x")).output("{}")));
            assertEquals(1, sfn.lambdas.calls("askDecision").size());
        }
    }
}
