package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.sfn.support.SfnHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Lambda tasks: the lambda:invoke integration and plain function ARNs, results, errors and events. */
class TaskLambdaIT {

    private SfnHarness harness;

    @BeforeEach
    void start() {
        harness = new SfnHarness();
        harness.lambdas.on("double", event -> json("{\"value\":" + event.path("value").asInt() * 2 + "}"));
        harness.lambdas.on("boom", event -> {
            throw new LambdaInvocationException("com.example.ApprovalException", "not allowed");
        });
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void lambdaInvokeWrapsThePayloadLikeAws() {
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"double\","
                + "\"Payload.$\":\"$\"},\"End\":true}}}"), "{\"value\":21}");
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        JsonAssert.fieldEquals(result.output(), "/Payload", "{\"value\":42}");
        JsonAssert.fieldEquals(result.output(), "/StatusCode", "200");
        JsonAssert.fieldEquals(result.output(), "/ExecutedVersion", "\"$LATEST\"");
        JsonAssert.fieldEquals(result.output(), "/SdkHttpMetadata/HttpStatusCode", "200");
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
                "TaskStateExited", "ExecutionSucceeded"), harness.eventTypes(arn));
        HistoryEvent scheduled = harness.history(arn).get(2);
        assertEquals("lambda", scheduled.taskScheduledEventDetails().resourceType());
        assertEquals("invoke", scheduled.taskScheduledEventDetails().resource());
        assertEquals("us-east-1", scheduled.taskScheduledEventDetails().region());
        assertEquals(json("{\"FunctionName\":\"double\",\"Payload\":{\"value\":21}}"),
                json(scheduled.taskScheduledEventDetails().parameters()));
        assertEquals(2L, scheduled.previousEventId());
    }

    @Test
    void resultSelectorPicksThePayload() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":"
                + "\"arn:aws:lambda:us-east-1:000000000000:function:double:live\",\"Payload\":{\"value.$\":\"$.n\"}},"
                + "\"ResultSelector\":{\"doubled.$\":\"$.Payload.value\"},\"ResultPath\":\"$.out\",\"End\":true}}}",
                "{\"n\":5}");
        assertEquals(json("{\"n\":5,\"out\":{\"doubled\":10}}"), json(result.output()));
    }

    @Test
    void lambdaArnResourceReturnsTheRawResult() {
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:double\",\"End\":true}}}"),
                "{\"value\":4}");
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(json("{\"value\":8}"), json(result.output()));
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"),
                harness.eventTypes(arn));
    }

    @Test
    void functionErrorUsesTheExceptionTypeAsErrorName() {
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"boom\"},"
                + "\"End\":true}}}"), "{}");
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("com.example.ApprovalException", result.error());
        JsonAssert.fieldEquals(result.cause(), "/errorMessage", "\"not allowed\"");
        assertTrue(harness.eventTypes(arn).contains("TaskFailed"));
    }

    @Test
    void unknownFunctionFailsWithTheServiceError() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:nobody\",\"End\":true}}}", "{}");
        assertEquals("Lambda.ResourceNotFoundException", result.error());
    }

    @Test
    void catchPutsErrorOutputAtResultPathAndContinues() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"boom\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"Other\"],\"Next\":\"Wrong\"},"
                + "{\"ErrorEquals\":[\"States.TaskFailed\"],\"ResultPath\":\"$.err\",\"Next\":\"Handled\"}],"
                + "\"End\":true},\"Wrong\":{\"Type\":\"Fail\"},\"Handled\":{\"Type\":\"Pass\",\"End\":true}}}",
                "{\"keep\":1}");
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        JsonAssert.fieldEquals(result.output(), "/keep", "1");
        JsonAssert.fieldEquals(result.output(), "/err/Error", "\"com.example.ApprovalException\"");
    }

    @Test
    void statesRuntimeIsNeverCaught() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName.$\":\"$.missing\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handled\"}],\"End\":true},"
                + "\"Handled\":{\"Type\":\"Pass\",\"End\":true}}}", "{}");
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Runtime", result.error());
    }

    @Test
    void taskTimeoutFailsWithStatesTimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        harness.lambdas.on("slow", event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json("{}");
        });
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:slow\",\"TimeoutSeconds\":5,"
                + "\"End\":true}}}"), "{}");
        SfnHarness.waitFor(() -> harness.lambdas.calls("slow").size() == 1, "the slow call");
        assertEquals(java.time.Duration.ofSeconds(5), harness.advanceToNextTimer());
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        release.countDown();
        assertEquals("States.Timeout", result.error());
        assertTrue(harness.eventTypes(arn).contains("LambdaFunctionTimedOut"));
    }
}
