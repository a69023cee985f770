package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.sfn.support.SfnHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Retry timing on the manual clock: the delay sequence, MaxAttempts, MaxDelaySeconds and jitter. */
class RetryIT {

    private SfnHarness harness;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void start() {
        harness = new SfnHarness();
        harness.lambdas.on("flaky", event -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new LambdaInvocationException("Transient", "try again");
            }
            return json("{\"ok\":true,\"retry\":" + event.path("retry").asInt() + "}");
        });
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String machine(String retry) {
        return harness.createMachine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:flaky\","
                + "\"Parameters\":{\"retry.$\":\"$$.State.RetryCount\"},"
                + "\"Retry\":[" + retry + "],\"End\":true}}}");
    }

    private List<Duration> delaysUntilEnd(String executionArn, int expectedRetries) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < expectedRetries; i++) {
            int callsBefore = i + 1;
            SfnHarness.waitFor(() -> harness.lambdas.calls("flaky").size() == callsBefore, "call " + callsBefore);
            delays.add(harness.advanceToNextTimer());
        }
        harness.awaitEnd(executionArn);
        return delays;
    }

    @Test
    void backoffRateMultipliesTheIntervalAndMaxDelayCapsIt() {
        failuresLeft.set(4);
        String arn = harness.start(machine("{\"ErrorEquals\":[\"Transient\"],\"IntervalSeconds\":2,"
                + "\"BackoffRate\":2.0,\"MaxAttempts\":5,\"MaxDelaySeconds\":10}"), "{}");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10)),
                delaysUntilEnd(arn, 4));
        DescribeExecutionResponse result = harness.describe(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("{\"ok\":true,\"retry\":4}"), json(result.output()));
        List<java.time.Instant> callTimes = harness.lambdas.calls("flaky").stream().map(c -> c.at()).toList();
        assertEquals(Duration.ofSeconds(24), Duration.between(callTimes.get(0), callTimes.get(4)));
    }

    @Test
    void defaultsAreOneSecondBackoffTwoAndThreeAttempts() {
        failuresLeft.set(10);
        String arn = harness.start(machine("{\"ErrorEquals\":[\"States.ALL\"]}"), "{}");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), delaysUntilEnd(arn, 3));
        DescribeExecutionResponse result = harness.describe(arn);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("Transient", result.error());
        assertEquals(4, harness.lambdas.calls("flaky").size());
    }

    @Test
    void fractionalBackoffRate() {
        failuresLeft.set(2);
        String arn = harness.start(machine("{\"ErrorEquals\":[\"Transient\"],\"IntervalSeconds\":4,"
                + "\"BackoffRate\":1.5}"), "{}");
        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(6)), delaysUntilEnd(arn, 2));
    }

    @Test
    void maxAttemptsZeroNeverRetriesAndNonMatchingErrorsAreNotRetried() {
        failuresLeft.set(1);
        DescribeExecutionResponse zero = harness.awaitEnd(harness.start(
                machine("{\"ErrorEquals\":[\"Transient\"],\"MaxAttempts\":0}"), "{}"));
        assertEquals("Transient", zero.error());
        failuresLeft.set(1);
        DescribeExecutionResponse other = harness.awaitEnd(harness.start(
                machine("{\"ErrorEquals\":[\"SomethingElse\"]}"), "{}"));
        assertEquals("Transient", other.error());
        assertEquals(2, harness.lambdas.calls("flaky").size());
    }

    @Test
    void fullJitterWaitsAtMostTheComputedDelay() {
        failuresLeft.set(3);
        String arn = harness.start(machine("{\"ErrorEquals\":[\"Transient\"],\"IntervalSeconds\":3,"
                + "\"JitterStrategy\":\"FULL\"}"), "{}");
        List<Duration> delays = delaysUntilEnd(arn, 3);
        assertTrue(delays.get(0).compareTo(Duration.ofSeconds(3)) <= 0, delays.toString());
        assertTrue(delays.get(1).compareTo(Duration.ofSeconds(6)) <= 0, delays.toString());
        assertTrue(delays.get(2).compareTo(Duration.ofSeconds(12)) <= 0, delays.toString());
        assertEquals(ExecutionStatus.SUCCEEDED, harness.describe(arn).status());
    }

    @Test
    void retriersCountSeparatelyAndTheFirstMatchingOneApplies() {
        failuresLeft.set(3);
        String arn = harness.start(machine("{\"ErrorEquals\":[\"Transient\"],\"IntervalSeconds\":7,\"MaxAttempts\":1},"
                + "{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":1}"), "{}");
        SfnHarness.waitFor(() -> harness.lambdas.calls("flaky").size() == 1, "first call");
        assertEquals(Duration.ofSeconds(7), harness.advanceToNextTimer());
        harness.awaitEnd(arn);
        assertEquals("Transient", harness.describe(arn).error());
    }
}
