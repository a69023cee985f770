package cn.hbce.devserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route of template.yaml that a signed-in person can call — a department or HRSS admin, a
 * unit's or base's admin, a professional — or that the public verification page calls, is reachable
 * from some page of the console; only {@link #NO_PAGE_CALLS} are not, each for the reason it names.
 * Every /v1 call in console/src goes through {@code http.get|post|put|del('/v1/...')}
 * (src/api/http.js), so the calls are read from the source.
 */
class ConsoleRoutesTest {
    private static final Path ROOT = DevServerConfig.ephemeral().projectRoot();
    private static final Pattern CALL = Pattern.compile("http\\.(get|post|put|del)\\(\\s*[`'\"](/v1/[^`'\"?]*)");

    /** The routes no person calls from a page, with the reason. Keep it small: a route here has no page by design. */
    static final Map<String, String> NO_PAGE_CALLS = Map.of(
            "GET /v1/health", "a liveness probe for monitoring and deployment smoke tests; no person reads it");

    @Test
    void everyRouteAPersonCanCallIsReachableFromAPage() {
        Set<String> missing = new TreeSet<>(templateRoutes());
        missing.removeAll(NO_PAGE_CALLS.keySet());
        missing.removeAll(consoleCalls());
        assertEquals(Set.of(), missing, "routes of template.yaml that no page of the console calls");
    }

    @Test
    void theExcludedRoutesExistAndNoPageCallsThem() {
        for (String route : NO_PAGE_CALLS.keySet()) {
            assertTrue(templateRoutes().contains(route), route + " is no route of template.yaml: drop it from the list");
            assertFalse(consoleCalls().contains(route), route + " is called by a page: it needs no exclusion");
        }
    }

    @Test
    void theConsoleCallsOnlyRoutesTheTemplateHas() {
        Set<String> unknown = new TreeSet<>(consoleCalls());
        unknown.removeAll(templateRoutes());
        assertEquals(Set.of(), unknown, "the console calls routes template.yaml does not declare");
        assertTrue(consoleCalls().contains("GET /v1/me") && consoleCalls().contains("POST /v1/me/hours"),
                "the console's calls were read: " + consoleCalls());
    }

    static Set<String> templateRoutes() {
        Set<String> out = new TreeSet<>();
        for (SamTemplate.Route r : SamTemplate.load(ROOT.resolve("template.yaml")).routes()) {
            out.add(r.method() + " " + r.path().replaceAll("\\{[^}]+}", "{}"));
        }
        return out;
    }

    /** "METHOD /v1/path" of every call in console/src, path parameters as {}. */
    static Set<String> consoleCalls() {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("console/src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".vue")).toList()) {
                Matcher m = CALL.matcher(Files.readString(file));
                while (m.find()) {
                    String method = m.group(1).equals("del") ? "DELETE" : m.group(1).toUpperCase(java.util.Locale.ROOT);
                    out.add(method + " " + m.group(2).replaceAll("\\$\\{[^}]+}", "{}"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
