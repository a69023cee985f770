package cn.hbce.devserver.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as p50/p99 in milliseconds. */
final class Percentiles {
    private final long[] samples;

    Percentiles(long[] samples) {
        this.samples = samples.clone();
        Arrays.sort(this.samples);
    }

    double p(double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * samples.length) - 1;
        return samples[Math.max(0, Math.min(index, samples.length - 1))] / 1_000_000.0;
    }

    String summary() {
        return String.format("n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", samples.length, p(50), p(99), p(100));
    }
}
