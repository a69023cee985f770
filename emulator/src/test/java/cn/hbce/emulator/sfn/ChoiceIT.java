package cn.hbce.emulator.sfn;

import static cn.hbce.emulator.sfn.support.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.emulator.sfn.support.SfnHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Choice rules: every operator family, the Path variants, Boolean combinations and type tests. */
class ChoiceIT {

    private static SfnHarness harness;

    @BeforeAll
    static void start() {
        harness = new SfnHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** Runs a Choice with one rule; returns "yes" if it matched, "no" for the Default. */
    private static String decide(String rule, String input) {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                + "\"Choices\":[" + rule.replace("'", "\"").replaceFirst("}$", ",\"Next\":\"Yes\"}") + "],"
                + "\"Default\":\"No\"},\"Yes\":{\"Type\":\"Pass\",\"Result\":\"yes\",\"End\":true},"
                + "\"No\":{\"Type\":\"Pass\",\"Result\":\"no\",\"End\":true}}}", input.replace("'", "\""));
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), () -> result.error() + " " + result.cause());
        return json(result.output()).asText();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "{'Variable':'$.s','StringEquals':'abc'}|{'s':'abc'}|yes",
        "{'Variable':'$.s','StringEquals':'abc'}|{'s':'abd'}|no",
        "{'Variable':'$.s','StringLessThan':'b'}|{'s':'a'}|yes",
        "{'Variable':'$.s','StringGreaterThan':'b'}|{'s':'a'}|no",
        "{'Variable':'$.s','StringLessThanEquals':'a'}|{'s':'a'}|yes",
        "{'Variable':'$.s','StringGreaterThanEquals':'b'}|{'s':'c'}|yes",
        "{'Variable':'$.s','StringMatches':'log-*.txt'}|{'s':'log-2024.txt'}|yes",
        "{'Variable':'$.s','StringMatches':'log-*.txt'}|{'s':'log-2024.csv'}|no",
        "{'Variable':'$.s','StringMatches':'a\\\\*b'}|{'s':'a*b'}|yes",
        "{'Variable':'$.s','StringMatches':'a\\\\*b'}|{'s':'axb'}|no",
        "{'Variable':'$.n','NumericEquals':3}|{'n':3.0}|yes",
        "{'Variable':'$.n','NumericLessThan':3}|{'n':2.5}|yes",
        "{'Variable':'$.n','NumericGreaterThan':3}|{'n':3}|no",
        "{'Variable':'$.n','NumericLessThanEquals':3}|{'n':3}|yes",
        "{'Variable':'$.n','NumericGreaterThanEquals':3}|{'n':4}|yes",
        "{'Variable':'$.n','NumericEquals':3}|{'n':'3'}|no",
        "{'Variable':'$.b','BooleanEquals':true}|{'b':true}|yes",
        "{'Variable':'$.b','BooleanEquals':true}|{'b':'true'}|no",
        "{'Variable':'$.t','TimestampEquals':'2024-01-01T00:00:00Z'}|{'t':'2024-01-01T08:00:00+08:00'}|yes",
        "{'Variable':'$.t','TimestampLessThan':'2024-01-01T00:00:00Z'}|{'t':'2023-12-31T23:59:59Z'}|yes",
        "{'Variable':'$.t','TimestampGreaterThan':'2024-01-01T00:00:00Z'}|{'t':'2023-12-31T23:59:59Z'}|no",
        "{'Variable':'$.t','TimestampLessThanEquals':'2024-01-01T00:00:00Z'}|{'t':'2024-01-01T00:00:00Z'}|yes",
        "{'Variable':'$.t','TimestampGreaterThanEquals':'2024-01-01T00:00:00Z'}|{'t':'2024-06-01T00:00:00Z'}|yes",
        "{'Variable':'$.t','TimestampEquals':'2024-01-01T00:00:00Z'}|{'t':'not a time'}|no",
        "{'Variable':'$.a','StringEqualsPath':'$.b'}|{'a':'x','b':'x'}|yes",
        "{'Variable':'$.a','StringLessThanPath':'$.b'}|{'a':'x','b':'y'}|yes",
        "{'Variable':'$.a','StringGreaterThanPath':'$.b'}|{'a':'x','b':'y'}|no",
        "{'Variable':'$.a','StringLessThanEqualsPath':'$.b'}|{'a':'y','b':'y'}|yes",
        "{'Variable':'$.a','StringGreaterThanEqualsPath':'$.b'}|{'a':'z','b':'y'}|yes",
        "{'Variable':'$.a','NumericEqualsPath':'$.b'}|{'a':1,'b':1}|yes",
        "{'Variable':'$.a','NumericLessThanPath':'$.b'}|{'a':1,'b':2}|yes",
        "{'Variable':'$.a','NumericGreaterThanPath':'$.b'}|{'a':1,'b':2}|no",
        "{'Variable':'$.a','NumericLessThanEqualsPath':'$.b'}|{'a':2,'b':2}|yes",
        "{'Variable':'$.a','NumericGreaterThanEqualsPath':'$.b'}|{'a':3,'b':2}|yes",
        "{'Variable':'$.a','BooleanEqualsPath':'$.b'}|{'a':false,'b':false}|yes",
        "{'Variable':'$.a','TimestampEqualsPath':'$.b'}|{'a':'2024-01-01T00:00:00Z','b':'2024-01-01T00:00:00Z'}|yes",
        "{'Variable':'$.a','TimestampLessThanPath':'$.b'}|{'a':'2024-01-01T00:00:00Z','b':'2024-01-02T00:00:00Z'}|yes",
        "{'Variable':'$.a','TimestampGreaterThanPath':'$.b'}|{'a':'2024-01-01T00:00:00Z','b':'2024-01-02T00:00:00Z'}|no",
        "{'Variable':'$.a','TimestampLessThanEqualsPath':'$.b'}|{'a':'2024-01-02T00:00:00Z','b':'2024-01-02T00:00:00Z'}|yes",
        "{'Variable':'$.a','TimestampGreaterThanEqualsPath':'$.b'}|{'a':'2024-01-03T00:00:00Z','b':'2024-01-02T00:00:00Z'}|yes",
        "{'Variable':'$.x','IsPresent':true}|{'x':null}|yes",
        "{'Variable':'$.x','IsPresent':true}|{'y':1}|no",
        "{'Variable':'$.x','IsPresent':false}|{'y':1}|yes",
        "{'Variable':'$.x','IsNull':true}|{'x':null}|yes",
        "{'Variable':'$.x','IsNull':false}|{'x':0}|yes",
        "{'Variable':'$.x','IsNumeric':true}|{'x':1.5}|yes",
        "{'Variable':'$.x','IsNumeric':true}|{'x':'1.5'}|no",
        "{'Variable':'$.x','IsString':true}|{'x':'s'}|yes",
        "{'Variable':'$.x','IsBoolean':true}|{'x':false}|yes",
        "{'Variable':'$.x','IsTimestamp':true}|{'x':'2016-03-14T01:59:00Z'}|yes",
        "{'Variable':'$.x','IsTimestamp':true}|{'x':'2016-03-14'}|no",
        "{'And':[{'Variable':'$.a','NumericGreaterThanEquals':20},{'Variable':'$.a','NumericLessThan':30}]}|{'a':25}|yes",
        "{'And':[{'Variable':'$.a','NumericGreaterThanEquals':20},{'Variable':'$.a','NumericLessThan':30}]}|{'a':30}|no",
        "{'Or':[{'Variable':'$.a','StringEquals':'x'},{'Variable':'$.a','StringEquals':'y'}]}|{'a':'y'}|yes",
        "{'Not':{'Variable':'$.type','StringEquals':'Private'}}|{'type':'Public'}|yes",
        "{'Variable':'$$.State.Name','StringEquals':'C'}|{}|yes"
    })
    void ruleMatches(String rule, String input, String expected) {
        assertEquals(expected, decide(rule, input));
    }

    @Test
    void firstMatchingChoiceWinsAndOutputPathApplies() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                + "\"InputPath\":\"$.in\",\"OutputPath\":\"$.v\",\"Choices\":["
                + "{\"Variable\":\"$.v\",\"NumericGreaterThan\":1,\"Next\":\"A\"},"
                + "{\"Variable\":\"$.v\",\"NumericGreaterThan\":0,\"Next\":\"B\"}]},"
                + "\"A\":{\"Type\":\"Pass\",\"End\":true},\"B\":{\"Type\":\"Fail\"}}}", "{\"in\":{\"v\":5}}");
        assertEquals(json("5"), json(result.output()));
    }

    @Test
    void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                + "\"Choices\":[{\"Variable\":\"$.v\",\"NumericEquals\":1,\"Next\":\"A\"}]},"
                + "\"A\":{\"Type\":\"Succeed\"}}}", "{\"v\":2}");
        assertEquals("States.NoChoiceMatched", result.error());
    }

    @Test
    void missingVariableFailsWithStatesRuntime() {
        DescribeExecutionResponse result = harness.run("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                + "\"Choices\":[{\"Variable\":\"$.missing\",\"NumericEquals\":1,\"Next\":\"A\"}],\"Default\":\"A\"},"
                + "\"A\":{\"Type\":\"Succeed\"}}}", "{}");
        assertEquals("States.Runtime", result.error());
    }
}
