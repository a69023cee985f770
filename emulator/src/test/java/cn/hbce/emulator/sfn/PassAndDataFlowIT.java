package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.emulator.sfn.support.SfnHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Pass states and the InputPath → Parameters → ResultSelector → ResultPath → OutputPath pipeline. */
class PassAndDataFlowIT {

    private static SfnHarness harness;

    @BeforeAll
    static void start() {
        harness = new SfnHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static DescribeExecutionResponse pass(String stateFields, String input) {
        return harness.run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\"," + stateFields
                + (stateFields.isEmpty() ? "" : ",") + "\"End\":true}}}", input);
    }

    @Test
    void passWithoutFieldsCopiesInputToOutput() {
        DescribeExecutionResponse result = pass("", "{\"a\":1}");
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("{\"a\":1}"), json(result.output()));
    }

    @Test
    void resultReplacesInputAtResultPath() {
        // The specification's example: Result placed at $.coords in the input.
        DescribeExecutionResponse result = pass(
                "\"Result\":{\"x-datum\":0.381018,\"y-datum\":622.2269926397355},\"ResultPath\":\"$.coords\"",
                "{\"georefOf\":\"Home\"}");
        assertEquals(json("{\"georefOf\":\"Home\",\"coords\":{\"x-datum\":0.381018,\"y-datum\":622.2269926397355}}"),
                json(result.output()));
    }

    @Test
    void resultPathNullDiscardsResult() {
        assertEquals(json("{\"a\":1}"), json(pass("\"Result\":\"x\",\"ResultPath\":null", "{\"a\":1}").output()));
    }

    @Test
    void resultPathCreatesMissingObjects() {
        assertEquals(json("{\"a\":1,\"b\":{\"c\":{\"d\":true}}}"),
                json(pass("\"Result\":true,\"ResultPath\":\"$.b.c.d\"", "{\"a\":1}").output()));
    }

    @Test
    void inputPathAndOutputPathSelect() {
        DescribeExecutionResponse result = pass("\"InputPath\":\"$.x\",\"OutputPath\":\"$.y\"",
                "{\"x\":{\"y\":[1,2]},\"z\":0}");
        assertEquals(json("[1,2]"), json(result.output()));
    }

    @Test
    void nullInputPathGivesEmptyObject() {
        assertEquals(json("{}"), json(pass("\"InputPath\":null", "{\"a\":1}").output()));
    }

    @Test
    void nullOutputPathGivesEmptyObject() {
        assertEquals(json("{}"), json(pass("\"OutputPath\":null", "{\"a\":1}").output()));
    }

    @Test
    void parametersResolvePathsContextAndIntrinsics() {
        DescribeExecutionResponse result = pass("\"Parameters\":{\"flagged\":true,\"parts\":{\"first.$\":\"$.vals[0]\","
                        + "\"last.$\":\"$.vals[-1:]\"},\"name.$\":\"$$.State.Name\",\"exec.$\":\"$$.Execution.Name\","
                        + "\"text.$\":\"States.Format('Hello, {}!', $.who)\",\"literal\":[\"$.notAPath\"]}",
                "{\"vals\":[0,10,20,30],\"who\":\"Ada\"}");
        JsonAssert.fieldEquals(result.output(), "/flagged", "true");
        JsonAssert.fieldEquals(result.output(), "/parts/first", "0");
        JsonAssert.fieldEquals(result.output(), "/parts/last", "[30]");
        JsonAssert.fieldEquals(result.output(), "/name", "\"P\"");
        JsonAssert.fieldEquals(result.output(), "/exec", "\"" + result.name() + "\"");
        JsonAssert.fieldEquals(result.output(), "/text", "\"Hello, Ada!\"");
        JsonAssert.fieldEquals(result.output(), "/literal", "[\"$.notAPath\"]");
    }

    @Test
    void contextObjectHasExecutionAndStateMachineFields() {
        DescribeExecutionResponse result = pass("\"Parameters\":{\"c.$\":\"$$\"}", "{\"in\":1}");
        JsonAssert.fieldEquals(result.output(), "/c/Execution/Id", "\"" + result.executionArn() + "\"");
        JsonAssert.fieldEquals(result.output(), "/c/Execution/Input", "{\"in\":1}");
        JsonAssert.fieldEquals(result.output(), "/c/Execution/RoleArn", "\"" + SfnHarness.ROLE + "\"");
        JsonAssert.fieldEquals(result.output(), "/c/Execution/StartTime", "\"2024-05-01T08:00:00.000Z\"");
        JsonAssert.fieldEquals(result.output(), "/c/StateMachine/Id", "\"" + result.stateMachineArn() + "\"");
        JsonAssert.fieldEquals(result.output(), "/c/State/RetryCount", "0");
    }

    @Test
    void missingPathFailsWithStatesRuntime() {
        DescribeExecutionResponse result = pass("\"InputPath\":\"$.missing\"", "{\"a\":1}");
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Runtime", result.error());
    }

    @Test
    void missingParameterPathFailsWithStatesRuntime() {
        DescribeExecutionResponse result = pass("\"Parameters\":{\"x.$\":\"$.nope\"}", "{}");
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Runtime", result.error());
    }

    @Test
    void resultPathIntoNonObjectFails() {
        DescribeExecutionResponse result = pass("\"Result\":1,\"ResultPath\":\"$.a.b\"", "{\"a\":\"text\"}");
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.ResultPathMatchFailure", result.error());
    }

    @Test
    void chainOfPassStatesRecordsEnteredAndExitedEvents() {
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"A\",\"States\":{"
                + "\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Succeed\"}}}"), "{}");
        harness.awaitEnd(arn);
        assertEquals(java.util.List.of("ExecutionStarted", "PassStateEntered", "PassStateExited",
                "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"), harness.eventTypes(arn));
    }
}
