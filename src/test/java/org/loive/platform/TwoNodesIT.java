package org.loive.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loive.support.Api;
import org.loive.support.AppNode;
import org.loive.support.IntegrationTest;
import org.loive.support.WebSession;
import org.loive.workflow.ReferralProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL and one Keycloak: the tests' own node and a second one from the jar, a JVM of its own
 * ({@link AppNode}). A session begun on one is the session on the other (login, CSRF token, saved request, the
 * Camunda webapps' login and their CSRF token), a timer due fires once whichever node's job executor takes it, and
 * audit events appended by both nodes at once form one chain without a gap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT extends IntegrationTest {

	private static final String CLASSIFY_OVERDUE = "Timer_ClassifyOverdue";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessEngine engine;

	private AppNode other;

	/** After this class's context: the second node needs the schema, the vault's key file and the witness it made. */
	@BeforeAll
	void secondNode() {
		Instant started = Instant.now();
		// its job executor polls every second when idle, so that a due timer is raced for by both nodes
		other = AppNode.start("node-b", freePort(), Map.of("camunda.bpm.job-execution.max-wait", "1000"));
		System.out.println("TwoNodesIT: node-b ready in " + Duration.between(started, Instant.now()).toMillis() + " ms");
	}

	@AfterAll
	void stopSecondNode() {
		if (other != null) {
			other.stop();
		}
	}

	@Test
	void aSessionBegunOnOneNodeIsTheSessionOnTheOther() {
		WebSession onA = WebSession.logIn(BASE, "supervisor.qng");
		WebSession onB = onA.on(other.base());

		HttpResponse<String> dashboard = onB.get("/dashboard");
		assertThat(dashboard.statusCode()).as("the session made on A, read on B").isEqualTo(200);
		assertThat(dashboard.body()).contains("supervisor.qng").contains("lang=\"vi\"");

		// the CSRF token of A's page is the session's token on B; without it B refuses the form
		assertThat(onB.postRaw("/language", Map.of("lang", "en", "back", "/dashboard")).statusCode()).isEqualTo(403);
		assertThat(onB.post("/language", Map.of("lang", "en", "back", "/dashboard")).statusCode()).isEqualTo(302);
		assertThat(onA.get("/dashboard").body()).as("the language chosen on B, on A").contains("lang=\"en\"");

		// the Camunda webapps: their login made on A, read on B; Camunda's CSRF token of A's session honoured on B
		assertThat(onA.get("/camunda/app/cockpit/default/").statusCode()).as("Cockpit on A").isEqualTo(200);
		String user = "/camunda/api/admin/auth/user/default";
		assertThat(onA.get(user).body()).contains("\"userId\":\"supervisor.qng\"");
		assertThat(onB.get(user).body()).contains("\"userId\":\"supervisor.qng\"");
		String xsrf = onA.cookie("XSRF-TOKEN");
		assertThat(xsrf).as("Camunda's CSRF cookie").isNotBlank();
		String query = "/camunda/api/engine/engine/default/process-instance?maxResults=1";
		HttpResponse<String> queried = onB.request(HttpRequest.newBuilder(URI.create(other.base() + query))
			.header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(queried.statusCode()).as("with A's token, on B: %s %s", queried.headers().map(), queried.body())
			.isEqualTo(200);

		// logging out on B ends the session on A too (and Keycloak's, with the tokens A's login kept)
		WebSession otherTab = onA.copy();
		assertThat(onB.post("/logout", Map.of()).statusCode()).isEqualTo(302);
		HttpResponse<String> after = otherTab.get("/dashboard");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");
	}

	@Test
	void aLoginBegunOnOneNodeEndsOnTheOtherAtThePageAskedFor() {
		WebSession session = WebSession.logInAcross(BASE, other.base(), "supervisor.qng", "/cases?stage=RECEPTION");
		// Spring Security marks the replay of a saved request with "continue"
		assertThat(session.landed().uri().toString()).as("the request saved on A, replayed by B's login")
			.isEqualTo(BASE + "/cases?stage=RECEPTION&continue");
		assertThat(session.landed().statusCode()).isEqualTo(200);
		WebSession onB = session.on(other.base());
		assertThat(onB.get("/dashboard").statusCode()).isEqualTo(200);

		// Camunda's CSRF check is live on B (without its token: 403), and ends the session, on A too
		assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
		WebSession otherTab = session.copy();
		assertThat(onB.request(HttpRequest.newBuilder(URI.create(other.base()
				+ "/camunda/api/engine/engine/default/process-instance?maxResults=1"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
			.as("without Camunda's CSRF token").isEqualTo(403);
		assertThat(otherTab.get("/dashboard").statusCode()).as("the session Camunda ended on B, on A").isEqualTo(302);
	}

	@Test
	void aTimerDueFiresOnceWhicheverNodeTakesIt() throws Exception {
		List<String> cases = receive(8);
		List<Job> timers = cases.stream().map(this::classifyOverdueTimer).toList();
		ManagementService management = engine.getManagementService();
		Date due = Date.from(Instant.now().minusSeconds(1));
		// the classification overdue, and its timer due: whichever node takes the timer raises it to the supervisor
		for (Job timer : timers) {
			Task classify = engine.getTaskService().createTaskQuery().processInstanceId(timer.getProcessInstanceId())
				.taskDefinitionKey(ReferralProcess.CLASSIFY).singleResult();
			classify.setDueDate(due);
			engine.getTaskService().saveTask(classify);
			management.setJobDuedate(timer.getId(), due);
		}
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();

		Instant deadline = Instant.now().plusSeconds(60);
		while (pending(timers) > 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}
		assertThat(pending(timers)).as("every timer fired within a minute").isZero();
		for (int i = 0; i < timers.size(); i++) {
			Job timer = timers.get(i);
			assertThat(fired(timer, CLASSIFY_OVERDUE)).as("the timer fired once").isEqualTo(1);
			assertThat(fired(timer, "EndEvent_ClassifyOverdue")).as("the escalation raised once").isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2")
				.param(timer.getId()).query(Long.class).single()).as("one successful run").isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from escalation where case_id = ?::uuid").param(cases.get(i))
				.query(Long.class).single()).as("one escalation of the case").isEqualTo(1);
		}
		List<String> hosts = jdbc.sql("select hostname_ from act_hi_job_log where job_state_ = 2 and job_id_ in (:ids)")
			.param("ids", timers.stream().map(Job::getId).toList()).query(String.class).list();
		System.out.println("TwoNodesIT: the timers ran on " + hosts.stream().distinct().map(host -> host + " ×"
				+ hosts.stream().filter(host::equals).count()).toList());
		assertThat(hosts).hasSize(timers.size());
	}

	@Test
	void auditAppendsFromBothNodesAtOnceFormOneChainWithoutAGap() throws Exception {
		long before = head();
		List<Callable<Integer>> work = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String node = i % 2 == 0 ? BASE : other.base();
			// a registration and a refusal (another province's officer), both on record, on either node
			work.add(i % 3 == 2
					? () -> send(node, "GET", "/api/v1/audit/events?size=1", Api.token("police.qng"), null).status()
					: () -> send(node, "POST", "/api/v1/referrals", Api.token("police.qng"), referral()).status());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Integer> statuses = new ArrayList<>();
		try {
			for (Future<Integer> done : pool.invokeAll(work)) {
				statuses.add(done.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).containsOnly(201, 403);
		long after = head();
		assertThat(after - before).as("every request on record").isGreaterThanOrEqualTo(work.size());
		assertThat(jdbc.sql("select count(*) from audit_event where seq > ? and seq <= ?").param(before).param(after)
			.query(Long.class).single()).as("consecutive sequence numbers").isEqualTo(after - before);
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).as("no gap").isEqualTo(after);
		Api.Reply verdict = send(other.base(), "GET", "/api/v1/audit/verify", Api.token("auditor"), null);
		assertThat(verdict.status()).isEqualTo(200);
		assertThat(verdict.body().get("status").asText()).as("verified on B: " + verdict.body()).isEqualTo("INTACT");
	}

	/** Reports received half on each node. */
	private List<String> receive(int count) {
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Api.Reply received = send(i % 2 == 0 ? BASE : other.base(), "POST", "/api/v1/referrals",
					Api.token("police.qng"), referral());
			assertThat(received.status()).as(received.raw().body()).isEqualTo(201);
			cases.add(received.body().get("caseId").asText());
		}
		return cases;
	}

	private static String referral() {
		return """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false}""".formatted(JUST_RECEIVED);
	}

	private Job classifyOverdueTimer(String caseId) {
		String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
			.processDefinitionKey(ReferralProcess.KEY).singleResult().getId();
		return engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(CLASSIFY_OVERDUE)
			.singleResult();
	}

	private long pending(List<Job> timers) {
		return timers.stream().filter(timer -> engine.getManagementService().createJobQuery().jobId(timer.getId())
			.count() > 0).count();
	}

	private long fired(Job timer, String activityId) {
		return engine.getHistoryService().createHistoricActivityInstanceQuery()
			.processInstanceId(timer.getProcessInstanceId()).activityId(activityId).count();
	}

	private long head() {
		return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
	}

	private static Api.Reply send(String node, String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).header("Authorization", "Bearer " + token);
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return Api.send(request.build());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
