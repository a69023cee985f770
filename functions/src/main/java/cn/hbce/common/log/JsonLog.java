package cn.hbce.common.log;

import cn.hbce.common.json.JsonWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured one-line JSON logs for CloudWatch. Callers pass event names and identifiers only:
 * never ID numbers, phones, passwords, tokens or whole events. Values are scalars (text, numbers,
 * booleans); a line is written with {@link JsonWriter}, so logging loads no jackson-databind.
 */
public final class JsonLog {

    private JsonLog() {
    }

    public static void info(String event, Object... keyValues) {
        write("INFO", event, null, keyValues);
    }

    public static void warn(String event, Object... keyValues) {
        write("WARN", event, null, keyValues);
    }

    public static void error(String event, Throwable failure, Object... keyValues) {
        write("ERROR", event, failure, keyValues);
    }

    private static void write(String level, String event, Throwable failure, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        if (failure != null) {
            line.put("errorType", failure.getClass().getName());
            line.put("stack", stackOf(failure));
        }
        // System.out is looked up per line (not kept), so whoever owns the process's output gets it.
        PrintStream out = System.out;
        try {
            out.println(JsonWriter.write(json -> line.forEach(json::scalar)));
        } catch (UncheckedIOException e) {
            out.println("{\"level\":\"ERROR\",\"event\":\"log.unserialisable\"}");
        }
    }

    /** Class and line frames only: exception messages can carry request data. */
    private static String stackOf(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 8); i++) {
                out.append(" at ").append(frames[i]);
            }
            out.append(" | ");
        }
        return out.toString();
    }
}
