package cn.hbce.emulator.sfn.intrinsics;

import static cn.hbce.emulator.sfn.intrinsics.IntrinsicFunctions.failure;
import static cn.hbce.emulator.sfn.intrinsics.IntrinsicFunctions.requireInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Numeric intrinsic functions (integers only, as on AWS). */
final class MathFunctions {

    private MathFunctions() {
    }

    /** A random integer from start (inclusive) to end (exclusive); a seed makes it repeatable. */
    static JsonNode random(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        int start = requireInt(arguments.get(0), "The start");
        int end = requireInt(arguments.get(1), "The end");
        if (end <= start) {
            throw failure("the end must be greater than the start");
        }
        if (arguments.size() == 3) {
            int seed = requireInt(arguments.get(2), "The seed");
            return IntNode.valueOf(start + new Random(seed).nextInt(end - start));
        }
        return IntNode.valueOf(ThreadLocalRandom.current().nextInt(start, end));
    }

    static JsonNode add(List<JsonNode> arguments, List<IntrinsicExpression> expressions) {
        long sum = (long) requireInt(arguments.get(0), "The first value") + requireInt(arguments.get(1), "The second value");
        if (sum != (int) sum) {
            throw failure("the sum overflows a 32-bit integer");
        }
        return IntNode.valueOf((int) sum);
    }
}
