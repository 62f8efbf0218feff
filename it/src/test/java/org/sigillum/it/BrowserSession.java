package org.sigillum.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) driven by Selenium 4, with a fresh profile: pages in a
 * chosen language (Accept-Language) and viewport width, an automated accessibility check with axe-core, and
 * screenshots to docs/screenshots/.
 */
final class BrowserSession implements AutoCloseable {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    final ChromeDriver driver;
    private final Path profile;

    BrowserSession(String acceptLanguage, int width, int height) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
        // the pages forbid every script (CSP default-src 'none'); the accessibility checker is the test's, not theirs
        driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        viewport(width, height);
    }

    /** The layout viewport as a phone or desktop has it. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    void open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : Sigillum.url(pathOrUrl));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
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
            throw new IllegalStateException(e);
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

    /** Saves the whole page as docs/screenshots/NAME.png of the repository. */
    void screenshot(String name) {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("docs/screenshots");
        try {
            Files.createDirectories(dir);
            // the whole page, not only the viewport: the approval form is below the documents on a phone
            Object shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true)).get("data");
            Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode(String.valueOf(shot)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory harms nothing
        }
    }
}
