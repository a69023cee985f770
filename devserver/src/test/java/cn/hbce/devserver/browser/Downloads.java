package cn.hbce.devserver.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the browser saves when a page hands it a presigned download URL: Chromium is told (over CDP)
 * to save downloads into a fresh directory, and the test waits for the finished file there, so it
 * checks the bytes a user would get rather than asking S3 itself.
 */
final class Downloads {
    private final Path dir;

    private Downloads(Path dir) {
        this.dir = dir;
    }

    static Downloads into(Browser browser) {
        try {
            Path dir = Files.createTempDirectory("hbce-downloads");
            ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString(), "eventsEnabled", true));
            return new Downloads(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first finished download whose name ends with {@code suffix}, waiting up to 20 s. */
    Path await(String suffix) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            Optional<Path> done = finished(suffix);
            if (done.isPresent()) {
                return done.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no download ending with " + suffix + " in " + dir + ": " + list());
    }

    private Optional<Path> finished(String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).filter(f -> f.toFile().length() > 0).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String list() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
