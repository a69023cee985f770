package cn.hbce.emulator.sfn.bench;

import cn.hbce.emulator.sfn.cli.LocalExecutions;
import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.ExecutionEngine;
import cn.hbce.emulator.sfn.interpreter.ExecutionStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Measures executions per second of the interpreter: a chain of 10 Pass states, and a Map over
 * 1,000 items (each iteration one Pass state). Run with
 * {@code mvn -q -pl emulator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.hbce.emulator.sfn.bench.SfnBenchmark}.
 */
public final class SfnBenchmark {

    private SfnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLibraryLogging();
        String passChain = passChain(10);
        String map = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\","
                + "\"ItemProcessor\":{\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}},"
                + "\"End\":true}}}";
        StringJoiner items = new StringJoiner(",", "{\"items\":[", "]}");
        for (int i = 0; i < 1000; i++) {
            items.add(Integer.toString(i));
        }
        try (ExecutionEngine engine = new ExecutionEngine(Clock.systemUTC(), null, null, "us-east-1", e -> { })) {
            measure(engine, "10-state Pass chain", passChain, "{\"a\":1}", 2_000, 20_000);
            measure(engine, "Map over 1,000 items", map, items.toString(), 20, 200);
        }
    }

    private static void measure(ExecutionEngine engine, String label, String definition, String input, int warmUp,
            int count) throws Exception {
        LocalExecutions executions = new LocalExecutions(engine, definition, "bench", "us-east-1");
        runBatch(executions, input, warmUp);
        long start = System.nanoTime();
        runBatch(executions, input, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d executions in %.2f s = %.1f executions/s%n", label, count, seconds, count / seconds);
    }

    /** Starts executions with at most 64 in flight and waits for all of them. */
    private static void runBatch(LocalExecutions executions, String input, int count) throws Exception {
        List<Execution> inFlight = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.add(executions.start(input));
            if (inFlight.size() == 64) {
                awaitAll(inFlight);
            }
        }
        awaitAll(inFlight);
    }

    private static void awaitAll(List<Execution> inFlight) {
        for (Execution execution : inFlight) {
            if (execution.completion().join() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException(execution.arn() + " ended " + execution.status() + ": "
                        + execution.error() + " " + execution.cause());
            }
        }
        inFlight.clear();
    }

    /** JsonPath logs every evaluation at DEBUG, which the default logback setup would print. */
    private static void quietLibraryLogging() {
        if (org.slf4j.LoggerFactory.getLogger("com.jayway.jsonpath") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static String passChain(int length) {
        StringBuilder states = new StringBuilder();
        for (int i = 1; i <= length; i++) {
            states.append(i > 1 ? "," : "").append("\"S").append(i).append("\":{\"Type\":\"Pass\",");
            states.append(i < length ? "\"Next\":\"S" + (i + 1) + "\"" : "\"End\":true").append('}');
        }
        return "{\"StartAt\":\"S1\",\"States\":{" + states + "}}";
    }
}
