package cn.hbce.emulator.sfn.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed intrinsic-function argument or call. */
public sealed interface IntrinsicExpression {

    /** A literal; {@code raw} keeps a string's escapes, which States.Format needs to tell '\{' from '{'. */
    record Literal(JsonNode value, String raw) implements IntrinsicExpression {
    }

    record PathReference(String path) implements IntrinsicExpression {
    }

    record Call(String function, List<IntrinsicExpression> arguments) implements IntrinsicExpression {
    }
}
