package cn.hbce.emulator.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node.js executable used to run dynalite. {@value #NODE_PROPERTY} or {@value #NODE_ENV}
 * may name a specific executable; otherwise {@code node} is taken from the PATH.
 */
final class NodeRuntime {

    static final String NODE_PROPERTY = "hbce.emulator.node";
    static final String NODE_ENV = "HBCE_NODE";
    static final int MINIMUM_MAJOR_VERSION = 20;

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private final String executable;

    private NodeRuntime(String executable) {
        this.executable = executable;
    }

    String executable() {
        return executable;
    }

    /** Finds node and checks that it is recent enough for dynalite. */
    static NodeRuntime detect() {
        String configured = System.getProperty(NODE_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(NODE_ENV);
        }
        String executable = configured == null || configured.isBlank() ? "node" : configured;
        return verify(executable);
    }

    static NodeRuntime verify(String executable) {
        String output;
        try {
            Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + executable + " --version` did not finish within 10 s");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Node.js is required to run the local DynamoDB (dynalite) but `"
                    + executable + "` could not be started: " + e.getMessage() + ". Install Node.js "
                    + MINIMUM_MAJOR_VERSION + " or newer and put `node` on the PATH, or set -D" + NODE_PROPERTY
                    + " / " + NODE_ENV + " to its executable.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the Node.js version", e);
        }
        int major = majorVersion(output);
        if (major < MINIMUM_MAJOR_VERSION) {
            throw new IllegalStateException("dynalite needs Node.js " + MINIMUM_MAJOR_VERSION + " or newer, but `"
                    + executable + " --version` printed '" + output + "'");
        }
        return new NodeRuntime(executable);
    }

    /** The major version from {@code node --version} output such as {@code v20.11.1}, or -1 if unparsable. */
    static int majorVersion(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
