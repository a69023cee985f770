package cn.hbce.emulator.sfn.definition;

import java.math.BigDecimal;
import java.util.List;

/** One element of a Retry field. maxDelaySeconds is null when unbounded. */
public record Retrier(
        List<String> errorEquals,
        int intervalSeconds,
        int maxAttempts,
        BigDecimal backoffRate,
        Integer maxDelaySeconds,
        JitterStrategy jitterStrategy) {

    public enum JitterStrategy { FULL, NONE }
}
