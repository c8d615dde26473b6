package dev.slipway.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromium-driver: what the console's browser tests see. Nothing
 * is downloaded: both programs are the installed ones ({@code .ci/run} installs them), so Selenium Manager never
 * runs. Tests that need it skip with the reason when either is missing.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    /**
     * Selenium warns on every start that it has no DevTools classes for this Chromium's version; the tests use
     * none (Chrome DevTools commands go through chromium-driver). Held here: JUL keeps loggers only weakly.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    private final ChromeDriver driver;
    private final List<String> consoleErrors = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Where the console's screenshots for the documentation go: {@code docs/console/<file>} in the repository,
     * whichever directory the test runs in (the module's, under Maven).
     */
    public static Path docsScreenshot(String file) {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Makefile")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir.resolve("docs").resolve("console").resolve(file);
            }
        }
        throw new IllegalStateException("no repository root (a Makefile beside docs/) at or above "
                + Path.of("").toAbsolutePath());
    }

    /** Skips the calling test unless Chromium and its driver are installed. */
    public static void assumeAvailable() {
        for (var program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                var reason = program + " is missing; install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver, as .ci/run does) to run the browser tests";
                System.err.println("SKIPPED: " + reason);
                Assumptions.abort(reason);
            }
        }
    }

    /** Starts a headless Chromium with a {@value WIDTH}×{@value HEIGHT} window; skips the test without one. */
    public static Browser start() {
        assumeAvailable();
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        // A driver given to the service is what keeps Selenium Manager (and its downloads) from running at all.
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // CI runs as root, where Chromium's sandbox cannot start; /dev/shm is small in containers.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--hide-scrollbars", "--no-first-run",
                "--disable-search-engine-choice-screen", "--lang=en-US");
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        var browser = new Browser(driver);
        browser.resize(WIDTH, HEIGHT);
        return browser;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens the console's sign-in form, enters the token and submits it; returns once the next page shows. */
    public Browser signIn(String baseUrl, String token) {
        open(baseUrl + "/login");
        var field = driver.findElement(By.name("token"));
        field.sendKeys(token);
        field.submit();
        new WebDriverWait(driver, PAGE_LOAD).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    /** Loads a page and waits until it has loaded. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Runs JavaScript in the page (WebDriver's scripts are not subject to the page's CSP) and returns its value. */
    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Saves what the window shows as a PNG, creating the directory. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the page's viewport {@code width}×{@code height} CSS pixels, as a phone or desktop shows it: the
     * window's size minus whatever the browser takes around the page, and without Chrome's minimum window width.
     */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    /**
     * The browser console's errors since the last call: failed loads, script errors and Content-Security-Policy
     * violations (Chromium logs a refused inline script or style as an error).
     */
    public List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        var errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return errors;
    }

    /** The URLs of the tab's history, oldest first, as Chromium's back button would go through them. */
    @SuppressWarnings("unchecked")
    public List<String> history() {
        var history = driver.executeCdpCommand("Page.getNavigationHistory", Map.of());
        return ((List<Map<String, Object>>) history.get("entries")).stream().map(e -> (String) e.get("url")).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
