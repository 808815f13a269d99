package org.loive.access;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loive.support.IntegrationTest;
import org.loive.support.TestKeycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor logs into Cockpit through Keycloak's login page, in a real headless Chromium. */
class CockpitLoginIT extends IntegrationTest {

	private WebDriver browser;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void openBrowser() throws Exception {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("loive.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
				"--disable-sync", "--lang=vi", "--window-size=1400,1000",
				"--user-data-dir=" + Files.createTempDirectory("loive-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("loive.chromedriver", "/usr/bin/chromedriver")))
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void supervisorLogsInThroughKeycloakSeesTheProcessDefinitionAndLogsOut() throws Exception {
		browser.get(BASE + "/camunda/app/cockpit/default/#/processes");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.get().issuer());
		browser.findElement(By.id("username")).sendKeys("supervisor.qng");
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("kc-login")).click();

		wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
		// the fragment does not survive the login redirect: open the process list now that the session exists
		browser.get(BASE + "/camunda/app/cockpit/default/#/processes");
		try {
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
					"Tiếp nhận, xác minh, xác định, bảo vệ và hỗ trợ nạn nhân mua bán người"));
		}
		finally {
			Files.write(Path.of("target/cockpit-supervisor.png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("supervisor.qng");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN' and username = 'supervisor.qng'")
			.query(Integer.class).single()).as("the login is on the audit record").isPositive();

		// the diagram interchange of bpmn/ lets Cockpit draw the chain with its lanes
		browser.findElement(By.linkText("victim-referral")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg [data-element-id='Lane_Police']")));
		Files.write(Path.of("target/cockpit-diagram.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		assertThat(browser.findElements(By.cssSelector("[data-element-id='Task_Classify']"))).isNotEmpty();

		// Cockpit's "Log out" calls this endpoint; afterwards Keycloak must ask for the password again
		Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST'}).then(r => done(r.status));""");
		assertThat(status).isEqualTo(200L);
		browser.get(BASE + "/camunda/app/cockpit/default/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.get().issuer());
	}
}
