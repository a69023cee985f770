package cn.hbce.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.common.LoopbackPorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed without running its shutdown hooks must not leave dynalite running. */
class DynaliteOrphanIT {

    @Test
    void dynaliteExitsWhenItsJvmIsKilled() throws Exception {
        Process jvm = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + DynaliteLocator.HOME_PROPERTY + "=" + System.getProperty(DynaliteLocator.HOME_PROPERTY, ""),
                ChildJvm.class.getName())
                .redirectErrorStream(true)
                .start();
        int port;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String portLine = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("PORT ")) {
                    portLine = line;
                    break;
                }
            }
            assertTrue(portLine != null, "the child JVM did not start dynalite");
            port = Integer.parseInt(portLine.substring("PORT ".length()));
            assertTrue(!LoopbackPorts.isFree(port), "dynalite should be listening");

            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } finally {
            jvm.destroyForcibly();
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!LoopbackPorts.isFree(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(LoopbackPorts.isFree(port), "dynalite kept running after its JVM was killed");
    }

    /** Starts dynalite, reports its port and waits to be killed. */
    public static final class ChildJvm {
        public static void main(String[] args) throws InterruptedException {
            DynaliteServer server = DynaliteServer.start(0, Optional.empty());
            System.out.println("PORT " + server.endpoint().getPort());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
