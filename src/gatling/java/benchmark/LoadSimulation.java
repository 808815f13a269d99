package benchmark;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load test of docs/benchmarks.md ("Load test: Lối Về against the bare engine"), one run of it at
 * {@code benchmark.users} concurrent users on {@code benchmark.nodes} nodes, each phase after the last:
 * <ol>
 * <li>the bare engine's REST API (warm-up, then measured): start the process, query the classification task, claim
 * it, complete it, read the instance's variables;</li>
 * <li>Lối Về's API (warm-up, then measured): intake with a person (its answer gives the person's id), the
 * classification task from the inbox, claim, complete with a valid decision, the person's identity read (audited);</li>
 * <li>Lối Về's reads alone: the unaudited case read, then the audited person read, on cases of the run.</li>
 * </ol>
 * Each virtual user does the flow once and is replaced at once (a closed model: {@code users} flows in flight at
 * every moment); user {@code n} goes to node {@code n mod nodes}. Durations: {@code benchmark.seconds} (measured
 * phases), {@code benchmark.warmup} (warm-up), {@code benchmark.read-seconds} (each read phase).
 */
public class LoadSimulation extends Simulation {

	static final int USERS = Integer.getInteger("benchmark.users", 8);
	static final int NODES = Integer.getInteger("benchmark.nodes", 1);
	static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 60));
	static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("benchmark.warmup", 20));
	static final Duration READS = Duration.ofSeconds(Integer.getInteger("benchmark.read-seconds", 30));
	static final String DECISION = "{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}";
	private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);
	private static final AtomicLong counter = new AtomicLong(System.currentTimeMillis() / 1000);
	/** Cases of the run with their person, for the read phases. */
	private static final List<Map<String, Object>> cases = new CopyOnWriteArrayList<>();

	HttpProtocolBuilder loive = http.baseUrls(Stack.nodes("loive.nodes", NODES))
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.shareConnections();

	HttpProtocolBuilder bare = http.baseUrls(Stack.nodes("bare.nodes", NODES))
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.shareConnections();

	{
		Stack.token();
		setUp(closed(scenario("bare engine: warm-up").exec(bareFlow("warm-up bare")), WARMUP).protocols(bare)
			.andThen(closed(scenario("bare engine").exec(bareFlow("bare")), MEASURED).protocols(bare)
				.andThen(closed(scenario("Lối Về: warm-up").exec(loiveFlow("warm-up loive")), WARMUP).protocols(loive)
					.andThen(closed(scenario("Lối Về").exec(loiveFlow("loive")), MEASURED).protocols(loive)
						.andThen(closed(scenario("Lối Về: case reads").exec(caseRead()), READS).protocols(loive)
							.andThen(closed(scenario("Lối Về: person reads").exec(personRead()), READS).protocols(loive)))))));
	}

	private static PopulationBuilder closed(ScenarioBuilder scenario, Duration duration) {
		return scenario.injectClosed(constantConcurrentUsers(USERS).during(duration));
	}

	/** Intake with a person, task from the inbox, claim, complete, audited person read. */
	static ChainBuilder loiveFlow(String name) {
		return exec(session -> session.set("token", Stack.token()))
			.exec(http(name + ": intake with a person").post("/api/v1/referrals")
				.header("Authorization", "Bearer #{token}")
				.body(StringBody(session -> referral()))
				.check(status().is(201), jsonPath("$.caseId").saveAs("caseId"),
						jsonPath("$.persons[0].personId").saveAs("personId")))
			.exec(http(name + ": inbox, the case's tasks").get("/api/v1/tasks?caseId=#{caseId}")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200), jsonPath("$.items[?(@.taskKey == 'Task_Classify')].id").saveAs("taskId")))
			.exec(http(name + ": claim").post("/api/v1/tasks/#{taskId}/claim")
				.header("Authorization", "Bearer #{token}")
				.check(status().in(200, 204)))
			.exec(http(name + ": complete classification").post("/api/v1/tasks/#{taskId}/complete")
				.header("Authorization", "Bearer #{token}")
				.body(StringBody("{\"decision\":" + DECISION + "}"))
				.check(status().is(200)))
			.exec(http(name + ": person read (audited)").get("/api/v1/cases/#{caseId}/persons/#{personId}?sections=identity")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)))
			.exec(session -> {
				if (!session.isFailed()) {
					cases.add(Map.of("caseId", session.getString("caseId"), "personId", session.getString("personId")));
				}
				return session;
			});
	}

	/** Start (with the variables Lối Về's intake and its routing give), task query, claim, complete, variables. */
	static ChainBuilder bareFlow(String name) {
		return exec(http(name + ": start process").post("/engine-rest/process-definition/key/victim-referral/start")
				.body(StringBody(session -> start()))
				.check(status().is(200), jsonPath("$.id").saveAs("processId")))
			.exec(http(name + ": task query").get("/engine-rest/task?processInstanceId=#{processId}&taskDefinitionKey=Task_Classify")
				.check(status().is(200), jsonPath("$[0].id").saveAs("taskId")))
			.exec(http(name + ": claim").post("/engine-rest/task/#{taskId}/claim")
				.body(StringBody("{\"userId\":\"" + Stack.USER + "\"}"))
				.check(status().is(204)))
			.exec(http(name + ": complete classification").post("/engine-rest/task/#{taskId}/complete")
				.body(StringBody("""
						{"variables":{"classification":{"value":"TRAFFICKING_SUSPECTED"},
						 "rescueNeeded":{"value":false},"foreignNational":{"value":false}}}"""))
				.check(status().is(204)))
			.exec(http(name + ": read variables").get("/engine-rest/process-instance/#{processId}/variables")
				.check(status().is(200)));
	}

	static ChainBuilder caseRead() {
		return exec(LoadSimulation::pick)
			.exec(http("reads: case read (unaudited)").get("/api/v1/cases/#{caseId}")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)));
	}

	static ChainBuilder personRead() {
		return exec(LoadSimulation::pick)
			.exec(http("reads: person read (audited)").get("/api/v1/cases/#{caseId}/persons/#{personId}?sections=identity")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)));
	}

	private static Session pick(Session session) {
		return session.setAll(cases.get(ThreadLocalRandom.current().nextInt(cases.size()))).set("token", Stack.token());
	}

	/** A report by the hotline with a person of a name of this run (no two alike: no duplicate flags). */
	private static String referral() {
		long n = counter.incrementAndGet();
		String birth = LocalDate.of(1985, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8000)).toString();
		return """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "exploitationForm":"FORCED_LABOUR","destinationCountry":"KH",
				 "person":{"fullName":"Nguyễn Thị %s","birthDate":"%s","sex":"F","nationality":"VN"},
				 "narrative":"Bị lừa sang Campuchia làm việc"}"""
			.formatted(Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS), letters(n), birth);
	}

	private static String start() {
		String caseId = UUID.randomUUID().toString();
		return """
				{"businessKey":"%s","variables":{
				 "caseId":{"value":"%s"},"reference":{"value":"QNG-2026-%06d"},"channel":{"value":"HOTLINE_111"},
				 "place":{"value":"INLAND"},"returnMode":{"value":null,"type":"String"},"area":{"value":"QNG"},
				 "province":{"value":"QNG"},"receivedAt":{"value":"%s","type":"Date"},"immediateDanger":{"value":false},
				 "victimId":{"value":"%s"},
				 "minorIds":{"value":"[]","type":"Object","valueInfo":{"objectTypeName":"java.util.ArrayList",
				  "serializationDataFormat":"application/json"}},
				 "rescueNeeded":{"value":false},"crossBorderRescue":{"value":false},"foreignNational":{"value":false},
				 "repatriated":{"value":false},
				 "leadAgency":{"value":"police"},"entryStep":{"value":"CLASSIFICATION"},"leadArea":{"value":"PROVINCE"},
				 "identifyingAgency":{"value":"police"},"rescueAgency":{"value":"police"}}}"""
			.formatted(caseId, caseId, counter.incrementAndGet() % 1_000_000,
					ENGINE_DATE.format(Instant.now().minusSeconds(60)), UUID.randomUUID());
	}

	/** A number written in the letters a–z (a Vietnamese name has no digits). */
	private static String letters(long n) {
		StringBuilder name = new StringBuilder();
		do {
			name.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}
}
