package org.loive.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.loive.support.Api;
import org.loive.support.Caseworker;
import org.loive.platform.Vietnam;
import org.loive.support.IntegrationTest;
import org.loive.support.WebSession;
import org.loive.vault.Section;
import org.loive.workflow.ReferralProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every endpoint of {@code /api/v1} against every demo user of the dev realm, and against a request without
 * a token: the status each one gets. {@link #MATRIX} is the only place the expectations live; the tables of
 * {@code docs/authorization-matrix.md} are generated from it and from {@link SectionPolicy}, and checked
 * against the document, so the document cannot drift from what is tested. Every request is valid apart from
 * who sends it, and every refusal (403) must be on record in the audit trail.
 */
class AuthorizationMatrixIT extends IntegrationTest {

	static final String NO_TOKEN = "no token";

	/** The columns of the matrix, in this order: the demo users, then a request without a token. */
	static final List<String> USERS = List.of("police.qng", "border.qng", "health.qng", "legalaid.qng", "commune.qng",
			"foreignaffairs.qng", "education.qng", "labour.qng", "womensunion.qng", "youthunion.qng", "socialbank.qng",
			"procuracy.qng", "court.qng", "supervisor.qng", "auditor", "admin", "police.gli", NO_TOKEN);

	static final Path DOC = Path.of("docs/authorization-matrix.md");
	static final Path GENERATED = Path.of("target/authorization-matrix.md");

	static final Caseworker POLICE = Caseworker.as("police.qng");

	/** The case every fixture stands on: QNG, received by police.qng through hotline 111, inland. */
	static final String REFERRAL = """
			{"channel":"HOTLINE_111","area":"QNG","place":"INLAND","receivedAt":"%s",
			 "immediateDanger":false,"person":{"fullName":"Phạm Thị Lan","sex":"F"},
			 "narrative":"Bị lừa sang biên giới làm việc"}""".formatted(JUST_RECEIVED);
	static final String CLASSIFICATION = """
			{"decision":{"classification":"TRAFFICKING_SUSPECTED","rescueNeeded":false,"foreignNational":false}}""";
	static final String RELATIVE = """
			{"role":"RELATIVE","person":{"fullName":"Phạm Văn Minh","sex":"M"}}""";
	static final String LEGAL_NOTES = """
			{"legal":{"notes":"Đã trình báo công an xã"}}""";
	static final String BREAK_GLASS = """
			{"sections":["identity"],"reason":"QUALITY_REVIEW","reference":"12/QĐ-TTr"}""";
	static final String CONSENT = """
			{"purpose":"LEGAL_AID","recipientAgency":"LEGAL_AID","sections":["identity"]}""";

	static final String CASE = "/api/v1/cases/{caseId}";
	static final String PERSON = CASE + "/persons/{personId}";
	static final String CRIMINAL_CASE = "/api/v1/criminal-cases/{criminalCaseId}";

	/**
	 * The expected status per endpoint and user. {@code shared} rows all work on one case, which none of
	 * them changes in a way that matters to the next request; {@code fresh} rows change the case (claim,
	 * complete, transfer, erasure, withdrawals, links and milestones of a criminal case), so every user gets a
	 * case of their own.
	 * "202/409": a key rotation may be running already, which is a refusal of no one.
	 */
	/** The province's supervisors, and no one else. */
	static final String SUPERVISORS_ONLY = "403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 403 401";

	/** Supervisors and administrators read the engine (a supervisor their province's instances only). */
	static final String ENGINE_READERS = "403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 200 403 401";
	/** Acting on a case through the engine: no one. */
	static final String NO_ONE = "403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401";
	/** An operator's write on the engine. */
	static final String ADMINS_ONLY = "403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204 403 401";
	static final String ENGINE_INSTANCE = "/engine-rest/process-instance/{processInstanceId}";

	static final List<Row> MATRIX = List.of(
			// police border health legal commune foreign | education labour womens youth bank | procuracy court |
			// supervisor auditor admin
			// police.gli none
			shared("POST", "/api/v1/referrals", REFERRAL, "201 201 201 201 201 201 201 201 201 201 201 201 201 403 403 403 403 401"),
			shared("GET", "/api/v1/tasks", null, "200 200 200 200 200 200 200 200 200 200 200 200 200 403 403 403 200 401"),
			fresh("POST", "/api/v1/tasks/{taskId}/claim", null, "200 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			fresh("POST", "/api/v1/tasks/{taskId}/complete", CLASSIFICATION, "200 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			shared("GET", "/api/v1/cases", null, "200 200 200 200 200 200 200 200 200 200 200 200 200 200 403 403 200 401"),
			shared("GET", CASE, null, "200 200 200 200 200 200 200 200 200 200 200 200 200 200 403 403 403 401"),
			fresh("POST", CASE + "/consent-withdrawal", "{\"reason\":\"PERSON_DECLINED\"}",
					"204 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			fresh("POST", CASE + "/report-resolution", "{\"outcome\":\"INITIATED\",\"decidedOn\":\"{today}\"}",
					"204 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			fresh("POST", CASE + "/transfer", "{\"area\":\"GLI\"}", "403 403 403 403 403 403 403 403 403 403 403 403 403 204 403 403 403 401"),
			shared("GET", "/api/v1/escalations", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 403 401"),
			shared("GET", PERSON + "?sections=identity", null, "200 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			shared("POST", PERSON + "/break-glass", BREAK_GLASS, "403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 403 401"),
			shared("POST", CASE + "/persons", RELATIVE, "201 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			shared("PUT", PERSON, LEGAL_NOTES, "204 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			fresh("POST", PERSON + "/erasure", "{\"reason\":\"LAWFUL_REQUEST\"}", "403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204 403 401"),
			shared("GET", PERSON + "/consents", null, "200 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			shared("POST", PERSON + "/consents", CONSENT, "201 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			fresh("POST", PERSON + "/consents/{consentId}/withdrawal", null, "200 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			shared("GET", "/api/v1/admin/vault/keys", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 401"),
			shared("GET", "/api/v1/admin/vault/key-rotations", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 401"),
			shared("POST", "/api/v1/admin/vault/key-rotations", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 202/409 403 401"),
			shared("GET", "/api/v1/admin/vault/key-rotations/{rotationId}", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 401"),
			shared("GET", "/api/v1/audit/events?caseId={caseId}&size=5", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 401"),
			shared("GET", "/api/v1/audit/verify", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 401"),
			shared("GET", "/api/v1/audit/export?fromSeq=1&toSeq=20", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 401"),
			shared("GET", "/api/v1/audit/public-key", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 401"),
			shared("GET", "/api/v1/audit/persons/{personId}/accesses", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 401"),
			shared("GET", "/api/v1/audit/reviews/pending", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 401"),
			shared("POST", "/api/v1/criminal-cases", "{\"reference\":\"{number}\",\"charge\":\"ARTICLE_150\"}",
					"201 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 201 401"),
			shared("GET", "/api/v1/criminal-cases", null, "200 200 200 200 200 200 200 200 200 200 200 200 200 200 403 403 200 401"),
			fresh("DELETE", "/api/v1/criminal-cases/{linkedCriminalCaseId}/cases/{caseId}", null,
					"204 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			shared("GET", CRIMINAL_CASE, null, "200 200 200 200 200 200 200 200 200 200 200 200 200 200 403 403 403 401"),
			fresh("POST", CRIMINAL_CASE + "/cases", "{\"reference\":\"{reference}\"}",
					"204 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			fresh("POST", CRIMINAL_CASE + "/milestones", "{\"milestone\":\"INITIATED\",\"date\":\"{today}\"}",
					"204 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 401"),
			shared("GET", "/api/v1/reports?period={year}", null, SUPERVISORS_ONLY),
			shared("GET", "/api/v1/reports/indicators/K1/trend?period={year}", null, SUPERVISORS_ONLY),
			shared("GET", "/api/v1/reports/indicators/K1/cases?period={year}", null, SUPERVISORS_ONLY),
			shared("GET", "/api/v1/reports/export?period={year}&format=CSV", null, SUPERVISORS_ONLY),
			shared("GET", "/api/v1/reports/research-export?scope=PROVINCE", null, SUPERVISORS_ONLY),
			shared("GET", "/api/v1/reports/calendar", null, SUPERVISORS_ONLY),
			// submitting with an obligation the calendar does not have: 404 for whoever may submit, changing nothing
			shared("POST", "/api/v1/reports/submissions?obligation=no-such&period={year}",
					"{\"signerName\":\"Nguyễn Văn An\",\"confirmed\":true}",
					"403 403 403 403 403 403 403 403 403 403 403 403 403 404 403 403 403 401"),
			// auditors see submissions and their seals, not the document (no submission of this id: 404 for those who may)
			shared("GET", "/api/v1/reports/submissions", null, "403 403 403 403 403 403 403 403 403 403 403 403 403 200 200 403 403 401"),
			shared("GET", "/api/v1/reports/submissions/00000000-0000-4000-8000-000000000000", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 404 404 403 403 401"),
			shared("GET", "/api/v1/reports/submissions/00000000-0000-4000-8000-000000000000/document", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 404 403 403 403 401"),
			fresh("POST", "/api/v1/audit/reviews", "{\"seq\":{flaggedSeq},\"finding\":\"JUSTIFIED\"}",
					"403 403 403 403 403 403 403 403 403 403 403 403 403 403 201 403 403 401"),
			// Camunda's REST API: reads (scoped by per-instance grants), an operator's writes, and nothing that acts
			shared("GET", "/engine-rest/process-definition?key=victim-referral", null, ENGINE_READERS),
			shared("GET", "/engine-rest/process-instance?businessKey={caseId}", null, ENGINE_READERS),
			shared("POST", "/engine-rest/process-instance", "{\"businessKey\":\"{caseId}\"}", ENGINE_READERS),
			shared("GET", "/engine-rest/history/process-instance?processInstanceBusinessKey={caseId}", null, ENGINE_READERS),
			shared("GET", "/engine-rest/task?processInstanceBusinessKey={caseId}", null, ENGINE_READERS),
			shared("GET", "/engine-rest/history/variable-instance?processInstanceId={processInstanceId}", null, ENGINE_READERS),
			shared("GET", "/engine-rest/job?processInstanceId={processInstanceId}", null, ENGINE_READERS),
			shared("POST", "/engine-rest/task/{taskId}/complete", "{\"variables\":{}}", NO_ONE),
			shared("PUT", ENGINE_INSTANCE + "/variables/classification", "{\"value\":\"NOT_TRAFFICKING\",\"type\":\"String\"}",
					NO_ONE),
			shared("POST", "/engine-rest/process-definition/key/victim-referral/start", "{}", NO_ONE),
			shared("POST", "/engine-rest/message", "{\"messageName\":\"Message_ConsentWithdrawn\"}", NO_ONE),
			shared("POST", ENGINE_INSTANCE + "/modification", "{\"instructions\":[]}", NO_ONE),
			shared("DELETE", ENGINE_INSTANCE, null, NO_ONE),
			shared("POST", "/engine-rest/deployment/create", "{}", NO_ONE),
			shared("PUT", "/engine-rest/job/{jobId}/retries", "{\"retries\":3}", ADMINS_ONLY),
			shared("PUT", ENGINE_INSTANCE + "/suspended", "{\"suspended\":false}", ADMINS_ONLY));

	/**
	 * The Camunda webapps' own APIs (Cockpit's, and the engine API they call), with the session of each user's
	 * Keycloak login: a status, and for a list the number of instances it shows ({@code 200/0}: answered, and
	 * shows nothing of that case). {gliCaseId} is a Gia Lai case, which supervisor.qng must not see.
	 */
	static final List<Row> WEBAPPS = List.of(
			shared("GET", "/camunda/api/engine/engine/default/process-instance?businessKey={caseId}", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 200/1 403 200/1 403 302"),
			shared("GET", "/camunda/api/engine/engine/default/process-instance?businessKey={gliCaseId}", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 200/0 403 200/1 403 302"),
			shared("GET", "/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKey={gliCaseId}",
					null, "403 403 403 403 403 403 403 403 403 403 403 403 403 200/0 403 200/1 403 302"),
			shared("GET", "/camunda/api/engine/engine/default/task?processInstanceBusinessKey={gliCaseId}", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 200/0 403 200/1 403 302"),
			shared("GET", "/camunda/api/cockpit/plugin/base/default/process-instance/count?processDefinitionKey=victim-referral",
					null, "403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 200 403 302"),
			shared("POST", "/camunda/api/engine/engine/default/task/{taskId}/complete", null,
					"403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 302"));

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	@Autowired
	JdbcClient jdbc;

	@TestFactory
	Stream<DynamicContainer> everyEndpointAnswersEveryUserAsTheMatrixSays() {
		CaseFixture shared = new CaseFixture();
		return MATRIX.stream().map(row -> dynamicContainer(row.endpoint(), USERS.stream()
			.map(user -> dynamicTest(user + " → " + row.expected(user), () -> check(row, user, shared)))));
	}

	/** The acceptance of the issue: another province's police is refused on a QNG case, and that is on record. */
	@Test
	void policeOfAnotherProvinceIsRefusedOnAQngCaseAndTheRefusalIsOnRecord() throws InterruptedException {
		CaseFixture qng = new CaseFixture();
		for (String path : List.of(CASE, PERSON + "?sections=identity")) {
			long before = lastSeq();
			assertThat(send("GET", qng.resolve(path), null, "police.gli").statusCode()).as(path).isEqualTo(403);
			assertThat(awaitDenials("police.gli", before, qng.value("caseId"))).as(path).isEqualTo(1);
		}
	}

	/** Auditors and administrators never read victim data, and their attempts are on record as well. */
	@Test
	void auditorsAndAdministratorsNeverReadAPerson() throws InterruptedException {
		CaseFixture qng = new CaseFixture();
		for (String user : List.of("auditor", "admin")) {
			long before = lastSeq();
			assertThat(send("GET", qng.resolve(PERSON + "?sections=identity"), null, user).statusCode()).as(user)
				.isEqualTo(403);
			assertThat(awaitDenials(user, before, qng.value("caseId"))).as(user).isEqualTo(1);
		}
	}

	/** Every webapp call of {@link #WEBAPPS} with every user's own Keycloak login. */
	@TestFactory
	Stream<DynamicContainer> theCamundaWebappsAnswerEveryUserAsTheMatrixSays() {
		CaseFixture shared = new CaseFixture();
		Map<String, WebSession> sessions = new HashMap<>();
		return WEBAPPS.stream().map(row -> dynamicContainer(row.endpoint(), USERS.stream()
			.map(user -> dynamicTest(user + " → " + row.expected(user), () -> {
				String path = shared.resolve(row.path());
				String answer = NO_TOKEN.equals(user) ? webAnswer(anonymous(row.method(), path))
						: webAnswer(sessions.computeIfAbsent(user, u -> WebSession.logIn(BASE, u)), row.method(), path);
				assertThat(answer).as("%s as %s", row.endpoint(), user).isEqualTo(row.expected(user).text());
			}))));
	}

	/** Writes the generated tables to {@code target/} and checks that the document shows exactly them. */
	@Test
	void theDocumentShowsTheMatrixThisTestChecks() throws IOException {
		String endpoints = generated("endpoints", endpointTable(MATRIX));
		String webapps = generated("webapps", endpointTable(WEBAPPS).replace("| no token |", "| no session |"));
		String sections = generated("sections", sectionTable());
		Files.createDirectories(GENERATED.getParent());
		Files.writeString(GENERATED, endpoints + "\n" + webapps + "\n" + sections);

		String doc = Files.readString(DOC);
		assertThat(doc).as("%s: copy the tables of %s", DOC, GENERATED).contains(endpoints).contains(webapps)
			.contains(sections);
	}

	/** A webapp's answer as the table writes it: the status, and the number of items of a JSON list. */
	private static String webAnswer(WebSession session, String method, String path) {
		HttpResponse<String> response = "GET".equals(method) ? session.get(path) : session.postRaw(path, Map.of());
		return webAnswer(response);
	}

	private static String webAnswer(HttpResponse<String> response) {
		String body = response.body().strip();
		if (response.statusCode() == 200 && body.startsWith("[")) {
			try {
				return "200/" + new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).size();
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
		return Integer.toString(response.statusCode());
	}

	private static HttpResponse<String> anonymous(String method, String path) {
		try {
			return HTTP.send(HttpRequest.newBuilder(java.net.URI.create(BASE + path))
				.method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(path, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A rotation started here finishes before other tests, which start rotations of their own, run. */
	@AfterAll
	static void rotationsFinish() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline) && Api.get("/api/v1/admin/vault/key-rotations", Api.token("admin"))
			.body()
			.findValuesAsText("finished")
			.contains("false")) {
			Thread.sleep(200);
		}
	}

	private void check(Row row, String user, CaseFixture shared) throws InterruptedException {
		CaseFixture fixture = row.fresh() ? new CaseFixture() : shared;
		String path = fixture.resolve(row.path());
		String body = fixture.resolve(row.body());
		Expected expected = row.expected(user);
		long before = lastSeq();

		HttpResponse<String> reply = send(row.method(), path, body, user);

		assertThat(reply.statusCode()).as("%s as %s: %s", row.endpoint(), user, reply.body()).isIn(expected.statuses());
		if (expected.refused()) {
			String caseId = row.path().startsWith(CASE) ? fixture.value("caseId") : null;
			assertThat(awaitDenials(user, before, caseId)).as("%s as %s: the refusal is on record", row.endpoint(), user)
				.isEqualTo(1);
		}
	}

	private static HttpResponse<String> send(String method, String path, String body, String user) {
		HttpRequest.Builder request = Api.builder(path, NO_TOKEN.equals(user) ? null : Api.token(user))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(method + " " + path, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private long lastSeq() {
		return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
	}

	/** A refusal answered by the interceptor is recorded as the response completes: give it a moment. */
	private int awaitDenials(String user, long after, String caseId) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(3);
		int found = denials(user, after, caseId);
		while (found == 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
			found = denials(user, after, caseId);
		}
		return found;
	}

	/** Refusals of this user recorded since {@code after}, on this case when one is given. */
	private int denials(String user, long after, String caseId) {
		String refusals = """
				select count(*) from audit_event
				where seq > :after and username = :user and action = 'ACCESS_DENIED' and outcome = 'DENIED'""";
		var query = caseId == null ? jdbc.sql(refusals) : jdbc.sql(refusals + " and case_id = :caseId").param("caseId", caseId);
		return query.param("after", after).param("user", user).query(Integer.class).single();
	}

	static String endpointTable(List<Row> rows) {
		StringBuilder table = new StringBuilder("| endpoint | ").append(String.join(" | ", USERS)).append(" |\n")
			.append("|---|").append(":-:|".repeat(USERS.size())).append('\n');
		for (Row row : rows) {
			table.append("| `").append(row.endpoint()).append("` | ")
				.append(row.expected().stream().map(Expected::toString).collect(Collectors.joining(" | ")))
				.append(" |\n");
		}
		return table.toString();
	}

	/** The section-by-agency matrix as {@link SectionPolicy} decides it, not as anyone remembers it. */
	static String sectionTable() {
		StringBuilder table = new StringBuilder("| section | ")
			.append(Arrays.stream(Agency.values()).map(Agency::group).collect(Collectors.joining(" | "))).append(" |\n")
			.append("|---|").append(":-:|".repeat(Agency.values().length)).append('\n');
		for (Section section : Section.values()) {
			table.append("| ").append(section.code()).append(" | ")
				.append(Arrays.stream(Agency.values())
					.map(agency -> SectionPolicy.basis(agency, section.code()).map(Enum::name).orElse("—"))
					.collect(Collectors.joining(" | ")))
				.append(" |\n");
		}
		return table.toString();
	}

	/** A generated table between markers, so the document's own text around it may change freely. */
	static String generated(String name, String table) {
		return "<!-- generated by AuthorizationMatrixIT: " + name + " -->\n" + table + "<!-- end of " + name + " -->\n";
	}

	static Row shared(String method, String path, String body, String statuses) {
		return new Row(method, path, body, false, Expected.parseAll(statuses));
	}

	static Row fresh(String method, String path, String body, String statuses) {
		return new Row(method, path, body, true, Expected.parseAll(statuses));
	}

	/** One endpoint: the request, whether it needs a case of its own per user, the status per column of {@link #USERS}. */
	record Row(String method, String path, String body, boolean fresh, List<Expected> expected) {

		Row {
			if (expected.size() != USERS.size()) {
				throw new IllegalArgumentException(method + " " + path + ": one status per user, " + USERS.size());
			}
		}

		String endpoint() {
			return method + " " + path;
		}

		Expected expected(String user) {
			return expected.get(USERS.indexOf(user));
		}
	}

	/** The statuses that answer a cell, usually one; written {@code 202/409} when either will do. */
	record Expected(Set<Integer> statuses, String text) {

		static List<Expected> parseAll(String cells) {
			return Arrays.stream(cells.trim().split("\\s+")).map(Expected::parse).toList();
		}

		static Expected parse(String cell) {
			return new Expected(Arrays.stream(cell.split("/")).map(Integer::valueOf).collect(Collectors.toSet()), cell);
		}

		boolean refused() {
			return statuses.equals(Set.of(403));
		}

		@Override
		public String toString() {
			return text;
		}
	}

	/**
	 * A QNG case received by police.qng, and the ids requests name on it ({caseId}, {personId}, {taskId} of
	 * the classification offered to the police, {consentId} granted by police.qng, {rotationId}, QNG criminal
	 * cases of police.qng without and with the case linked), each made the first time a request needs it.
	 */
	static final class CaseFixture {

		private final Map<String, String> values = new HashMap<>();

		String resolve(String template) {
			return template == null ? null
					: PLACEHOLDER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(value(match.group(1))));
		}

		String value(String name) {
			String value = values.get(name);
			if (value == null) {
				value = make(name);
				values.put(name, value);
			}
			return value;
		}

		private String make(String name) {
			return switch (name) {
				case "caseId" -> POLICE.receives(REFERRAL).get("caseId").asText();
				case "personId" -> POLICE.caseView(value("caseId")).at("/persons/0/personId").asText();
				case "taskId" -> classificationTask();
				case "consentId" -> consent();
				case "rotationId" -> rotation();
				case "flaggedSeq" -> breakGlassRead();
				case "reference" -> POLICE.caseView(value("caseId")).get("reference").asText();
				case "number" -> "AM-" + UUID.randomUUID().toString().substring(0, 8);
				case "criminalCaseId" -> criminalCase();
				case "linkedCriminalCaseId" -> linkedCriminalCase();
				case "today" -> LocalDate.now(Vietnam.ZONE).toString();
				case "year" -> Integer.toString(LocalDate.now(Vietnam.ZONE).getYear());
				case "processInstanceId" -> Api.get("/engine-rest/process-instance?processDefinitionKey="
						+ ReferralProcess.KEY + "&businessKey=" + value("caseId"), Api.token("admin")).body().get(0)
					.get("id").asText();
				case "gliCaseId" -> Caseworker.as("police.gli").receives(REFERRAL.replace("\"area\":\"QNG\"", "\"area\":\"GLI\""))
					.get("caseId").asText();
				case "jobId" -> Api.get("/engine-rest/job?processInstanceId=" + value("processInstanceId"),
						Api.token("admin")).body().get(0).get("id").asText();
				default -> throw new IllegalArgumentException("no fixture for {" + name + "}");
			};
		}

		private String classificationTask() {
			for (JsonNode task : POLICE.caseView(value("caseId")).get("openTasks")) {
				if (task.get("taskKey").asText().equals(ReferralProcess.CLASSIFY)) {
					return task.get("taskId").asText();
				}
			}
			throw new IllegalStateException("no classification task on case " + value("caseId"));
		}

		private String consent() {
			Api.Reply granted = Api.post(resolve(PERSON + "/consents"), POLICE.token(), CONSENT);
			assertThat(granted.status()).as(granted.raw().body()).isEqualTo(201);
			return granted.body().get("consentId").asText();
		}

		/** A supervisor's break-glass read of the case's person: the flagged event an auditor reviews. */
		private String breakGlassRead() {
			assertThat(Api.post(resolve(PERSON + "/break-glass"), Api.token("supervisor.qng"), BREAK_GLASS).status())
				.isEqualTo(200);
			return Api.get(resolve("/api/v1/audit/events?flagged=true&personId={personId}&size=1"), Api.token("auditor"))
				.body()
				.at("/items/0/seq")
				.asText();
		}

		/** A QNG criminal case opened by police.qng, with no referral case linked. */
		private String criminalCase() {
			Api.Reply created = Api.post("/api/v1/criminal-cases", POLICE.token(),
					"{\"reference\":\"AM-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"charge\":\"ARTICLE_150\"}");
			assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
			return created.body().get("criminalCaseId").asText();
		}

		/** Another such criminal case, with the fixture's referral case linked to it. */
		private String linkedCriminalCase() {
			String id = criminalCase();
			Api.Reply linked = Api.post("/api/v1/criminal-cases/" + id + "/cases", POLICE.token(),
					"{\"reference\":\"" + value("reference") + "\"}");
			assertThat(linked.status()).as(linked.raw().body()).isEqualTo(204);
			return id;
		}

		/** The latest rotation, started here if there has been none. */
		private String rotation() {
			String admin = Api.token("admin");
			List<String> ids = Api.get("/api/v1/admin/vault/key-rotations", admin).body().findValuesAsText("id");
			return ids.isEmpty() ? Api.post("/api/v1/admin/vault/key-rotations", admin, null).body().get("id").asText()
					: ids.get(0);
		}
	}
}
