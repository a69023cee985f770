package cn.hbce.devserver.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * First load of the console's login page in headless Chromium (a benchmark, not a test: its name
 * matches neither *Test nor *IT, so the build never runs it). Run on an idle machine:
 * {@code mvn -q -pl devserver -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ConsoleLoadBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Djacoco.skip=true}
 * and record the printed figures in docs/benchmarks.md.
 *
 * <p>Each of {@code -Dloads=N} (default 10) loads runs with the browser cache cleared and disabled,
 * from the devserver on loopback: the navigation timing's DOMContentLoaded and load event, and the
 * time until the login form is mounted (the app's chunks fetched, parsed and rendered: the
 * page's {@code hbce:login-form} performance mark).
 */
class ConsoleLoadBenchmark {

    @Test
    void firstLoadOfTheLoginPage() {
        int loads = Integer.getInteger("loads", 10);
        List<long[]> runs = new ArrayList<>();
        try (Browser b = Browser.open()) {
            ChromeDriver driver = (ChromeDriver) b.driver();
            b.go("/login").find("#login-id-card");
            for (int i = 0; i < loads; i++) {
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                driver.get("about:blank");
                b.go("/login").find("#login-id-card");
                Object[] t = ((List<?>) ((JavascriptExecutor) driver).executeScript(
                        "const n = performance.getEntriesByType('navigation')[0];"
                                + "const form = performance.getEntriesByName('hbce:login-form')[0].startTime;"
                                + "const bytes = performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, n.transferSize);"
                                + "return [Math.round(n.domContentLoadedEventEnd), Math.round(n.loadEventEnd), Math.round(form), bytes];")).toArray();
                runs.add(new long[] {((Number) t[0]).longValue(), ((Number) t[1]).longValue(), ((Number) t[2]).longValue(), ((Number) t[3]).longValue()});
            }
        }
        System.out.printf("[console load] %d cold loads of /login: DOMContentLoaded median %d ms, load median %d ms,"
                        + " form mounted at %d ms (median; max %d), %d bytes transferred%n",
                loads, median(runs, 0), median(runs, 1), median(runs, 2), runs.stream().mapToLong(r -> r[2]).max().orElse(0),
                runs.get(0)[3]);
    }

    private static long median(List<long[]> runs, int column) {
        long[] values = runs.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
