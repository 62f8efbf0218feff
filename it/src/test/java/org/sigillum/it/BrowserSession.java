package org.sigillum.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless browser (Debian's chromium, driven through chromium-driver by Selenium 4) with a profile of its
 * own: pages in a chosen language (Accept-Language) and viewport width, flows that cross to another site and back
 * (an identity provider), an automated accessibility check with axe-core, and screenshots to docs/screenshots/.
 */
final class BrowserSession implements AutoCloseable {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final ChromeDriver driver;
    private final Path profile;

    BrowserSession() {
        this("en", 1100, 900);
    }

    BrowserSession(String acceptLanguage, int width, int height) {
        try {
            profile = Files.createTempDirectory("sigillum-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String chromedriver = System.getenv().getOrDefault("SIGILLUM_IT_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("SIGILLUM_IT_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
        // the pages forbid every script (CSP default-src 'none'); the accessibility checker is the test's, not theirs
        driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        viewport(width, height);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The layout viewport as a phone or desktop has it. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Opens an absolute URL, or a path of the server under test. */
    void open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : Sigillum.url(pathOrUrl));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The element {@code by} once it is on the page (the page may still be on its way). */
    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void awaitUrl(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().startsWith(prefix));
    }

    /** The serious and critical axe-core violations of the current page, as "rule: help (targets)". */
    List<String> seriousAccessibilityViolations() {
        String axe;
        try (InputStream in = BrowserSession.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the class path (org.webjars.npm:axe-core)");
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((JavascriptExecutor) driver).executeScript(axe);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('error: ' + e));");
        String json = String.valueOf(result);
        if (json.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed: " + json);
        }
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : Sigillum.JSON.readTree(json)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    serious.add(violation.path("id").asText() + ": " + violation.path("help").asText() + " " + targets);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
        return serious;
    }

    /** Saves the whole page (not only the viewport) as docs/screenshots/NAME.png of the repository. */
    void screenshot(String name) {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("docs/screenshots");
        try {
            Files.createDirectories(dir);
            Object shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true)).get("data");
            Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode(String.valueOf(shot)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
