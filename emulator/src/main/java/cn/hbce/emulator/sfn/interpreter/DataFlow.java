package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.IoPaths;
import cn.hbce.emulator.sfn.definition.ResultHandling;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.json.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** The input and output processing every state applies, in the order the specification gives. */
public final class DataFlow {

    private DataFlow() {
    }

    public static JsonNode effectiveInput(IoPaths io, JsonNode rawInput, Supplier<JsonNode> context) {
        return select(io.inputPath(), rawInput, context);
    }

    public static JsonNode parameters(ResultHandling handling, JsonNode effectiveInput, Supplier<JsonNode> context) {
        return handling.parameters() == null ? effectiveInput
                : PayloadTemplate.apply(handling.parameters(), effectiveInput, context);
    }

    /** ResultSelector, then ResultPath into the raw input, then OutputPath. */
    public static JsonNode output(IoPaths io, ResultHandling handling, JsonNode rawInput, JsonNode result,
            Supplier<JsonNode> context) {
        JsonNode selected = handling.resultSelector() == null ? result
                : PayloadTemplate.apply(handling.resultSelector(), result, context);
        JsonNode combined = placeResult(handling.resultPath(), rawInput, selected);
        return select(io.outputPath(), combined, context);
    }

    public static JsonNode placeResult(ReferencePath resultPath, JsonNode rawInput, JsonNode result) {
        return resultPath == null ? rawInput : resultPath.write(rawInput, result);
    }

    public static JsonNode select(String path, JsonNode document, Supplier<JsonNode> context) {
        if (path == null) {
            return Json.object();
        }
        return "$".equals(path) ? document : PayloadTemplate.evaluate(path, document, context);
    }
}
