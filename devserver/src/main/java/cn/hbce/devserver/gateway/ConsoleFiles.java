package cn.hbce.devserver.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console's production build ({@code console/dist}) as CloudFront serves it from its bucket, on
 * the API's own origin: files by path with their content type; the hashed files under
 * {@code /assets/} cached for a year (their names change with their content), {@code index.html}
 * revalidated on every load (so a new build is picked up at once); and any other path without a
 * file extension answered with {@code index.html}, because it is a page of the single-page app
 * (the browser's router draws it). Paths under {@code /v1/} never get here.
 */
public final class ConsoleFiles {
    /** Long-lived: the build names each asset after its content hash. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The entry page must be re-fetched so that it points at the current build's assets. */
    public static final String REVALIDATE = "no-cache";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));

    private final Path root;

    /** A file to send: its bytes, content type and cache policy. */
    public record Served(byte[] body, String contentType, String cacheControl) {
    }

    public ConsoleFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The build directory, if the console has been built there (index.html present). */
    public static Optional<ConsoleFiles> at(Path dist) {
        return Files.isRegularFile(dist.resolve("index.html")) ? Optional.of(new ConsoleFiles(dist)) : Optional.empty();
    }

    /**
     * What a GET of {@code rawPath} answers: the file, the SPA's index.html for a page path, or
     * empty (404) for a missing file, an asset that is not there or a path leaving the build.
     */
    public Optional<Served> lookup(String rawPath) throws IOException {
        String path = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        if (path.contains("\0") || path.contains("\\")) {
            return Optional.empty();
        }
        String relative = path.replaceFirst("^/+", "");
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            return Optional.empty();
        }
        if (!relative.isEmpty() && Files.isRegularFile(file)) {
            String name = file.getFileName().toString();
            String cache = relative.startsWith("assets/") ? IMMUTABLE : REVALIDATE;
            return Optional.of(new Served(Files.readAllBytes(file), typeOf(name), cache));
        }
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        if (relative.startsWith("assets/") || last.contains(".")) {
            return Optional.empty();
        }
        return Optional.of(new Served(Files.readAllBytes(root.resolve("index.html")), TYPES.get("html"), REVALIDATE));
    }

    static String typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
