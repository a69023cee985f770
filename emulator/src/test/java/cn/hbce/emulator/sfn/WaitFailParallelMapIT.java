package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.sfn.support.SfnHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Wait, Fail, Succeed, Parallel and Map states. */
class WaitFailParallelMapIT {

    private SfnHarness harness;

    @BeforeEach
    void start() {
        harness = new SfnHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String waitMachine(String waitFields) {
        return harness.createMachine("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\"," + waitFields
                + ",\"End\":true}}}");
    }

    @Test
    void waitSecondsUsesTheClock() {
        String arn = harness.start(waitMachine("\"Seconds\":30"), "{\"a\":1}");
        assertEquals(Duration.ofSeconds(30), harness.advanceToNextTimer());
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(json("{\"a\":1}"), json(result.output()));
        assertEquals(List.of("ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"),
                harness.eventTypes(arn));
    }

    @Test
    void waitSecondsPathTimestampAndTimestampPath() {
        String bySeconds = harness.start(waitMachine("\"SecondsPath\":\"$.delay\""), "{\"delay\":90}");
        assertEquals(Duration.ofSeconds(90), harness.advanceToNextTimer());
        harness.awaitEnd(bySeconds);
        String byTimestamp = harness.start(waitMachine("\"Timestamp\":\"2024-05-01T09:00:00Z\""), "{}");
        harness.advanceToNextTimer();
        assertEquals(ExecutionStatus.SUCCEEDED, harness.awaitEnd(byTimestamp).status());
        assertEquals(java.time.Instant.parse("2024-05-01T09:00:00Z"), harness.clock.instant());
        String byPath = harness.start(waitMachine("\"TimestampPath\":\"$.until\""), "{\"until\":\"2024-05-01T10:00:00Z\"}");
        assertEquals(Duration.ofHours(1), harness.advanceToNextTimer());
        assertEquals(ExecutionStatus.SUCCEEDED, harness.awaitEnd(byPath).status());
        String past = harness.start(waitMachine("\"Timestamp\":\"2020-01-01T00:00:00Z\""), "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, harness.awaitEnd(past).status());
    }

    @Test
    void badSecondsPathFailsWithStatesRuntime() {
        assertEquals("States.Runtime", harness.awaitEnd(harness.start(waitMachine("\"SecondsPath\":\"$.delay\""),
                "{\"delay\":\"soon\"}")).error());
    }

    @Test
    void failStateWithStaticAndDynamicErrorAndCause() {
        DescribeExecutionResponse fixed = harness.run("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
                + "\"Error\":\"ErrorA\",\"Cause\":\"Kaiju attack\"}}}", "{}");
        assertEquals("ErrorA", fixed.error());
        assertEquals("Kaiju attack", fixed.cause());
        DescribeExecutionResponse dynamic = harness.run("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
                + "\"ErrorPath\":\"$.code\",\"CausePath\":\"States.Format('User {} rejected', $.user)\"}}}",
                "{\"code\":\"Rejected\",\"user\":\"bob\"}");
        assertEquals("Rejected", dynamic.error());
        assertEquals("User bob rejected", dynamic.cause());
    }

    @Test
    void parallelRunsBranchesOnTheSameInputAndCollectsOutputsInOrder() {
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\","
                + "\"Branches\":["
                + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$.x\",\"End\":true}}},"
                + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Wait\",\"Seconds\":5,\"Next\":\"B2\"},"
                + "\"B2\":{\"Type\":\"Pass\",\"Result\":\"late\",\"End\":true}}}],"
                + "\"ResultSelector\":{\"first.$\":\"$[0]\",\"second.$\":\"$[1]\"},\"ResultPath\":\"$.out\",\"End\":true}}}"),
                "{\"x\":7}");
        harness.advanceToNextTimer();
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(json("{\"x\":7,\"out\":{\"first\":7,\"second\":\"late\"}}"), json(result.output()));
        List<String> types = harness.eventTypes(arn);
        assertEquals("ParallelStateEntered", types.get(1));
        assertEquals("ParallelStateStarted", types.get(2));
        assertTrue(types.containsAll(List.of("ParallelStateSucceeded", "ParallelStateExited")));
    }

