package dev.kefu.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, or {@code KEFU_CHROMIUM} and
 * {@code KEFU_CHROMEDRIVER}) driven by Selenium. Where they are missing, the test is reported as skipped with the
 * reason, never silently passed. Screenshots go to docs/screenshots/, which the README links.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = env("KEFU_CHROMIUM", "/usr/bin/chromium");
	private static final String CHROMEDRIVER = env("KEFU_CHROMEDRIVER", "/usr/bin/chromedriver");
	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private final ChromeDriver driver;
	private final List<String> policyViolations = new java.util.ArrayList<>();

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/** A desktop browser session (its own profile: storage is not shared with other sessions). */
	public static Browser open(int width, int height, String language) {
		return open(width, height, language, false, java.util.Map.of());
	}

	/** A desktop browser session in which every site may show notifications, as if the user had allowed them. */
	public static Browser allowingNotifications(int width, int height, String language) {
		return open(width, height, language, false,
				java.util.Map.of("profile.default_content_setting_values.notifications", 1));
	}

	/** A phone: Chrome's device emulation at that size (a headless window cannot be narrower than 500 pixels). */
	public static Browser phone(int width, int height, String language) {
		return open(width, height, language, true, java.util.Map.of());
	}

	private static Browser open(int width, int height, String language, boolean phone,
			java.util.Map<String, Object> prefs) {
		Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
				"browser test SKIPPED: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
						+ " (apt-get install chromium chromium-driver, or set KEFU_CHROMIUM/KEFU_CHROMEDRIVER)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + "," + height, "--lang=" + language);
		// --lang alone does not reach navigator.language in headless mode; the preference does.
		java.util.Map<String, Object> allPrefs = new java.util.HashMap<>(prefs);
		allPrefs.put("intl.accept_languages", language);
		options.setExperimentalOption("prefs", allPrefs);
		if (phone) {
			options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
					java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// Chrome reports some violations (eval) only in DevTools' issues, not the console: every page says them there.
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
				addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violated: '
				  + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':' + e.lineNumber));
				"""));
		return new Browser(driver);
	}

	public WebDriver driver() {
		return driver;
	}

	public void get(String url) {
		driver.get(url);
	}

	public <T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, PATIENCE).until(condition);
	}

	/** Waits for an element that is displayed. */
	public WebElement shown(SearchContext where, By by) {
		return await(d -> where.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
	}

	public WebElement shown(By by) {
		return shown(driver, by);
	}

	/** Clicks a displayed element; an element that Vue replaced meanwhile is looked up again. */
	public void click(By by) {
		await(d -> {
			try {
				shown(by).click();
				return true;
			}
			catch (StaleElementReferenceException replaced) {
				return null;
			}
		});
	}

	/** Types into a displayed element, looked up again if it was replaced before the first key. */
	public void type(By by, CharSequence... keys) {
		await(d -> {
			try {
				shown(by).sendKeys(keys);
				return true;
			}
			catch (StaleElementReferenceException replaced) {
				return null;
			}
		});
	}

	/** Waits until an element's text contains the text; an element that Vue replaced meanwhile is looked up again. */
	public WebElement withText(By by, String text) {
		return await(d -> {
			try {
				return d.findElements(by).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null);
			}
			catch (StaleElementReferenceException replaced) {
				return null;
			}
		});
	}

	/** A Chrome DevTools Protocol command on the current page, for what WebDriver cannot say (focus, permissions). */
	public java.util.Map<String, Object> devTools(String command, java.util.Map<String, Object> params) {
		return driver.executeCdpCommand(command, params);
	}

	public Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	/** Errors the pages logged to the console since the last call. */
	public List<String> consoleErrors() {
		List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
		entries.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.forEach(policyViolations::add);
		return entries.stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Everything the pages logged since the last call, for a test that provokes a message on purpose: what it reads
	 * here (a violation of a policy it meant to break, too) no longer fails the test on {@link #close()}.
	 */
	public List<String> consoleMessages() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	/** Saves a screenshot as docs/screenshots/{name}.png (the folder the README links). */
	public void screenshot(String name) {
		try {
			Path target = Path.of("docs", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new IllegalStateException("could not save screenshot " + name, e);
		}
	}

	/** Ends the session; a page that broke its Content-Security-Policy meanwhile fails the test. */
	@Override
	public void close() {
		try {
			consoleErrors();
		}
		finally {
			driver.quit();
		}
		if (!policyViolations.isEmpty()) {
			throw new AssertionError("the pages broke their Content-Security-Policy: " + policyViolations);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
