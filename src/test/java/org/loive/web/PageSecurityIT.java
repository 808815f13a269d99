package org.loive.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loive.platform.web.PageController;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of every module, found from the page controllers themselves (a new page is checked without
 * editing this test): its security headers, and for every form that changes state, that a request without
 * the CSRF token is refused with 403 and changes nothing.
 */
class PageSecurityIT extends IntegrationTest {

	private static final Map<String, String> USER_BY_PREFIX = Map.of("/dashboard", "supervisor.qng", "/reports", "supervisor.qng", "/audit", "auditor",
			"/admin", "admin");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	private static String caseId;
	private static String personId;
	private static String taskId;

	/** Once, when the application runs: a case with a person and its classification task. */
	@BeforeEach
	void aCase() {
		if (caseId != null) {
			return;
		}
		Caseworker police = Caseworker.as("police.qng");
		JsonNode registered = police.receives("""
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"Người Kiểm Tra","sex":"F"}}""".formatted(JUST_RECEIVED));
		caseId = registered.get("caseId").asText();
		JsonNode view = police.caseView(caseId);
		personId = view.get("persons").get(0).get("personId").asText();
		taskId = view.get("openTasks").get(0).get("taskId").asText();
	}

	@Test
	void everyPageSendsTheSecurityHeaders() {
		List<String> checked = new ArrayList<>();
		Map<String, WebSession> sessions = new java.util.HashMap<>();
		for (String path : pages(RequestMethod.GET)) {
			String url = concrete(path);
			WebSession session = sessions.computeIfAbsent(user(path), user -> WebSession.logIn(BASE, user));
			HttpResponse<String> page = session.get(url);
			assertThat(page.statusCode()).as("GET %s", url).isLessThan(500);
			String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
			if (url.endsWith(".svg")) {
				assertThat(csp).as("an SVG shown as an image runs nothing").contains("default-src 'none'");
			}
			else {
				assertThat(csp).as("CSP of %s", url).contains("script-src 'self'", "style-src 'self'",
						"frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe");
			}
			assertThat(page.headers().firstValue("X-Frame-Options")).as("%s", url).hasValue("DENY");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).as("%s", url).hasValue("nosniff");
			assertThat(page.headers().firstValue("Cache-Control").orElse("")).as("%s", url).contains("no-store");
			assertThat(page.headers().firstValue("Referrer-Policy")).as("%s", url).hasValue("same-origin");
			checked.add(url);
		}
		assertThat(checked).as("the pages found").hasSizeGreaterThan(15);
	}

	@Test
	void everyFormRefusesARequestWithoutItsCsrfToken() {
		WebSession police = WebSession.logIn(BASE, "police.qng");
		long eventsBefore = jdbc.sql("select count(*) from audit_event where outcome = 'SUCCESS'").query(Long.class).single();
		List<String> refused = new ArrayList<>();
		for (String path : pages(RequestMethod.POST)) {
			String url = concrete(path);
			HttpResponse<String> answer = police.postRaw(url, Map.of("reason", "PERSON_DECLINED", "area", "GLI"));
			assertThat(answer.statusCode()).as("POST %s without CSRF token", url).isEqualTo(403);
			refused.add(url);
		}
		assertThat(refused).as("the forms found").hasSizeGreaterThan(10).contains("/logout", "/language");
		assertThat(jdbc.sql("select count(*) from audit_event where outcome = 'SUCCESS'").query(Long.class).single())
			.as("nothing allowed happened").isEqualTo(eventsBefore);
		assertThat(police.get("/inbox").statusCode()).as("still logged in: the logout was refused too").isEqualTo(200);
	}

	/** The paths of the page controllers' handlers for this method, and the logout. */
	private Set<String> pages(RequestMethod method) {
		Set<String> paths = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), PageController.class)) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (methods.contains(method) || methods.isEmpty() && method == RequestMethod.GET) {
				paths.addAll(entry.getKey().getPatternValues());
			}
		}
		if (method == RequestMethod.POST) {
			paths.add("/logout");
		}
		else {
			paths.remove("/logged-out");
		}
		return paths;
	}

	private static String concrete(String pattern) {
		return pattern.replace("{caseId}", caseId)
			.replace("{personId}", personId)
			.replace("{taskId}", taskId)
			.replace("{processKey}", "victim-referral")
			.replace("{consentId}", UUID.randomUUID().toString())
			.replaceAll("\\{[A-Za-z]*[Ii]d}", "1")
			.replaceAll("\\{[^}]+}", "x");
	}

	private static String user(String path) {
		return USER_BY_PREFIX.entrySet()
			.stream()
			.filter(entry -> path.startsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("police.qng");
	}
}
