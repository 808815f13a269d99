package org.loive.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's, driven by Selenium) for browser tests: log in through Keycloak, click and type,
 * wait for htmx, take full-page screenshots and check a page with the vendored axe-core (src/test/resources/axe).
 */
public final class Browser implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);
	private static final Duration LOGIN_WAIT = Duration.ofSeconds(60);
	private static final int MIN_WINDOW_WIDTH = 500;
	private static final String AXE_RESOURCE = "/axe/axe.min.js";
	private static volatile String axeSource;

	private final ChromeDriver driver;
	private final Path userDataDir;

	private Browser(int width, int height) {
		try {
			userDataDir = Files.createTempDirectory("loive-chromium");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("loive.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
				"--disable-sync", "--lang=vi", "--window-size=" + width + "," + height,
				"--user-data-dir=" + userDataDir);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("loive.chromedriver", "/usr/bin/chromedriver")))
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		if (width < MIN_WINDOW_WIDTH) {
			// Chromium does not make a window narrower than 500 px: narrow the page's viewport instead
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		}
	}

	/** A desktop browser, window 1400 × 1000. */
	public static Browser desktop() {
		return new Browser(1400, 1000);
	}

	/** A phone-sized browser, viewport 360 × 800 (only the size; no mobile user agent or touch). */
	public static Browser phone() {
		return new Browser(360, 800);
	}

	/** Opens {@code baseUrl + "/"}, logs {@code username} in with password "demo" on Keycloak's page, waits to be back. */
	public Browser logIn(String baseUrl, String keycloakIssuer, String username) {
		open(baseUrl + "/");
		WebDriverWait wait = new WebDriverWait(driver, LOGIN_WAIT);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		wait.until(d -> d.getCurrentUrl().startsWith(keycloakIssuer));
		type(By.id("username"), username);
		type(By.id("password"), "demo");
		click(By.id("kc-login"));
		wait.until(d -> d.getCurrentUrl().startsWith(baseUrl));
		return this;
	}

	/** The underlying Selenium driver, for anything this class does not cover. */
	public WebDriver driver() {
		return driver;
	}

	/** Navigates to {@code url}. */
	public void open(String url) {
		driver.get(url);
	}

	/** The first element matching {@code by}, without waiting. */
	public WebElement find(By by) {
		return driver.findElement(by);
	}

	/** All elements matching {@code by}, without waiting (empty if none). */
	public List<WebElement> findAll(By by) {
		return driver.findElements(by);
	}

	/** Waits up to 30 s for an element matching {@code by} to be visible, and returns it. */
	public WebElement waitFor(By by) {
		return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Waits up to 30 s until the element matching {@code by} contains {@code text}. */
	public void waitForText(By by, String text) {
		new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	/** The visible text of the page's body. */
	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** Waits up to 30 s for the element to be clickable, then clicks it. */
	public void click(By by) {
		new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	/** Waits for the field to be visible, clears it and types {@code text}. */
	public void type(By by, String text) {
		WebElement field = waitFor(by);
		field.clear();
		field.sendKeys(text);
	}

	/** Chooses the option with value {@code value} in the {@code <select>} matching {@code by}. */
	public void select(By by, String value) {
		new Select(waitFor(by)).selectByValue(value);
	}

	/** Waits up to 30 s until no element carries htmx's {@code htmx-request} class, i.e. no htmx request is in flight. */
	public void waitForHtmxIdle() {
		new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE
			.equals(((JavascriptExecutor) d).executeScript("return document.querySelector('.htmx-request') === null;")));
	}

	/** Writes a full-page PNG to {@code target/screenshots/<name>.png} and returns its path. */
	public Path screenshot(String name) {
		Path file = Path.of("target", "screenshots", name + ".png");
		byte[] png;
		try {
			png = fullPage();
		}
		catch (WebDriverException | ClassCastException | NullPointerException e) {
			png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		}
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, png);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}

	@SuppressWarnings("unchecked")
	private byte[] fullPage() {
		Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Object> size = (Map<String, Object>) metrics.getOrDefault("cssContentSize", metrics.get("contentSize"));
		double width = ((Number) size.get("width")).doubleValue();
		double height = ((Number) size.get("height")).doubleValue();
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
				"captureBeyondViewport", true,
				"clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		return Base64.getDecoder().decode((String) shot.get("data"));
	}

	/**
	 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and returns its serious and critical violations,
	 * one line each: {@code "<id> (<impact>): <help> — <first 3 node targets>"}.
	 */
	@SuppressWarnings("unchecked")
	public List<String> accessibilityViolations() {
		// executeScript runs through DevTools, so the pages' strict Content-Security-Policy does not stop it
		// (a <script> element would be blocked); hiding `module` keeps axe's UMD wrapper from exporting there only
		driver.executeScript("if (typeof window.axe === 'undefined') { var module = undefined, exports = undefined, define = undefined; "
				+ axe() + "\n; window.axe = axe; }");
		Object result = driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				window.axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
					.then(r => done(r.violations
						.filter(v => v.impact === 'serious' || v.impact === 'critical')
						.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
							+ v.nodes.slice(0, 3).map(n => [].concat(n.target).join(' ')).join(', '))),
						e => done({error: String(e)}));""");
		if (result instanceof Map<?, ?> error) {
			throw new IllegalStateException("axe failed: " + error.get("error"));
		}
		return List.copyOf((List<String>) result);
	}

	private static String axe() {
		String source = axeSource;
		if (source == null) {
			try (InputStream in = Browser.class.getResourceAsStream(AXE_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException(AXE_RESOURCE + " is not on the test classpath");
				}
				source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			axeSource = source;
		}
		return source;
	}

	/** Quits the browser and removes its temporary profile. */
	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(userDataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException | UncheckedIOException e) {
				// best effort: it is a temporary directory
			}
		}
	}
}
