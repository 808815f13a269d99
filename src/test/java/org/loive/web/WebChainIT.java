package org.loive.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.loive.platform.Vietnam;
import org.loive.support.Browser;
import org.loive.support.CaseTimers;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.support.TestKeycloak;
import org.loive.support.WebSession;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case walked through the web pages only, in a real headless Chromium through Keycloak's login page, each
 * step as the demo user of the agency that owns it: intake of a hotline report with a person and a minor,
 * classification, receipt, verification, identification, risk, protection, the support plan, every service
 * referral accepted and delivered by its provider, reintegration and closure. The supervisor's dashboard shows
 * the case move, the auditor finds every read of the person and the chain intact, and police of another
 * province see nothing of it. Every page is screenshot in Vietnamese and English under {@code target/screenshots}
 * and checked with axe-core.
 */
class WebChainIT extends IntegrationTest {

	private static final Caseworker SUPERVISOR = Caseworker.as("supervisor.qng");
	private static final Map<String, Browser> BROWSERS = new HashMap<>();
	/** Each page screenshot: who, where, under which name; revisited in English at the end. */
	private static final Map<String, String[]> SHOTS = new LinkedHashMap<>();
	private static final List<String> VIOLATIONS = new ArrayList<>();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@AfterAll
	static void closeBrowsers() {
		BROWSERS.values().forEach(Browser::close);
	}

