package org.guichet.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs) signed in as one person, with axe-core (npm, installed under
 * {@code src/test/browser}) to check every page against WCAG 2.1 A and AA.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");

    final WebDriver driver;
    private final String base;

    public Browser(int port, String language) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").exists();
        assertThat(DRIVER).as("Debian's chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        base = "http://127.0.0.1:" + port;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        return this;
    }

    /** The element, waited for a little: a form's click may return before the next page is there. */
    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.cssSelector(css)));
    }

    /**
     * Clicks what sends a form or follows a link, and waits for the next page: what is found
     * afterwards is never the page the click left.
     */
    public Browser clickThrough(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        return this;
    }

    /** {@link #clickThrough(WebElement)} on the element {@code css} selects. */
    public Browser clickThrough(String css) {
        return clickThrough(find(css));
    }

    /** The link of that text, waited for a little. */
    public WebElement link(String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.linkText(text)));
    }

    /** The page's source as the browser holds it. */
    public String source() {
        return driver.getPageSource();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Saves what the page looks like, for the guides: {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs axe-core over the page as it is, with the WCAG 2.1 A and AA rules; returns the violations. */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        String axe;
        try {
            axe = Files.readString(AXE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("axe-core is missing: npm ci --prefix deploy/src/test/browser", e);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ('
                       + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))
                   .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
