package cn.hbce.emulator.sfn.intrinsics;

import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.intrinsics.IntrinsicExpression.Call;
import cn.hbce.emulator.sfn.intrinsics.IntrinsicExpression.Literal;
import cn.hbce.emulator.sfn.intrinsics.IntrinsicExpression.PathReference;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.json.JsonPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates intrinsic function calls; failures are States.Runtime errors naming the function. */
public final class IntrinsicFunctions {

    /** An implementation receiving evaluated arguments (and the raw literal of the first, for Format). */
    interface Function {
        JsonNode apply(List<JsonNode> arguments, List<IntrinsicExpression> expressions);
    }

    private record Definition(int minArguments, int maxArguments, Function function) {
    }

    private static final Map<String, Definition> FUNCTIONS = Map.ofEntries(
            Map.entry("States.Format", new Definition(1, Integer.MAX_VALUE, StringFunctions::format)),
            Map.entry("States.StringToJson", new Definition(1, 1, StringFunctions::stringToJson)),
            Map.entry("States.JsonToString", new Definition(1, 1, StringFunctions::jsonToString)),
            Map.entry("States.StringSplit", new Definition(2, 2, StringFunctions::stringSplit)),
            Map.entry("States.Base64Encode", new Definition(1, 1, StringFunctions::base64Encode)),
            Map.entry("States.Base64Decode", new Definition(1, 1, StringFunctions::base64Decode)),
            Map.entry("States.Hash", new Definition(2, 2, StringFunctions::hash)),
            Map.entry("States.UUID", new Definition(0, 0, StringFunctions::uuid)),
            Map.entry("States.Array", new Definition(0, Integer.MAX_VALUE, ArrayFunctions::array)),
            Map.entry("States.ArrayPartition", new Definition(2, 2, ArrayFunctions::partition)),
            Map.entry("States.ArrayContains", new Definition(2, 2, ArrayFunctions::contains)),
            Map.entry("States.ArrayRange", new Definition(3, 3, ArrayFunctions::range)),
            Map.entry("States.ArrayGetItem", new Definition(2, 2, ArrayFunctions::getItem)),
            Map.entry("States.ArrayLength", new Definition(1, 1, ArrayFunctions::length)),
            Map.entry("States.ArrayUnique", new Definition(1, 1, ArrayFunctions::unique)),
            Map.entry("States.JsonMerge", new Definition(3, 3, ArrayFunctions::jsonMerge)),
            Map.entry("States.MathRandom", new Definition(2, 3, MathFunctions::random)),
            Map.entry("States.MathAdd", new Definition(2, 2, MathFunctions::add)));

    private IntrinsicFunctions() {
    }

    /** Definition-time check: every function exists and has a plausible argument count. */
    static void checkKnown(Call call) {
        Definition definition = FUNCTIONS.get(call.function());
        if (definition == null) {
            throw new IllegalArgumentException("Unsupported intrinsic function " + call.function());
        }
        int count = call.arguments().size();
        if (count < definition.minArguments() || count > definition.maxArguments()) {
            throw new IllegalArgumentException("Intrinsic function " + call.function() + " does not take "
                    + count + " argument(s)");
        }
        for (IntrinsicExpression argument : call.arguments()) {
            if (argument instanceof Call nested) {
                checkKnown(nested);
            }
        }
    }

    public static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
        Call call;
        try {
            call = IntrinsicParser.parse(expression);
        } catch (IllegalArgumentException e) {
            throw StatesError.runtime(e.getMessage());
        }
        return evaluate(call, input, context);
    }

    public static JsonNode evaluate(Call call, JsonNode input, JsonNode context) {
        List<JsonNode> values = new ArrayList<>(call.arguments().size());
        for (IntrinsicExpression argument : call.arguments()) {
            values.add(valueOf(argument, input, context));
        }
        try {
            return FUNCTIONS.get(call.function()).function().apply(values, call.arguments());
        } catch (IntrinsicFailure e) {
            throw StatesError.runtime("The function " + call.function() + " failed: " + e.getMessage());
        }
    }

    private static JsonNode valueOf(IntrinsicExpression argument, JsonNode input, JsonNode context) {
        if (argument instanceof Literal literal) {
            return literal.value();
        }
        if (argument instanceof PathReference path) {
            return JsonPaths.read(path.path(), input, context);
        }
        return evaluate((Call) argument, input, context);
    }

    /** An argument the function cannot work with. */
    static final class IntrinsicFailure extends RuntimeException {
        IntrinsicFailure(String message) {
            super(message, null, false, false);
        }
    }

    static IntrinsicFailure failure(String message) {
        return new IntrinsicFailure(message);
    }

    static String requireString(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw failure(what + " must be a string but was " + Json.typeName(node));
        }
        return node.textValue();
    }

    static int requireInt(JsonNode node, String what) {
        if (node == null || !node.isNumber() || !node.canConvertToInt()
                || node.decimalValue().stripTrailingZeros().scale() > 0) {
            throw failure(what + " must be an integer but was " + (node == null ? "missing" : node.toString()));
        }
        return node.intValue();
    }
}
