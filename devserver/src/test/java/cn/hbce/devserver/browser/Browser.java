package cn.hbce.devserver.browser;

import cn.hbce.devserver.e2e.E2E;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the one devserver of the test JVM ({@link E2E}), driven through the
 * system's chromedriver (Debian's {@code chromium} and {@code chromium-driver}: nothing is
 * downloaded). Without them the browser tests are skipped with a message saying what to install,
 * except in CI ({@code CI=true}), where a missing browser fails them: CI must run them.
 *
 * <p>Each browser sends its own {@code X-Forwarded-For} address (the devserver trusts it in the
 * tests), so its logins count against a client of its own, as the other end-to-end tests do.
 */
public final class Browser implements AutoCloseable {
    private static final List<String> CHROMIUMS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** The installed Chromium and chromedriver, or a skip (locally) / failure (CI) saying what is missing. */
    static Path[] requireChromium() {
        Optional<Path> chromium = firstExecutable(System.getenv("HBCE_CHROMIUM"), CHROMIUMS);
        Optional<Path> driver = firstExecutable(System.getenv("HBCE_CHROMEDRIVER"), DRIVERS);
        if (chromium.isEmpty() || driver.isEmpty()) {
            String message = "Browser tests need Chromium and its driver (apt-get install chromium chromium-driver): "
                    + (chromium.isEmpty() ? "no chromium in " + CHROMIUMS : "")
                    + (driver.isEmpty() ? " no chromedriver in " + DRIVERS : "");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI must run the browser tests. " + message);
            }
            Assumptions.abort("Skipped: " + message);
        }
        return new Path[] {chromium.get(), driver.get()};
    }

    private static Optional<Path> firstExecutable(String configured, List<String> candidates) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** A new headless browser, 1440×900, Chinese, its own client address. */
    public static Browser open() {
        Path[] installed = requireChromium();
        E2E.server();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed[0].toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,900", "--lang=zh-CN", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installed[1].toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For",
                "127.9." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256))));
        return new Browser(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a console page on the devserver's origin. */
    public Browser go(String path) {
        driver.get(E2E.base() + path);
        return this;
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public WebElement clickable(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    public void click(String css) {
        clickable(css).click();
    }

    /** An element whose text contains {@code text}, among those matching {@code css}. */
    public WebElement withText(String css, String text) {
        return wait.until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    /**
     * The row among {@code rowsCss} that names {@code name}, once its whole text (textContent: also
     * the columns past the table's visible width) holds every one of {@code expected}. A table
     * re-renders while it loads: a row read before it settles may be gone or stale.
     */
    public WebElement settledRow(String rowsCss, String name, String... expected) {
        return until(d -> {
            WebElement row = withText(rowsCss, name);
            String text = row.getAttribute("textContent");
            return java.util.Arrays.stream(expected).allMatch(text::contains) ? row : null;
        });
    }

    public void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Picks {@code label} from the Element Plus select whose input is {@code css}. */
    public void choose(String css, String label) {
        click(css);
        withText(".el-select-dropdown__item", label).click();
    }

    /** Signs in through the login page and waits for the shell. */
    public Browser login(String userTypeLabel, String idCard, String password) {
        go("/login");
        choose("[data-test=login-user-type]", userTypeLabel);
        type("#login-id-card", idCard);
        type("#login-password", password);
        click("[data-test=login-submit]");
        find("[data-test=menu]");
        return this;
    }

    /** Saves a PNG of the page to target/screenshots/{name}.png (the README shows the best of them). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
