package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.Retrier;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The wait before a retry: IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, maybe jittered. */
final class RetryPolicy {

    private RetryPolicy() {
    }

    /** @param attempt how many retries this retrier has already made (0 for the first retry) */
    static Duration delay(Retrier retrier, int attempt) {
        BigDecimal seconds = BigDecimal.valueOf(retrier.intervalSeconds())
                .multiply(retrier.backoffRate().pow(attempt, MathContext.DECIMAL64));
        if (retrier.maxDelaySeconds() != null) {
            seconds = seconds.min(BigDecimal.valueOf(retrier.maxDelaySeconds()));
        }
        long millis = seconds.multiply(BigDecimal.valueOf(1000)).min(BigDecimal.valueOf(Long.MAX_VALUE / 2)).longValue();
        if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            millis = ThreadLocalRandom.current().nextLong(millis + 1);
        }
        return Duration.ofMillis(millis);
    }
}
