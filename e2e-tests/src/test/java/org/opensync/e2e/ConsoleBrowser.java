package org.opensync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver, for the web console test. The paths can be changed with
 * {@code CHROMIUM} and {@code CHROMEDRIVER}; {@link #missing()} says why the browser cannot run here.
 */
final class ConsoleBrowser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final Path profile;
    private final ChromeDriver driver;

    /** Why the browser test cannot run, or null when it can. */
    static String missing() {
        for (Path executable : new Path[]{CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(executable)) {
                return executable + " is not installed (apt-get install chromium chromium-driver, or "
                        + "infra/infra.sh start browser)";
            }
        }
        return null;
    }

    ConsoleBrowser() throws IOException {
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling Google services, which a closed network
        // refuses; a fresh profile keeps runs apart
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Navigates inside the console (hash routes), as following a link does. */
    void route(String hash) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", hash);
    }

    /** The address the browser shows now (after redirects). */
    String url() {
        return driver.getCurrentUrl();
    }

    /** Runs a script in the page (its arguments as {@code arguments[i]}) and gives back what it returns. */
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** The element's text, or "" while it is not on the page. */
    String text(String css) {
        return driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse("");
    }

    void screenshot(String name) throws IOException {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
