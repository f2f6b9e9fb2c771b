package io.laotie.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

/**
 * Debian's Chromium driven headless through Debian's chromedriver, for the browser tests. Without them a test
 * class is skipped with the reason printed, except under {@code CI=true}, where a missing browser fails the run.
 * Override the paths with {@code -Dlaotie.chromium=…} and {@code -Dlaotie.chromedriver=…}.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getProperty("laotie.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("laotie.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with a fresh profile, or skips (fails under CI) when Chromium or its driver is missing. */
    public static HeadlessChromium startOrSkip() throws IOException {
        String missing = !Files.isExecutable(CHROMIUM) ? "Chromium (" + CHROMIUM + ")"
                : !Files.isExecutable(CHROMEDRIVER) ? "chromedriver (" + CHROMEDRIVER + ")" : null;
        if (missing != null) {
            String reason = "Browser tests need " + missing + ": apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            System.out.println("Skipping browser tests. " + reason);
            Assumptions.abort(reason);
        }
        Path profile = Files.createTempDirectory("laotie-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Quits the browser and removes its profile. */
    public void stop() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** Keeps a screenshot and the page source under target/browser-failures as {@code name}.png and .html. */
    void keep(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "browser-failures"));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
    }

    /**
     * A wait of 20 s that also rides over an element going stale: after a form post the old page's element can be
     * found and then replaced before it is read, and htmx re-draws polled fragments.
     */
    public static WebDriverWait waitFor(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks the element once it can be clicked. */
    public static void click(WebDriver browser, By by) {
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Replaces what a visible field holds with {@code text}. */
    public static void type(WebDriver browser, By by, String text) {
        WebElement field = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(by));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Signs in through the login page of the site at {@code baseUrl}, after signing out whoever was signed in (the
     * site's cookies dropped), and waits until the page's header greets {@code displayName}.
     */
    public static void logIn(WebDriver browser, String baseUrl, String handle, String password, String displayName) {
        browser.get(baseUrl + "/login");
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        type(browser, By.id("username"), handle);
        type(browser, By.id("password"), password);
        click(browser, By.id("login-submit"));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("me"), displayName));
    }

    /** The text of the element once it is visible. */
    public static String text(WebDriver browser, By by) {
        return waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }
}
