package cn.hbce.emulator.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * Drains a child process's output on a daemon thread so its pipe never fills up, keeping the
 * last lines for error messages and remembering whether a marker line has appeared.
 */
final class ProcessOutput {

    private static final int MAX_LINES = 200;

    private final Deque<String> tail = new ArrayDeque<>();
    private final Predicate<String> marker;
    private volatile boolean markerSeen;

    private ProcessOutput(Predicate<String> marker) {
        this.marker = marker;
    }

    static ProcessOutput drain(InputStream stream, String threadName, Predicate<String> marker) {
        ProcessOutput output = new ProcessOutput(marker);
        Thread thread = new Thread(() -> output.readAll(stream), threadName);
        thread.setDaemon(true);
        thread.start();
        return output;
    }

    boolean markerSeen() {
        return markerSeen;
    }

    /** The retained output, or a placeholder when the process printed nothing. */
    synchronized String text() {
        return tail.isEmpty() ? "(no output)" : String.join(System.lineSeparator(), tail);
    }

    private void readAll(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                append(line);
                if (!markerSeen && marker.test(line)) {
                    markerSeen = true;
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is destroyed; nothing is left to drain.
        }
    }

    private synchronized void append(String line) {
        if (tail.size() == MAX_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }
}