    @Test
    void failingBranchFailsTheParallelAndCanBeCaught() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\","
                + "\"Branches\":["
                + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Fail\",\"Error\":\"Broken\",\"Cause\":\"b\"}}},"
                + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Wait\",\"Seconds\":1000,\"End\":true}}}],"
                + "\"Catch\":[{\"ErrorEquals\":[\"Broken\"],\"Next\":\"Recovered\"}],\"End\":true},"
                + "\"Recovered\":{\"Type\":\"Pass\",\"End\":true}}}", "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("{\"Error\":\"Broken\",\"Cause\":\"b\"}"), json(result.output()));
    }

    @Test
    void mapAppliesItemSelectorWithContextAndCollectsResults() {
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                + "\"ItemsPath\":\"$.items\",\"MaxConcurrency\":2,"
                + "\"ItemSelector\":{\"index.$\":\"$$.Map.Item.Index\",\"value.$\":\"$$.Map.Item.Value\",\"tag.$\":\"$.tag\"},"
                + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"INLINE\"},\"StartAt\":\"I\",\"States\":{"
                + "\"I\":{\"Type\":\"Pass\",\"Parameters\":{\"s.$\":\"States.Format('{}-{}-{}', $.tag, $.index, $.value)\"},"
                + "\"OutputPath\":\"$.s\",\"End\":true}}},\"ResultPath\":\"$.results\",\"End\":true}}}"),
                "{\"tag\":\"t\",\"items\":[\"a\",\"b\",\"c\"]}");
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(json("[\"t-0-a\",\"t-1-b\",\"t-2-c\"]"), json(result.output()).get("results"));
        List<String> types = harness.eventTypes(arn);
        assertEquals(3, types.stream().filter("MapIterationStarted"::equals).count());
        assertEquals(3, types.stream().filter("MapIterationSucceeded"::equals).count());
        assertEquals(Integer.valueOf(3), harness.history(arn).get(2).mapStateStartedEventDetails().length());
    }

    @Test
    void legacyIteratorAndParametersStillWork() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                + "\"Parameters\":{\"v.$\":\"$$.Map.Item.Value\"},\"Iterator\":{\"StartAt\":\"I\",\"States\":{"
                + "\"I\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}", "[1,2]");
        assertEquals(json("[{\"v\":1},{\"v\":2}]"), json(result.output()));
    }

    @Test
    void mapRespectsMaxConcurrency() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        harness.lambdas.on("work", event -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return event;
        });
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                + "\"MaxConcurrency\":3,\"ItemProcessor\":{\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:work\",\"End\":true}}},\"End\":true}}}",
                "[1,2,3,4,5,6,7,8,9,10]");
        assertEquals(json("[1,2,3,4,5,6,7,8,9,10]"), json(result.output()));
        assertTrue(peak.get() <= 3 && peak.get() >= 2, "peak concurrency " + peak.get());
    }

    @Test
    void failedIterationFailsTheMapAndNonArrayItemsAreRuntimeErrors() {
        DescribeExecutionResponse failed = harness.run("{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                + "\"ItemProcessor\":{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":["
                + "{\"Variable\":\"$\",\"NumericEquals\":2,\"Next\":\"F\"}],\"Default\":\"S\"},"
                + "\"F\":{\"Type\":\"Fail\",\"Error\":\"Two\"},\"S\":{\"Type\":\"Succeed\"}}},\"End\":true}}}", "[1,2,3]");
        assertEquals("Two", failed.error());
        DescribeExecutionResponse notArray = harness.run("{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                + "\"ItemProcessor\":{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}},\"End\":true}}}",
                "{\"not\":\"array\"}");
        assertEquals("States.Runtime", notArray.error());
    }

    @Test
    void executionTimeoutSecondsTimesTheExecutionOut() {
        String arn = harness.start(harness.createMachine("{\"TimeoutSeconds\":10,\"StartAt\":\"W\",\"States\":{"
                + "\"W\":{\"Type\":\"Wait\",\"Seconds\":100,\"End\":true}}}"), "{}");
        SfnHarness.waitFor(() -> harness.service.pendingTimers().size() == 2, "both timers");
        harness.clock.advance(Duration.ofSeconds(10));
        DescribeExecutionResponse result = harness.awaitEnd(arn);
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
        assertEquals("ExecutionTimedOut", harness.eventTypes(arn).get(harness.eventTypes(arn).size() - 1));
    }
}
