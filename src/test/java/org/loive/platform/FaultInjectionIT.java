package org.loive.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loive.support.Api;
import org.loive.support.AppNode;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;
import org.loive.workflow.ReferralProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under load (issue 14). Clients spread over two nodes receive reports with a person, read the person's
 * identity (an audited read), claim and complete the classification; every POST carries an idempotency key and is
 * retried with it, on the other node, after an error, a timeout or a cut connection, as a real client does. Mid-load
 * PostgreSQL crashes and comes back, and both nodes answer again without a restart; later the second node dies as
 * {@code kill -9} kills, and the tests' node carries on alone.
 * Afterwards: every action a client saw acknowledged is there once, none is half-done (a case without its process or
 * person, a process or person without its case, an event without its action, an action without its event), every
 * timer due during the faults fired once, the chain verifies and the references allocated have neither gap nor twin.
 * Prints acknowledged, present, duplicated, half-done and lost (the last three must be 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT extends IntegrationTest {

	private static final int CLIENTS = 6;
	/** PostgreSQL crashes this long into the load, once both nodes answered a few requests; it is down this long. */
	private static final Duration CRASH_AT = Duration.ofSeconds(15);
	private static final Duration DOWN = Duration.ofSeconds(5);
	/** node-fault is killed this long after PostgreSQL is back, once it answered again (it recovered too). */
	private static final Duration KILL_AFTER = Duration.ofSeconds(14);
	/** The load goes on this long after the kill. */
	private static final Duration LOAD_AFTER = Duration.ofSeconds(18);
	/** A client gives an action up after this long without an answer (its retries included). */
	private static final Duration GIVE_UP = Duration.ofSeconds(30);
	/** When the timers of the timer cases fall due, from the load's start: before, around and after the faults. */
	private static final List<Duration> TIMERS = List.of(Duration.ofSeconds(8), Duration.ofSeconds(17),
			Duration.ofSeconds(30), Duration.ofSeconds(36), Duration.ofSeconds(45));
	/** A job held by a node that died is taken again after this (Camunda's default, 5 minutes, is longer than the suite). */
	private static final int LOCK_TIME_MS = 10_000;
	private static final String CLASSIFY_OVERDUE = "Timer_ClassifyOverdue";
	private static final String CLASSIFICATION = """
			{"decision":{"classification":"TRAFFICKING_SUSPECTED","rescueNeeded":false,"foreignNational":false}}""";

	private static final ObjectMapper json = new ObjectMapper();
	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2)).build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	DataSource dataSource;

	private AppNode other;
	private int lockTimeBefore;

	enum Kind {
		INTAKE, READ, CLAIM, COMPLETE
	}

	/** One action as its client saw it: acknowledged (2xx) or failed, and what it acted on. */
	record Action(Kind kind, boolean acknowledged, String caseId, String personId, String taskId, Instant receivedAt,
			int attempts, String outcome, Instant at) {
	}

	/** One answer (or failure) of one node at one moment, to tell which node carried on when. */
	record Answer(String node, Instant at, int status) {
	}

	private final Queue<Action> actions = new ConcurrentLinkedQueue<>();
	private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
	private final AtomicInteger received = new AtomicInteger();
	private final AtomicBoolean loading = new AtomicBoolean(true);
	private volatile List<String> nodes;
	private Instant receivedBase;

	@BeforeAll
	void secondNode() throws SQLException {
		// The tests' PostgreSQL commits without waiting for its log (synchronous_commit off): a crash loses the last
		// commits it acknowledged. Production's does wait (PostgreSQL's default), and so does this suite's: set for
		// the database, taken by every new connection, the tests' node's pool renewed.
		synchronousCommit("on");
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
		JobExecutor executor = jobExecutor();
		lockTimeBefore = executor.getLockTimeInMillis();
		executor.setLockTimeInMillis(LOCK_TIME_MS);
		other = AppNode.start("node-fault", freePort(), Map.of("camunda.bpm.job-execution.max-wait", "1000",
				"camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME_MS)));
		nodes = List.of(BASE, other.base());
		for (String path : List.of("/api/v1/tasks?size=1", "/api/v1/cases?size=1")) {
			HttpResponse<String> warm = send(other.base(), request(other.base(), path).GET());
			assertThat(warm == null ? 0 : warm.statusCode()).as("node-fault answers " + path).isEqualTo(200);
		}
		answers.clear();
	}

	@AfterAll
	void restore() throws SQLException {
		synchronousCommit(null);
		jobExecutor().setLockTimeInMillis(lockTimeBefore);
		if (other != null && other.alive()) {
			other.kill();
		}
	}

	@Test
	void underLoadANodeKilledAndPostgresCrashedLoseNothingDoNothingTwiceAndLeaveNothingHalfDone() throws Exception {
		Instant suiteStart = Instant.now();
		Instant since = suiteStart.minusSeconds(2);
		long seqBefore = head();
		int year = Instant.now().atZone(Vietnam.ZONE).getYear();
		long referenceBefore = counter(year);
		receivedBase = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
		Api.token("police.qng");
		Api.token("auditor");

		List<String> timerCases = timerCases();
		Instant began = Instant.now();
		List<TimerCase> timers = timersDue(timerCases, began);
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
		List<Future<?>> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			int number = i;
			clients.add(pool.submit(() -> client(number)));
		}
		// the tests' node looks for due jobs often, as node-fault does (its max-wait), so the timers race for both
		pool.submit(this::pokeJobExecutor);
		Instant killed;
		Instant crashed;
		Instant restarted;
		Instant loadEnded;
		try {
			sleepUntil(began.plus(CRASH_AT));
			// a cold JVM answers its first requests slowly: the faults come once both nodes carried a share of the load
			awaitAnswers(other.base(), began, 5);
			crashed = Instant.now();
			TestPostgres.crash();
			Thread.sleep(DOWN.toMillis());
			TestPostgres.restart();
			restarted = Instant.now();
			System.out.println("FaultInjectionIT: PostgreSQL crashed at +" + seconds(began, crashed) + " s, back at +"
					+ seconds(began, restarted) + " s");

			sleepUntil(restarted.plus(KILL_AFTER));
			awaitAnswers(other.base(), restarted, 5);
			killed = Instant.now();
			other.kill();
			nodes = List.of(BASE);
			System.out.println("FaultInjectionIT: node-fault killed at +" + seconds(began, killed) + " s");

			sleepUntil(killed.plus(LOAD_AFTER));
			loading.set(false);
			for (Future<?> client : clients) {
				client.get(GIVE_UP.toSeconds() + 60, TimeUnit.SECONDS);
			}
			loadEnded = Instant.now();

			awaitTimers(timers, Duration.ofSeconds(60));
		}
		finally {
			loading.set(false);
			pool.shutdownNow();
		}

		System.out.println("FaultInjectionIT: answers " + answersByNode(began, crashed, restarted, killed, loadEnded));
		// both nodes answered again once PostgreSQL was back, neither restarted; the tests' node carried on alone
		assertThat(answered(other.base(), began, crashed)).as("node-fault took its share").isPositive();
		assertThat(answered(BASE, restarted, killed)).as("the tests' node after PostgreSQL came back").isPositive();
		assertThat(answered(other.base(), restarted, killed)).as("node-fault after PostgreSQL came back").isPositive();
		assertThat(answered(BASE, killed, loadEnded)).as("the tests' node after node-fault's death").isPositive();
		assertThat(jdbc.sql("select 1").query(Integer.class).single()).as("the node's pool reconnected").isEqualTo(1);
		assertThat(freshToken()).as("Keycloak, on the same PostgreSQL, logs users in again").isTrue();

		Counts counts = check(since, seqBefore);
		timersFiredOnce(timers, counts);
		referencesWithoutGapOrTwin(since, year, referenceBefore, counts);
		assertThat(awaitChained(Duration.ofSeconds(30))).as("events committed and still pending (a dead node's are swept)")
			.isZero();
		Api.Reply verdict = Api.get("/api/v1/audit/verify", Api.token("auditor"));
		assertThat(verdict.status()).as(verdict.raw().body()).isEqualTo(200);
		assertThat(verdict.body().get("status").asText()).as("the chain: " + verdict.body()).isEqualTo("INTACT");

		long failed = actions.stream().filter(action -> !action.acknowledged()).count();
		System.out.printf("FaultInjectionIT: acknowledged %d, present %d, duplicated %d, half-done %d, lost %d "
				+ "(failed as the clients saw it %d, of which done whole %d; by kind %s; timers %d fired once; %d s)%n",
				counts.acknowledged, counts.present, counts.duplicated, counts.halfDone, counts.lost, failed,
				counts.failedButDone, byKind(), timers.size(), seconds(suiteStart, Instant.now()));
		counts.problems.forEach(problem -> System.out.println("FaultInjectionIT: " + problem));
		assertThat(counts.problems).as("duplicated, half-done or lost").isEmpty();
		assertThat(counts.duplicated + counts.halfDone + counts.lost).isZero();
		assertThat(counts.present).isEqualTo(counts.acknowledged);
		assertThat(counts.acknowledged).as("the load did act").isGreaterThan(CLIENTS * 4);
	}

	/** A client: intake, a read of the person, claim, completion of the classification; again until the load ends. */
	private void client(int number) {
		int[] turn = { number };
		while (loading.get()) {
			Instant receivedAt = receivedBase.plusMillis(received.incrementAndGet());
			String name = "Khách Thị " + letters(number) + " " + letters(received.get() + 1000);
			Action intake = post(turn, Kind.INTAKE, "/api/v1/referrals", referral(receivedAt, name), null, null, null,
					receivedAt);
			if (!intake.acknowledged()) {
				continue;
			}
			String caseId = intake.caseId();
			JsonNode view = get(turn, "/api/v1/cases/" + caseId);
			if (view == null || view.path("persons").isEmpty()) {
				continue;
			}
			String personId = view.get("persons").get(0).get("personId").asText();
			read(turn, caseId, personId, name);
			String taskId = classifyTask(turn, caseId);
			if (taskId == null) {
				continue;
			}
			post(turn, Kind.CLAIM, "/api/v1/tasks/" + taskId + "/claim", null, caseId, personId, taskId, null);
			read(turn, caseId, personId, name);
			post(turn, Kind.COMPLETE, "/api/v1/tasks/" + taskId + "/complete", CLASSIFICATION, caseId, personId, taskId,
					null);
		}
	}

	/** A POST with its idempotency key, retried with the same key on the next node until answered or given up. */
	private Action post(int[] turn, Kind kind, String path, String body, String caseId, String personId, String taskId,
			Instant receivedAt) {
		String key = UUID.randomUUID().toString();
		Instant giveUp = Instant.now().plus(GIVE_UP);
		int attempts = 0;
		String outcome = null;
		while (true) {
			attempts++;
			String node = node(turn);
			HttpRequest.Builder request = request(node, path).header("Idempotency-Key", key);
			if (body == null) {
				request.POST(HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
			}
			HttpResponse<String> response = send(node, request);
			boolean retry = true;
			if (response != null) {
				outcome = String.valueOf(response.statusCode());
				if (response.statusCode() < 300) {
					JsonNode answer = parse(response.body());
					Action action = new Action(kind, true, kind == Kind.INTAKE ? answer.get("caseId").asText() : caseId,
							personId, taskId, receivedAt, attempts, outcome, Instant.now());
					actions.add(action);
					return action;
				}
				// a retry while the first request runs (or died unanswered) is told to come back; other refusals are final
				retry = response.statusCode() >= 500
						|| response.statusCode() == 409 && response.headers().firstValue("Retry-After").isPresent();
			}
			else {
				outcome = "no answer";
			}
			if (!retry || Instant.now().isAfter(giveUp)) {
				Action action = new Action(kind, false, caseId, personId, taskId, receivedAt, attempts, outcome,
						Instant.now());
				actions.add(action);
				return action;
			}
			pause(Duration.ofMillis(500));
		}
	}

	/** The person's identity, an audited read: each try is an action of its own, up to a few. */
	private void read(int[] turn, String caseId, String personId, String name) {
		for (int attempt = 0; attempt < 5 && loading.get(); attempt++) {
			String node = node(turn);
			HttpResponse<String> response = send(node,
					request(node, "/api/v1/cases/" + caseId + "/persons/" + personId + "?sections=identity").GET());
			boolean read = response != null && response.statusCode() == 200
					&& parse(response.body()).at("/data/identity/fullName").asText().equals(name);
			actions.add(new Action(Kind.READ, read, caseId, personId, null, null, 1,
					response == null ? "no answer" : String.valueOf(response.statusCode()), Instant.now()));
			if (read) {
				return;
			}
			pause(Duration.ofMillis(500));
		}
	}

	/** A read that is no action of the load (the case's view, the inbox), retried until answered or given up. */
	private JsonNode get(int[] turn, String path) {
		Instant giveUp = Instant.now().plus(GIVE_UP);
		while (Instant.now().isBefore(giveUp)) {
			String node = node(turn);
			HttpResponse<String> response = send(node, request(node, path).GET());
			if (response != null && response.statusCode() == 200) {
				return parse(response.body());
			}
			pause(Duration.ofMillis(500));
		}
		return null;
	}

	private String classifyTask(int[] turn, String caseId) {
		JsonNode tasks = get(turn, "/api/v1/tasks?size=50&caseId=" + caseId);
		if (tasks == null) {
			return null;
		}
		for (JsonNode task : tasks.get("items")) {
			if (task.get("taskKey").asText().equals(ReferralProcess.CLASSIFY)) {
				return task.get("id").asText();
			}
		}
		return null;
	}

	private String node(int[] turn) {
		List<String> live = nodes;
		return live.get(Math.floorMod(turn[0]++, live.size()));
	}

	private static HttpRequest.Builder request(String node, String path) {
		return HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token());
	}

	/** The token: fetched before the load and kept; Keycloak, on the same PostgreSQL, may be down for a moment. */
	private static String token() {
		try {
			return Api.token("police.qng");
		}
		catch (RuntimeException e) {
			return "unavailable";
		}
	}

	/** Waits, at most 30 s, until the node answered {@code count} requests with a success since {@code from}. */
	private void awaitAnswers(String node, Instant from, int count) {
		Instant latest = Instant.now().plusSeconds(30);
		while (answered(node, from, Instant.now()) < count && Instant.now().isBefore(latest)) {
			pause(Duration.ofMillis(250));
		}
	}

	/** A token fetched now (the cached ones were fetched before the faults), within a few tries. */
	private static boolean freshToken() {
		for (int attempt = 0; attempt < 20; attempt++) {
			try {
				if (Api.passwordGrant("loive-cli", "auditor").hasNonNull("access_token")) {
					return true;
				}
			}
			catch (RuntimeException e) {
				// not yet
			}
			pause(Duration.ofMillis(500));
		}
		return false;
	}

	private HttpResponse<String> send(String node, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			answers.add(new Answer(node, Instant.now(), response.statusCode()));
			return response;
		}
		catch (IOException e) {
			answers.add(new Answer(node, Instant.now(), 0));
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String referral(Instant receivedAt, String name) {
		return """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"%s","birthDate":"1999-03-04","sex":"F","nationality":"VN"},
				 "narrative":"Gọi đường dây nóng 111 trong lúc thử lỗi"}""".formatted(receivedAt, name);
	}

	/** Letters only, as a person's name has: 0 a, 1 b, … 26 ba. */
	private static String letters(int number) {
		StringBuilder text = new StringBuilder();
		int rest = number;
		do {
			text.insert(0, (char) ('a' + rest % 26));
			rest /= 26;
		}
		while (rest > 0);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	// ----- timers

	record TimerCase(String caseId, String jobId, String processInstanceId, Instant due) {
	}

	/** Cases the load leaves alone, one per timer. */
	private List<String> timerCases() {
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < TIMERS.size(); i++) {
			Api.Reply received = Api.post("/api/v1/referrals", Api.token("police.qng"), """
					{"channel":"POLICE","area":"QNG","receivedAt":"%s","immediateDanger":false,
					 "person":{"fullName":"Hẹn Giờ Thị %s","sex":"F"}}""".formatted(JUST_RECEIVED, letters(i)));
			assertThat(received.status()).as(received.raw().body()).isEqualTo(201);
			cases.add(received.body().get("caseId").asText());
		}
		return cases;
	}

	/** The timer cases' classifications fall overdue at the given moments of the load. */
	private List<TimerCase> timersDue(List<String> cases, Instant began) {
		ManagementService management = engine.getManagementService();
		List<TimerCase> timers = new ArrayList<>();
		for (int i = 0; i < TIMERS.size(); i++) {
			Duration at = TIMERS.get(i);
			String caseId = cases.get(i);
			String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
				.processDefinitionKey(ReferralProcess.KEY).singleResult().getId();
			Job timer = management.createJobQuery().processInstanceId(instance).activityId(CLASSIFY_OVERDUE).singleResult();
			Date due = Date.from(began.plus(at));
			Task classify = engine.getTaskService().createTaskQuery().processInstanceId(instance)
				.taskDefinitionKey(ReferralProcess.CLASSIFY).singleResult();
			classify.setDueDate(due);
			engine.getTaskService().saveTask(classify);
			management.setJobDuedate(timer.getId(), due);
			timers.add(new TimerCase(caseId, timer.getId(), instance, due.toInstant()));
		}
		return timers;
	}

	private void pokeJobExecutor() {
		while (!Thread.currentThread().isInterrupted()) {
			jobExecutor().jobWasAdded();
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	private void awaitTimers(List<TimerCase> timers, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (pending(timers) > 0 && Instant.now().isBefore(deadline)) {
			pause(Duration.ofMillis(500));
		}
	}

	/** Waits until no event is pending; how many still are. */
	private long awaitChained(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		long pending;
		while ((pending = jdbc.sql("select count(*) from audit_pending").query(Long.class).single()) > 0
				&& Instant.now().isBefore(deadline)) {
			pause(Duration.ofMillis(500));
		}
		return pending;
	}

	private long pending(List<TimerCase> timers) {
		return jdbc.sql("select count(*) from act_ru_job where id_ in (:ids)")
			.param("ids", timers.stream().map(TimerCase::jobId).toList()).query(Long.class).single();
	}

	private void timersFiredOnce(List<TimerCase> timers, Counts counts) {
		assertThat(pending(timers)).as("every timer due fired (left: %s)", jdbc.sql(
				"select id_ || ' retries ' || retries_ || ' lock ' || coalesce(lock_owner_, '-') || ' ' || coalesce(exception_msg_, '') from act_ru_job where id_ in (:ids)")
			.param("ids", timers.stream().map(TimerCase::jobId).toList()).query(String.class).list()).isZero();
		List<String> hosts = new ArrayList<>();
		for (TimerCase timer : timers) {
			long fired = activities(timer.processInstanceId(), CLASSIFY_OVERDUE);
			long raised = activities(timer.processInstanceId(), "EndEvent_ClassifyOverdue");
			long runs = jdbc.sql("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2")
				.param(timer.jobId()).query(Long.class).single();
			if (fired != 1 || raised != 1 || runs != 1) {
				counts.problems.add("timer of case " + timer.caseId() + ": fired " + fired + ", escalation ended " + raised
						+ ", successful runs " + runs);
				counts.duplicated += Math.max(0, Math.max(fired, runs) - 1);
				counts.halfDone += fired != raised ? 1 : 0;
			}
			hosts.addAll(jdbc.sql("select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2")
				.param(timer.jobId()).query(String.class).list());
			assertThat(jdbc.sql("select count(*) from escalation where case_id = ?::uuid").param(timer.caseId())
				.query(Long.class).single()).as("the case's escalation").isEqualTo(1);
		}
		System.out.println("FaultInjectionIT: the timers ran on " + hosts);
	}

	private long activities(String processInstanceId, String activityId) {
		return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
			.activityId(activityId).count();
	}

	// ----- what the database holds afterwards

	/** The tally, and each problem found in words (ids and counts only). */
	static final class Counts {

		long acknowledged;
		long present;
		long duplicated;
		long halfDone;
		long lost;
		long failedButDone;
		final List<String> problems = new ArrayList<>();

		void halfDone(String what, long count) {
			if (count > 0) {
				halfDone += count;
				problems.add("half-done: " + what + " × " + count);
			}
		}
	}

	private Counts check(Instant since, long seq) {
		Counts counts = new Counts();
		Timestamp from = Timestamp.from(since);
		intakes(counts, from);
		tasks(counts, seq);
		reads(counts, seq);

		// no case without its process, its person or its event; no process, person or event without its case
		counts.halfDone("case without its process", count("""
				select count(*) from referral_case c where c.registered_at >= :from
				and not exists (select 1 from act_hi_procinst p where p.id_ = c.process_instance_id)""", from, seq));
		counts.halfDone("process without its case", count("""
				select count(*) from act_hi_procinst p where p.proc_def_key_ = 'victim-referral' and p.start_time_ >= :from
				and not exists (select 1 from referral_case c where c.id::text = p.business_key_)""", from, seq));
		counts.halfDone("case without its person", count("""
				select count(*) from referral_case c where c.registered_at >= :from
				and not exists (select 1 from case_person p where p.case_id = c.id)""", from, seq));
		counts.halfDone("person without its vault row", count("""
				select count(*) from case_person p join referral_case c on c.id = p.case_id where c.registered_at >= :from
				and not exists (select 1 from vault_person v where v.id = p.id)""", from, seq));
		counts.halfDone("vault row without its person", count("""
				select count(*) from vault_person v where v.created_at >= :from
				and not exists (select 1 from case_person p where p.id = v.id)""", from, seq));
		counts.halfDone("vault row without its identity", count("""
				select count(*) from vault_person v where v.created_at >= :from and v.data_key is not null
				and not exists (select 1 from vault_section s where s.person_id = v.id and s.section = 'identity')""", from,
				seq));
		counts.halfDone("case without its registration event", count("""
				select count(*) from referral_case c where c.registered_at >= :from
				and not exists (select 1 from events e where e.action = 'CASE_REGISTER'
				                and e.case_id = c.id::text)""", from, seq));
		counts.halfDone("registration event without its case", count("""
				select count(*) from events e where e.action = 'CASE_REGISTER'
				and not exists (select 1 from referral_case c where c.id::text = e.case_id)""", from, seq));
		counts.halfDone("person without its creation event", count("""
				select count(*) from vault_person v where v.created_at >= :from
				and not exists (select 1 from events e where e.action = 'PERSON_CREATE'
				                and e.person_id = v.id::text)""", from, seq));
		counts.halfDone("creation event without its person", count("""
				select count(*) from events e where e.action = 'PERSON_CREATE'
				and not exists (select 1 from vault_person v where v.id::text = e.person_id)""", from, seq));
		counts.halfDone("completion event without its task completed", count("""
				select count(*) from events e where e.action = 'TASK_COMPLETE'
				and not exists (select 1 from act_hi_taskinst t where e.purpose = 'task:' || t.id_ || ':' || t.task_def_key_
				                and t.end_time_ is not null and t.delete_reason_ = 'completed')""", from, seq));
		counts.halfDone("task completed without its completion event", count("""
				select count(*) from act_hi_taskinst t join referral_case c on c.process_instance_id = t.proc_inst_id_
				where c.registered_at >= :from and t.delete_reason_ = 'completed'
				and not exists (select 1 from events e where e.action = 'TASK_COMPLETE'
				                and e.purpose = 'task:' || t.id_ || ':' || t.task_def_key_)""", from, seq));
		counts.halfDone("claim event without its task claimed", count("""
				select count(*) from events e where e.action = 'TASK_CLAIM'
				and not exists (select 1 from act_hi_taskinst t where e.purpose = 'task:' || t.id_ || ':' || t.task_def_key_
				                and t.assignee_ = e.username)""", from, seq));
		counts.halfDone("task assigned without its claim or completion event", count("""
				select count(*) from act_hi_taskinst t join referral_case c on c.process_instance_id = t.proc_inst_id_
				where c.registered_at >= :from and t.assignee_ is not null
				and not exists (select 1 from events e where e.action in ('TASK_CLAIM', 'TASK_COMPLETE')
				                and e.purpose = 'task:' || t.id_ || ':' || t.task_def_key_)""", from, seq));
		counts.halfDone("classification completed without the next step", count("""
				select count(*) from act_hi_taskinst t join referral_case c on c.process_instance_id = t.proc_inst_id_
				where c.registered_at >= :from and t.task_def_key_ = 'Task_Classify' and t.delete_reason_ = 'completed'
				and not exists (select 1 from act_hi_actinst a where a.proc_inst_id_ = t.proc_inst_id_
				                and a.start_time_ >= t.end_time_ and a.act_id_ <> 'Task_Classify')""", from, seq));
		return counts;
	}

	/** Each intake acknowledged is one case; none twice (each had its own moment of receipt). */
	private void intakes(Counts counts, Timestamp from) {
		Map<Instant, List<String>> cases = new LinkedHashMap<>();
		jdbc.sql("select received_at, id::text from referral_case where registered_at >= :from").param("from", from)
			.query((row, n) -> cases.computeIfAbsent(row.getTimestamp(1).toInstant(), at -> new ArrayList<>())
				.add(row.getString(2)))
			.list();
		for (Action intake : of(Kind.INTAKE, action -> true)) {
			List<String> found = cases.getOrDefault(intake.receivedAt(), List.of());
			if (found.size() > 1) {
				counts.duplicated += found.size() - 1;
				counts.problems.add("duplicated: intake " + intake.receivedAt() + " opened " + found);
			}
			if (intake.acknowledged()) {
				counts.acknowledged++;
				if (found.contains(intake.caseId()) && found.size() == 1) {
					counts.present++;
				}
				else if (found.isEmpty()) {
					counts.lost++;
					counts.problems.add("lost: intake acknowledged as case " + intake.caseId() + " at " + intake.at());
				}
			}
			else if (!found.isEmpty()) {
				counts.failedButDone++;
			}
		}
	}

	/** Each claim and completion acknowledged is on record once and done in the engine. */
	private void tasks(Counts counts, long seq) {
		for (Action task : of(Kind.CLAIM, action -> true)) {
			taskEvents(counts, task, "TASK_CLAIM", count("""
					select count(*) from act_hi_taskinst where id_ = :task and assignee_ = 'police.qng'""", task.taskId()), seq);
		}
		for (Action task : of(Kind.COMPLETE, action -> true)) {
			taskEvents(counts, task, "TASK_COMPLETE", count("""
					select count(*) from act_hi_taskinst where id_ = :task and delete_reason_ = 'completed'""", task.taskId()),
					seq);
		}
	}

	/** Each task is claimed and completed by one client, with one key: one event each at most, acknowledged or not. */
	private void taskEvents(Counts counts, Action task, String action, long done, long seq) {
		long events = jdbc.sql(EVENTS + "select count(*) from events where action = :action and purpose = :purpose")
			.param("seq", seq)
			.param("action", action)
			.param("purpose", "task:" + task.taskId() + ":" + ReferralProcess.CLASSIFY)
			.query(Long.class)
			.single();
		if (events > 1) {
			counts.duplicated += events - 1;
			counts.problems.add("duplicated: " + action + " of task " + task.taskId() + " × " + events);
		}
		if (task.acknowledged()) {
			counts.acknowledged++;
			if (events == 1 && done == 1) {
				counts.present++;
			}
			else if (events == 0 || done == 0) {
				counts.lost++;
				counts.problems.add("lost: " + action + " of task " + task.taskId() + " acknowledged at " + task.at()
						+ " after " + task.attempts() + " attempts; events " + events + ", done " + done);
			}
		}
		else if (events > 0 && done == 1) {
			counts.failedButDone++;
		}
	}

	/** Every read released is on record; a read on record beyond the reads tried would be one made twice. */
	private void reads(Counts counts, long seq) {
		Map<String, long[]> byPerson = new LinkedHashMap<>();
		for (Action read : of(Kind.READ, action -> true)) {
			long[] tally = byPerson.computeIfAbsent(read.personId(), person -> new long[2]);
			tally[read.acknowledged() ? 0 : 1]++;
		}
		byPerson.forEach((person, tally) -> {
			long events = jdbc.sql(EVENTS + "select count(*) from events where action = 'PERSON_READ' and person_id = :person")
				.param("seq", seq)
				.param("person", person)
				.query(Long.class)
				.single();
			counts.acknowledged += tally[0];
			counts.present += Math.min(events, tally[0]);
			if (events < tally[0]) {
				counts.lost += tally[0] - events;
				counts.problems.add("lost: reads of person " + person + " released " + tally[0] + ", on record " + events);
			}
			if (events > tally[0] + tally[1]) {
				counts.duplicated += events - tally[0] - tally[1];
				counts.problems.add("duplicated: reads of person " + person + " on record " + events + ", tried "
						+ (tally[0] + tally[1]));
			}
			counts.failedButDone += Math.max(0, Math.min(events - tally[0], tally[1]));
		});
	}

	/** The references allocated during the load: the counter's next numbers, each once, none skipped. */
	private void referencesWithoutGapOrTwin(Instant since, int year, long before, Counts counts) {
		List<Integer> numbers = jdbc.sql("""
				select split_part(reference, '-', 3)::int from referral_case
				where registered_at >= :from and reference like :prefix order by 1""")
			.param("from", Timestamp.from(since))
			.param("prefix", "QNG-" + year + "-%")
			.query(Integer.class)
			.list();
		long after = counter(year);
		List<Integer> expected = new ArrayList<>();
		for (long n = before + 1; n <= after; n++) {
			expected.add((int) n);
		}
		System.out.println("FaultInjectionIT: references QNG-" + year + " " + (before + 1) + "…" + after + ", "
				+ numbers.size() + " cases");
		assertThat(numbers).as("references allocated during the load, in order").isEqualTo(expected);
	}

	// ----- helpers

	private List<Action> of(Kind kind, Predicate<Action> which) {
		return actions.stream().filter(action -> action.kind() == kind).filter(which).toList();
	}

	private Map<Kind, String> byKind() {
		Map<Kind, String> tally = new LinkedHashMap<>();
		for (Kind kind : Kind.values()) {
			tally.put(kind, of(kind, Action::acknowledged).size() + "/" + of(kind, action -> true).size());
		}
		return tally;
	}

	/**
	 * The events since the load began, in the chain or still pending: an action's event commits with it as pending
	 * and is chained after (by its node, or swept by another when its node died in between).
	 */
	private static final String EVENTS = """
			with events as (select action, case_id, person_id, purpose, username from audit_event where seq > :seq
			                union all select action, case_id, person_id, purpose, username from audit_pending)
			""";

	private long count(String sql, Timestamp from, long seq) {
		return jdbc.sql(EVENTS + sql).param("from", from).param("seq", seq).query(Long.class).single();
	}

	private long count(String sql, String task) {
		return jdbc.sql(sql).param("task", task).query(Long.class).single();
	}

	private long answered(String node, Instant from, Instant to) {
		return answers.stream().filter(answer -> answer.node().equals(node) && answer.status() >= 200
				&& answer.status() < 300 && !answer.at().isBefore(from) && answer.at().isBefore(to)).count();
	}

	/** Per node and phase of the load: how many answers of each status (0: no answer). */
	private Map<String, Map<Integer, Long>> answersByNode(Instant... phases) {
		Map<String, Map<Integer, Long>> tally = new LinkedHashMap<>();
		String[] names = { "before the crash", "while PostgreSQL was down", "until the kill", "after the kill" };
		for (int i = 0; i + 1 < phases.length; i++) {
			Instant from = phases[i];
			Instant to = phases[i + 1];
			for (String node : List.of(BASE, other.base())) {
				Map<Integer, Long> statuses = new java.util.TreeMap<>();
				answers.stream().filter(answer -> answer.node().equals(node) && !answer.at().isBefore(from)
						&& answer.at().isBefore(to)).forEach(answer -> statuses.merge(answer.status(), 1L, Long::sum));
				if (!statuses.isEmpty()) {
					tally.put((node.equals(BASE) ? "tests' node" : "node-fault") + " " + names[i], statuses);
				}
			}
		}
		return tally;
	}

	private long head() {
		return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
	}

	private long counter(int year) {
		return jdbc.sql("select coalesce(max(last_value), 0) from case_reference_counter where area = 'QNG' and year = ?")
			.param(year).query(Long.class).single();
	}

	/** The database's own setting, or its reset to the server's when null. */
	private static void synchronousCommit(String value) throws SQLException {
		try (Connection connection = TestPostgres.get().connect(TestPostgres.superuser());
				Statement statement = connection.createStatement()) {
			statement.execute("alter database " + TestPostgres.OWNER.database()
					+ (value == null ? " reset synchronous_commit" : " set synchronous_commit = " + value));
		}
	}

	private JobExecutor jobExecutor() {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
	}

	private static JsonNode parse(String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static long seconds(Instant from, Instant to) {
		return Duration.between(from, to).toSeconds();
	}

	private static void sleepUntil(Instant moment) throws InterruptedException {
		long millis = Duration.between(Instant.now(), moment).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
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
