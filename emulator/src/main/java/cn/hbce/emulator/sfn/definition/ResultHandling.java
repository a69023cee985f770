package cn.hbce.emulator.sfn.definition;

import cn.hbce.emulator.sfn.json.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parameters (applied to the effective input), ResultSelector (applied to the raw result) and
 * ResultPath (where the result goes in the state input; null discards the result).
 */
public record ResultHandling(JsonNode parameters, JsonNode resultSelector, ReferencePath resultPath) {

    public static final ResultHandling DEFAULT = new ResultHandling(null, null, ReferencePath.parse("$"));
}