	@Test
	void aCaseGoesFromTheHotlineToClosureThroughTheWebPages() throws Exception {
		Browser police = as("police.qng");
		shoot(police, "inbox-police");

		Browser supervisor = as("supervisor.qng");
		shoot(supervisor, "dashboard-before");
		int receivedBefore = Integer.parseInt(supervisor.find(By.cssSelector("#received-this-month [data-month='this']"))
			.getText().strip());

		// 1. police.qng receives a hotline report with a person and an accompanying minor
		police.open(BASE + "/referrals/new");
		fill(police, answers("channel", "HOTLINE_111", "immediateDanger", "false"));
		police.type(By.name("person.fullName"), "Nguyễn Thị Hoa Mẫu");
		police.type(By.name("person.phone"), "0912 345 678");
		police.click(By.cssSelector("input[name='person.sex'][value='F']"));
		police.type(By.name("narrative"), "Tin báo qua đường dây nóng 111: người bị giữ ở nước ngoài.");
		police.click(By.cssSelector("[data-repeat-add]"));
		police.waitFor(By.name("accompanyingMinors[0].sex"));
		police.click(By.cssSelector("input[name='accompanyingMinors[0].sex'][value='M']"));
		police.select(By.name("accompanyingMinors[0].ageBand"), "6-11");
		shoot(police, "referral-new");
		police.click(By.id("save-referral"));
		String reference = police.waitFor(By.id("reference")).getText();
		assertThat(reference).matches("QNG-\\d{4}-\\d{6}");
		shoot(police, "referral-registered");
		String caseId = police.driver().getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]{36}).*", "$1");

		// the classification task in the inbox: claimed with one click, without reloading the page
		// the classification steps not yet claimed, latest deadline first: other ITs' tasks fill more than a page
		police.open(BASE + "/inbox?filter=UNCLAIMED&step=Task_Classify&sort=-due");
		By row = By.cssSelector("#inbox tr[data-reference='" + reference + "']");
		police.waitFor(row);
		police.click(By.cssSelector("#inbox tr[data-reference='" + reference + "'] [data-action='claim']"));
		police.waitForHtmxIdle();
		police.waitFor(By.cssSelector("#inbox tr[data-reference='" + reference + "'] [data-action='release']"));
		shoot(police, "inbox-claimed");
		police.click(By.cssSelector("#inbox tr[data-reference='" + reference + "'] [data-action='open']"));
		police.waitFor(By.id("task-form"));
		police.waitFor(By.cssSelector("#persons-panel .person"));
		police.click(By.cssSelector("#persons-panel [data-reveal='identity']"));
		police.waitFor(By.cssSelector("#persons-panel .revealed[data-section='identity']"));
		assertThat(police.text()).contains("Nguyễn Thị Hoa Mẫu");
		shoot(police, "task-classify");
		fill(police, answers("classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", "false", "foreignNational", "false"));
		police.click(By.id("complete"));
		police.waitFor(By.cssSelector(".alert-ok"));

		// 2. the rest of the chain, each open step by the user of its agency, through the task page
		Map<String, Integer> done = workUntilClosed(caseId);
		assertThat(done).containsKeys("Task_ReceivePerson", "Task_PlanInterimSupport", "Task_InitialVerification",
				"Task_Identify",
				"Task_AssessRisk", "Task_ApplyProtection", "Task_PlanSupport", "Task_RespondToReferral",
				"Task_DeliverService", "Task_ReceiveReintegrationApplication", "Task_Close");

		// 3. the case page: the whole chain as a timeline, the diagram
		police.open(BASE + "/cases/" + caseId);
		police.waitFor(By.id("timeline"));
		assertThat(police.findAll(By.cssSelector("#timeline [data-state='done']")).size()).isGreaterThan(10);
		shoot(police, "case-closed-police");
		as("health.qng").open(BASE + "/service-referrals");
		as("health.qng").waitFor(By.id("service-referrals"));
		shoot(as("health.qng"), "service-referrals-health");

		// 4. the supervisor sees the case move; the auditor every read of the person, and the chain intact
		supervisor.open(BASE + "/dashboard");
		int receivedAfter = Integer.parseInt(supervisor.find(By.cssSelector("#received-this-month [data-month='this']"))
			.getText().strip());
		assertThat(receivedAfter).as("received now, so this month").isEqualTo(receivedBefore + 1);
		shoot(supervisor, "dashboard-after");
		supervisor.open(BASE + "/reports?period=" + YearMonth.now(Vietnam.ZONE));
		supervisor.waitFor(By.id("kpi-K1"));
		assertThat(supervisor.find(By.cssSelector("#kpi-K1 .status")).getText()).as("met or not, in words").isNotBlank();
		shoot(supervisor, "reports");
		supervisor.click(By.cssSelector("#kpi-K6 a.number"));
		supervisor.waitFor(By.id("cases-behind"));
		assertThat(supervisor.findAll(By.cssSelector("#cases-behind a[href='/cases/" + caseId + "']")))
			.as("the victim identified and supported this month lies behind K6").hasSize(1);
		shoot(supervisor, "report-cases");
		supervisor.open(BASE + "/reports/calendar");
		supervisor.waitFor(By.id("calendar"));
		shoot(supervisor, "report-calendar");
		supervisor.click(By.cssSelector("#calendar tr:not([data-status='UPCOMING']) a.button"));
		supervisor.waitFor(By.id("submit-form"));
		shoot(supervisor, "report-submit");
		supervisor.type(By.name("documentNo"), "15/BC-BCĐ");
		supervisor.type(By.name("signerName"), "Nguyễn Văn An");
		// the API's test may have submitted this report already: then this is a correction, which needs its reason
		supervisor.type(By.name("reason"), "Bổ sung số liệu sau khi rà soát");
		supervisor.click(By.cssSelector("#submit-form input[name='confirmed']"));
		supervisor.click(By.cssSelector("#submit-form button[type='submit']"));
		supervisor.waitFor(By.cssSelector("#seal, .alert-error"));
		assertThat(supervisor.findAll(By.id("seal"))).as("submitted: %s", supervisor.text()).isNotEmpty();
		assertThat(supervisor.find(By.id("seal")).getAttribute("class")).as("sealed, and the seal holds").contains("alert-ok");
		shoot(supervisor, "report-submission");
		String submission = supervisor.driver().getCurrentUrl();
		supervisor.open(BASE + "/cases/" + caseId);
		supervisor.waitFor(By.id("timeline"));
		shoot(supervisor, "case-supervisor");

		String personId = SUPERVISOR.caseView(caseId).get("persons").get(0).get("personId").asText();
		Browser auditor = as("auditor");
		auditor.open(BASE + "/audit");
		auditor.waitFor(By.cssSelector("#verification[data-status]"));
		assertThat(auditor.find(By.id("verification")).getAttribute("data-status")).isEqualTo("INTACT");
		shoot(auditor, "audit-trail");
		auditor.open(BASE + "/audit/persons/" + personId + "/accesses?officers=true");
		long reads = jdbc.sql("select count(*) from audit_event where person_id = :p and action = 'PERSON_READ' and outcome = 'SUCCESS'")
			.param("p", personId).query(Long.class).single();
		assertThat(reads).isPositive();
		assertThat(auditor.findAll(By.cssSelector("#accesses tr[data-action='PERSON_READ']"))).hasSize((int) reads);
		shoot(auditor, "disclosure");
		auditor.open(submission);
		auditor.waitFor(By.id("seal"));
		assertThat(auditor.findAll(By.id("frozen-indicators"))).as("auditors see the seal, not the figures").isEmpty();
		shoot(auditor, "report-submission-auditor");
		auditor.open(BASE + "/audit/reviews");
		shoot(auditor, "audit-reviews");
		Browser admin = as("admin");
		admin.open(BASE + "/admin/vault");
		admin.waitFor(By.id("vault-keys"));
		shoot(admin, "vault-keys");

		// 5. police of another province see nothing of it; a section without a basis is neither offered nor given
		Browser gli = as("police.gli");
		assertThat(gli.findAll(By.cssSelector("#inbox tr[data-reference='" + reference + "']"))).isEmpty();
		gli.open(BASE + "/cases?q=" + reference);
		assertThat(gli.findAll(By.cssSelector("#cases tr[data-reference]"))).isEmpty();
		gli.open(BASE + "/cases/" + caseId);
		assertThat(gli.text()).as("the error page keeps the header: who is signed in, the way out").contains("Không có quyền",
				"police.gli", "Đăng xuất");
		shoot(gli, "error-403");
		Browser commune = as("commune.qng");
		commune.open(BASE + "/cases/" + caseId);
		commune.waitFor(By.cssSelector("#persons-panel-content .person"));
		assertThat(commune.findAll(By.cssSelector("#persons-panel-content [data-reveal='narrative']"))).isEmpty();
		long denialsBefore = denials("commune.qng", personId);
		var crafted = WebSession.logIn(BASE, "commune.qng")
			.post("/cases/" + caseId + "/persons/" + personId + "/reveal", Map.of("sections", "narrative", "task", ""));
		assertThat(crafted.statusCode()).isEqualTo(403);
		assertThat(crafted.body()).contains("Không có quyền").doesNotContain("Tin báo qua đường dây nóng");
		assertThat(denials("commune.qng", personId)).isEqualTo(denialsBefore + 1);
		police.open(BASE + "/camunda/app/tasklist/default/");
		police.waitFor(By.cssSelector("a[href='/']"));
		shoot(police, "tasklist-notice");

		// 6. a commune officer on a phone
		try (Browser phone = Browser.phone()) {
			phone.logIn(BASE, TestKeycloak.get().issuer(), "commune.qng");
			phone.open(BASE + "/inbox");
			assertFitsThePhone(phone);
			phone.screenshot("phone-inbox-commune");
			VIOLATIONS.addAll(phone.accessibilityViolations().stream().map(v -> "phone-inbox: " + v).toList());
			phone.open(BASE + "/cases/" + caseId);
			phone.waitFor(By.cssSelector("#persons-panel-content .person"));
			assertFitsThePhone(phone);
			phone.screenshot("phone-case-commune");
			phone.open(BASE + "/referrals/new");
			assertFitsThePhone(phone);
			phone.screenshot("phone-referral-new");
			VIOLATIONS.addAll(phone.accessibilityViolations().stream().map(v -> "phone-referral: " + v).toList());
		}

		// 7. every page again in English, through the language switch, which is remembered
		for (Map.Entry<String, String[]> shot : SHOTS.entrySet()) {
			Browser browser = as(shot.getValue()[0]);
			if (!"en".equals(browser.find(By.tagName("html")).getAttribute("lang"))) {
				browser.click(By.cssSelector("form.lang button[value='en']"));
				browser.waitFor(By.cssSelector("html[lang='en']"));
			}
			browser.open(shot.getValue()[1]);
			assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.screenshot(shot.getKey() + "-en");
		}
		assertThat(VIOLATIONS).as("axe-core: serious or critical violations").isEmpty();

		// 8. logging out ends the Keycloak session too: the next visit asks for the password again
		police.click(By.cssSelector("header form[action='/logout'] button"));
		police.waitFor(By.cssSelector("a.button.primary[href='/']"));
		police.open(BASE + "/inbox");
		police.waitFor(By.id("username"));
		assertThat(police.driver().getCurrentUrl()).startsWith(TestKeycloak.get().issuer());
	}

	/** Completes every open step of the case on its task page, as the user of the step's agency. */
	private Map<String, Integer> workUntilClosed(String caseId) {
		Map<String, Integer> done = new LinkedHashMap<>();
		for (int round = 0; round < 120; round++) {
			JsonNode view = SUPERVISOR.caseView(caseId);
			JsonNode open = view.get("openTasks");
			if (open.isEmpty() && "CLOSED".equals(view.get("stage").asText())) {
				return done;
			}
			if (open.isEmpty()) {
				CaseTimers.fireAll(runtime, management, caseId);
				continue;
			}
			JsonNode task = open.get(0);
			String key = task.get("taskKey").asText();
			Browser browser = as(Caseworker.demoUserOf(task.get("agencies").get(0).asText()));
			browser.open(BASE + "/tasks/" + task.get("taskId").asText());
			browser.waitFor(By.id("task-form"));
			if (!done.containsKey(key)) {
				shoot(browser, "task-" + key.replace("Task_", "").toLowerCase());
			}
			fill(browser, decision(key));
			browser.click(By.id("complete"));
			browser.waitFor(By.cssSelector(".alert-ok"));
			done.merge(key, 1, Integer::sum);
		}
		throw new AssertionError("the case did not close in 120 steps: " + done);
	}

	private static Map<String, String> decision(String taskKey) {
		return switch (taskKey) {
			case "Task_ReceivePerson" -> answers("healthDepartmentNotified", "true", "temporaryShelterProvided", "true");
			case "Task_InitialVerification" -> answers("documentsExist", "true", "policeConsulted", "true");
			case "Task_PlanInterimSupport" -> answers("consentedServices", "b");
			case "Task_Identify" -> answers("victim", "true", "evidenceKinds", "PERSON_STATEMENT,WITNESS_STATEMENT",
					"confirmationIssued", "true", "exploitationForms", "FORCED_LABOUR_FISHING");
			case "Task_NotifyGuardian" -> answers("notified", "PARENTS");
			case "Task_AssessRisk" -> answers("threatsReceived", "true", "traffickersAtLarge", "false",
					"traffickersKnowWhereabouts", "false", "relativesThreatened", "false", "minor", "false",
					"previouslyTrafficked", "false");
			case "Task_AssessMinorRisk" -> answers("threatsReceived", "true", "traffickersAtLarge", "false",
					"traffickersKnowWhereabouts", "false", "relativesThreatened", "false", "minor", "false",
					"previouslyTrafficked", "false");
			case "Task_ApplyProtection" -> answers("protectionRefused", "false", "measures", "IDENTITY_CONFIDENTIALITY");
			case "Task_ReviewProtection" -> answers("stillAtRisk", "false");
			case "Task_PlanSupport" -> answers("consentedServices", "a,d");
			case "Task_RespondToReferral" -> answers("referralAccepted", "true");
			case "Task_DeliverService" -> answers("outcome", "DELIVERED");
			case "Task_ReceiveReintegrationApplication" -> answers("applicationReceived", "true");
			case "Task_DecideReintegration" -> answers("reintegrationApproved", "true");
			case "Task_FollowUpVisit" -> answers("reTraffickingRisk", "LOW", "moreVisitsNeeded", "false");
			case "Task_Close" -> answers("outcome", "REINTEGRATED");
			default -> throw new AssertionError("no decision for " + taskKey);
		};
	}

	/** One column at 360 px: nothing wider than the screen, so nothing to scroll sideways. */
	private static void assertFitsThePhone(Browser phone) {
		Object width = ((org.openqa.selenium.JavascriptExecutor) phone.driver())
			.executeScript("return document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).as("page width at 360 px: %s", phone.driver().getCurrentUrl())
			.isLessThanOrEqualTo(360);
	}

	/** Answers in the order a caseworker gives them: a conditional field appears once the answer before it is given. */
	private static Map<String, String> answers(String... keysAndValues) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			answers.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return answers;
	}

	/** Answers a rendered form as a caseworker would: a click on each choice, text typed. */
	private static void fill(Browser browser, Map<String, String> answers) {
		answers.forEach((name, value) -> {
			for (String one : value.split(",")) {
				var choice = browser.findAll(By.cssSelector("input[name='" + name + "'][value='" + one + "']"));
				if (!choice.isEmpty()) {
					if (!choice.get(0).isSelected()) {
						choice.get(0).click();
					}
				}
				else if (!browser.findAll(By.cssSelector("select[name='" + name + "']")).isEmpty()) {
					browser.select(By.name(name), one);
				}
				else {
					browser.type(By.name(name), one);
				}
			}
		});
	}

	private long denials(String username, String personId) {
		return jdbc.sql("select count(*) from audit_event where username = :u and person_id = :p and outcome = 'DENIED'")
			.param("u", username)
			.param("p", personId)
			.query(Long.class)
			.single();
	}

	/** The user's browser, logged in once through Keycloak's login page. */
	private static Browser as(String username) {
		return BROWSERS.computeIfAbsent(username,
				user -> Browser.desktop().logIn(BASE, TestKeycloak.get().issuer(), user));
	}

	/** A screenshot of the page in Vietnamese and its axe-core check; the page is revisited in English at the end. */
	private static void shoot(Browser browser, String name) {
		String user = BROWSERS.entrySet().stream().filter(e -> e.getValue() == browser).findFirst().orElseThrow().getKey();
		SHOTS.putIfAbsent(name, new String[] { user, browser.driver().getCurrentUrl() });
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
		browser.screenshot(name + "-vi");
		VIOLATIONS.addAll(browser.accessibilityViolations().stream().map(v -> name + ": " + v).toList());
		if (name.startsWith("task-")) {
			// a task is gone once done: its English page now, through the switch, and back to Vietnamese
			browser.click(By.cssSelector("form.lang button[value='en']"));
			browser.waitFor(By.cssSelector("html[lang='en'] #task-form"));
			browser.screenshot(name + "-en");
			VIOLATIONS.addAll(browser.accessibilityViolations().stream().map(v -> name + " (en): " + v).toList());
			browser.click(By.cssSelector("form.lang button[value='vi']"));
			browser.waitFor(By.cssSelector("html[lang='vi'] #task-form"));
			SHOTS.remove(name);
		}
	}
}
