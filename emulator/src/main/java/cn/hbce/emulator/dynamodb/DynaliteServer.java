package cn.hbce.emulator.dynamodb;

import cn.hbce.emulator.common.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A dynalite (DynamoDB-compatible) server running as a Node.js child process on the loopback
 * interface. It is stopped by {@link #close()} or, failing that, when the JVM exits.
 */
public final class DynaliteServer implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final String LISTENING_MARKER = "Dynalite listening at";
    private static final int ATTEMPTS_FOR_ANY_PORT = 3;

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DynaliteServer(Process process, URI endpoint, Thread shutdownHook) {
        this.process = process;
        this.endpoint = endpoint;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Starts dynalite and blocks until it answers ListTables.
     *
     * @param port    the loopback port, or 0 for any free port
     * @param dataDir empty for an in-memory store; otherwise the LevelDB directory (created if
     *                missing), which keeps the tables and items across restarts
     */
    public static DynaliteServer start(int port, Optional<Path> dataDir) {
        LoopbackPorts.requireValid(port);
        NodeRuntime node = NodeRuntime.detect();
        Path cli = DynaliteLocator.locateCli();
        Optional<Path> storeDir = dataDir.map(DynaliteServer::prepareDataDir);
        if (port != 0) {
            if (!LoopbackPorts.isFree(port)) {
                throw new IllegalStateException("Cannot start dynalite: port " + port
                        + " on 127.0.0.1 is already in use");
            }
            return launch(node, cli, port, storeDir);
        }
        // A port found free can be taken by someone else before node binds it; try again then.
        for (int attempt = 1; ; attempt++) {
            try {
                return launch(node, cli, LoopbackPorts.findFree(), storeDir);
            } catch (PortTakenException e) {
                if (attempt == ATTEMPTS_FOR_ANY_PORT) {
                    throw e;
                }
            }
        }
    }

    /** The HTTP endpoint to pass to {@code DynamoDbClient.builder().endpointOverride(...)}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Waits until the table and all its global secondary indexes are ACTIVE; see {@link Tables}. */
    public static void waitForTableActive(DynamoDbClient client, String table, Duration timeout) {
        Tables.waitForTableActive(client, table, timeout);
    }

    /** Stops the node process and waits briefly for it to exit. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook is running or has run.
        }
        stop(process);
    }

    private static DynaliteServer launch(NodeRuntime node, Path cli, int port, Optional<Path> storeDir) {
        List<String> command = new ArrayList<>(List.of(
                node.executable(), "-e", launcherScript(cli), "--",
                "--port", Integer.toString(port),
                "--host", LoopbackPorts.LOOPBACK_HOST,
                // Tables still go through CREATING/DELETING/UPDATING, but leave those states at once.
                "--createTableMs", "0",
                "--deleteTableMs", "0",
                "--updateTableMs", "0"));
        storeDir.ifPresent(dir -> command.addAll(List.of("--path", dir.toString())));

        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(cli.getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start dynalite with " + command, e);
        }
        Thread hook = new Thread(() -> stop(process), "dynalite-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), "dynalite-output-" + port,
                line -> line.contains(LISTENING_MARKER));

        URI endpoint = URI.create("http://" + LoopbackPorts.LOOPBACK_HOST + ":" + port);
        DynaliteServer server = new DynaliteServer(process, endpoint, hook);
        try {
            awaitReady(process, output, endpoint, port, storeDir);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Runs dynalite's CLI after arranging for node to exit when its stdin reaches end-of-file.
     * The JVM holds the other end of that pipe open without writing to it, so the kernel closes
     * it when the JVM dies in any way, including SIGKILL, when shutdown hooks never run.
     */
    static String launcherScript(Path cli) {
        String cliLiteral = "'" + cli.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        return "process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume();"
                + "process.argv.splice(1, 0, " + cliLiteral + ");"
                + "require(" + cliLiteral + ");";
    }

    /**
     * The store could not be opened (another dynalite holds its lock). Which error node prints
     * depends on timing: the open's own, or that of an iterator dynalite queued before the open
     * failed.
     */
    private static boolean databaseNeverOpened(String output) {
        return output.contains("LEVEL_DATABASE_NOT_OPEN") || output.contains("LEVEL_ITERATOR_NOT_OPEN");
    }

    private static void awaitReady(Process process, ProcessOutput output, URI endpoint, int port,
            Optional<Path> storeDir) {
        ListTablesProbe probe = new ListTablesProbe(endpoint);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String lastProblem = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String text = output.text();
                String message = "dynalite exited with code " + process.exitValue() + " during startup on port "
                        + port + storeDir.map(d -> " with data directory " + d).orElse("") + "."
                        + (storeDir.isPresent() && databaseNeverOpened(text)
                                ? " The data directory is probably in use by another dynalite process." : "")
                        + " Output:\n" + text;
                throw text.contains("EADDRINUSE") ? new PortTakenException(message) : new IllegalStateException(message);
            }
            // Only probe once our own process has bound the port, so we never mistake another server for it.
            if (output.markerSeen()) {
                try {
                    HttpResponse<String> response = probe.send();
                    if (response.statusCode() == 200) {
                        return;
                    }
                    lastProblem = "ListTables answered HTTP " + response.statusCode() + ": " + response.body();
                } catch (IOException e) {
                    lastProblem = "ListTables failed: " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for dynalite to start", e);
                }
            }
            sleep(50);
        }
        throw new IllegalStateException("dynalite did not become ready on " + endpoint + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s (" + lastProblem + "). Output:\n" + output.text());
    }

    private static Path prepareDataDir(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            return Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the dynalite data directory " + absolute, e);
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for dynalite to start", e);
        }
    }

    /** The chosen port was bound by another process between the check and node's bind. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
