package cn.hbce.emulator.sfn.intrinsics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {

    private static final String INPUT = "{'name':'Ada','n':3,'arr':[1,2,2,3],'obj':{'a':1},'json':'{\\\"k\\\":[1]}',"
            + "'b64':'aGVsbG8=','csv':'a,b+c'}";

    private static JsonNode eval(String expression) throws Exception {
        JsonNode input = Json.parse(INPUT.replace('\'', '"'));
        JsonNode context = Json.parse("{\"Execution\":{\"Name\":\"exec\"}}");
        return IntrinsicFunctions.evaluate(expression, input, context);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "States.Format('Hi {}, n={}', $.name, $.n)|\"Hi Ada, n=3\"",
        "States.Format('literal \\{\\} and \\'quotes\\'')|\"literal {} and 'quotes'\"",
        "States.Format('{} from {}', $.name, $$.Execution.Name)|\"Ada from exec\"",
        "States.StringToJson($.json)|{\"k\":[1]}",
        "States.JsonToString($.obj)|\"{\\\"a\\\":1}\"",
        "States.Array(1, 'two', $.n, true, null)|[1,\"two\",3,true,null]",
        "States.ArrayPartition($.arr, 3)|[[1,2,2],[3]]",
        "States.ArrayContains($.arr, 3)|true",
        "States.ArrayContains($.arr, 9)|false",
        "States.ArrayRange(1, 9, 2)|[1,3,5,7,9]",
        "States.ArrayRange(5, 1, -2)|[5,3,1]",
        "States.ArrayGetItem($.arr, 1)|2",
        "States.ArrayLength($.arr)|4",
        "States.ArrayUnique($.arr)|[1,2,3]",
        "States.Base64Encode('hello')|\"aGVsbG8=\"",
        "States.Base64Decode($.b64)|\"hello\"",
        "States.Hash('input data', 'SHA-1')|\"aaff4a450a104cd177d28d18d74485e8cae074b7\"",
        "States.Hash('', 'MD5')|\"d41d8cd98f00b204e9800998ecf8427e\"",
        "States.MathAdd($.n, -4)|-1",
        "States.MathRandom(1, 2)|1",
        "States.StringSplit($.csv, ',+')|[\"a\",\"b\",\"c\"]",
        "States.JsonMerge($.obj, States.StringToJson('{\"b\":2}'), false)|{\"a\":1,\"b\":2}",
        "States.ArrayLength(States.Array(1, 2, 3))|3"
    })
    void evaluates(String expression, String expected) throws Exception {
        assertEquals(Json.parse(expected), eval(expression));
    }

    @Test
    void uuidIsVersion4() throws Exception {
        String uuid = eval("States.UUID()").textValue();
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
    }

    @Test
    void seededMathRandomIsRepeatable() throws Exception {
        assertEquals(eval("States.MathRandom(0, 1000, 7)"), eval("States.MathRandom(0, 1000, 7)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.ArrayGetItem($.arr, 10)",
        "States.Format('{} {}', $.name)",
        "States.MathAdd($.name, 1)",
        "States.StringToJson('{oops')",
        "States.JsonMerge($.obj, $.obj, true)",
        "States.Hash('x', 'SHA-3')",
        "States.ArrayRange(0, 2000, 1)",
        "States.ArrayLength($.missing)"
    })
    void failuresAreStatesRuntime(String expression) {
        StatesError error = assertThrows(StatesError.class, () -> eval(expression));
        assertEquals("States.Runtime", error.error());
    }

    @Test
    void unknownFunctionsAndSyntaxErrorsAreRejectedByTheParser() {
        assertThrows(IllegalArgumentException.class, () -> IntrinsicParser.parse("States.Foo(1)"));
        assertThrows(IllegalArgumentException.class, () -> IntrinsicParser.parse("States.Format('x'"));
        assertThrows(IllegalArgumentException.class, () -> IntrinsicParser.parse("States.ArrayLength()"));
    }
}
