package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.errors.ErrorNames;
import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * Step Functions' payload quota: the data a state passes on may be at most 256 KiB (UTF-8 JSON).
 * A state whose output is larger fails the execution with {@code States.DataLimitExceeded}, which
 * no Retry or Catch handles (see {@link ErrorNames#isTerminal}).
 */
final class DataLimit {
    static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataLimit() {
    }

    static void check(String stateName, JsonNode output) {
        if (output == null) {
            return;
        }
        int size;
        try {
            size = JSON.writeValueAsString(output).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (size > MAX_BYTES) {
            throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + stateName
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
