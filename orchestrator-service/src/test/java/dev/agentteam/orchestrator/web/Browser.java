package dev.agentteam.orchestrator.web;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

/**
 * One headless Debian Chromium for all browser tests, driven through Debian's chromedriver by explicit paths so
 * Selenium Manager never downloads anything. Screenshots go to {@code target/screenshots/}.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver driver;

    private Browser() {
    }

    static synchronized WebDriver driver() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return driver;
    }

    private static WebDriver start() {
        try {
            Path profile = Files.createTempDirectory("agentteam-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(new File(setting("AGENT_TEAM_CHROMIUM", "/usr/bin/chromium")));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--window-size=1400,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(setting("AGENT_TEAM_CHROMEDRIVER", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    static WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    static <T> T await(Function<WebDriver, T> condition) {
        return await(Duration.ofSeconds(10), condition);
    }

    static <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        // an element of the page being left goes stale while a form posts: keep polling until the new page answers
        return new WebDriverWait(driver(), timeout)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Saves the whole window as {@code target/screenshots/<name>.png}. */
    static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
