package cn.hbce.emulator.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.emulator.sfn.support.SfnHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Step Functions' 256 KiB limit on the data a state passes on: a Map over 100 items of 2 KB that
 * doubles each item produces ~400 KB and fails the execution with States.DataLimitExceeded, which
 * a Catch on States.ALL does not handle; the same Map over 50 items (~200 KB) succeeds.
 */
class DataLimitIT {
    private static final String MACHINE = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\","
            + "\"Iterator\":{\"StartAt\":\"Double\",\"States\":{\"Double\":{\"Type\":\"Pass\","
            + "\"Parameters\":{\"d.$\":\"States.Format('{}{}', $.v, $.v)\"},\"End\":true}}},"
            + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Caught\"}],\"End\":true},"
            + "\"Caught\":{\"Type\":\"Succeed\"}}}";
    private SfnHarness harness;

    @BeforeEach
    void start() {
        harness = new SfnHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String items(int count) {
        String item = "{\"v\":\"" + "x".repeat(2000) + "\"}";
        return "{\"items\":[" + String.join(",", java.util.Collections.nCopies(count, item)) + "]}";
    }

    @Test
    void aStateOutputOverTheLimitFailsTheExecutionWhateverTheCatch() {
        DescribeExecutionResponse result = harness.run(MACHINE, items(100));
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.DataLimitExceeded", result.error());
        assertEquals("The state/task 'M' returned a result with a size exceeding the maximum number of bytes service limit.",
                result.cause());
    }

    @Test
    void anOutputUnderTheLimitPasses() {
        DescribeExecutionResponse result = harness.run(MACHINE, items(50));
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
    }
}
