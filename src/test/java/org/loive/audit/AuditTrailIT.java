package org.loive.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;
import org.loive.workflow.ReferralProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail as an auditor relies on it: every victim-data read and write on record, a chain that
 * verifies, tampering made directly in PostgreSQL as a superuser named by its first bad sequence number,
 * the same verdict offline on an export, append-only for the application's own role, no gap or fork under
 * concurrent load, and the disclosure of who saw a person's data.
 */
class AuditTrailIT extends IntegrationTest {

	private static final Caseworker POLICE = Caseworker.as("police.qng");
	private static final String AUDITOR = "auditor";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Autowired
	WitnessFile witness;

	private String caseId;
	private String personId;

	@BeforeEach
	void aCaseWithReads() {
		caseId = POLICE.receives("""
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"Phùng Thị Mơ","birthDate":"2002-04-04","sex":"F"}}""".formatted(JUST_RECEIVED)).get("caseId").asText();
		personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();
		assertThat(Api.get(person("identity"), POLICE.token()).status()).isEqualTo(200);
	}

	@Test
	void readsWritesAndDenialsAreOnRecordAndTheUntouchedChainVerifies() {
		assertThat(Api.get(person("identity"), Api.token("police.gli")).status()).isEqualTo(403);
		List<String> actions = jdbc.sql("select action || ':' || outcome || ':' || username from audit_event where case_id = ? order by seq")
			.param(caseId)
			.query(String.class)
			.list();
		assertThat(actions).startsWith("CASE_REGISTER:SUCCESS:police.qng", "PERSON_CREATE:SUCCESS:police.qng")
			.contains("PERSON_READ:SUCCESS:police.qng", "ACCESS_DENIED:DENIED:police.gli");
		assertThat(jdbc.sql("select sections || ' ' || purpose from audit_event where person_id = ? and action = 'PERSON_READ'")
			.param(personId).query(String.class).single()).startsWith("identity task:").endsWith("identity:law");

		JsonNode verdict = verify();
		assertThat(verdict.get("status").asText()).isEqualTo("INTACT");
		assertThat(verdict.get("eventsChecked").asLong()).isEqualTo(head());
		assertThat(verdict.get("firstBrokenSeq").isNull()).isTrue();
		assertThat(Api.get("/api/v1/audit/verify", POLICE.token()).status()).isEqualTo(403);
	}

	@Test
	void theApplicationsOwnRoleCannotChangeOrRemoveAuditRows() {
		assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone' where seq = 1").update())
			.hasMessageContaining("audit_event");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = 1").update()).hasMessageContaining("audit_event");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).hasMessageContaining("audit_event");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_checkpoint").update()).hasMessageContaining("audit_checkpoint");
		assertThat(jdbc.sql("""
				select has_table_privilege(current_user, 'audit_event', 'UPDATE')
				    or has_table_privilege(current_user, 'audit_event', 'DELETE')
				    or has_table_privilege(current_user, 'audit_event', 'TRUNCATE')""").query(Boolean.class).single())
			.as("grants: SELECT and INSERT only").isFalse();
		assertThat(verify().get("status").asText()).isEqualTo("INTACT");
	}

	@Test
	void aChangedFieldIsNamedByItsSequenceNumber() throws Exception {
		long seq = seqOf("PERSON_READ");
		asSuperuser("update audit_event set username = 'someone-else' where seq = " + seq);
		try {
			assertBrokenAt(seq, "hash");
		}
		finally {
			asSuperuser("update audit_event set username = 'police.qng' where seq = " + seq);
		}
		assertThat(verify().get("status").asText()).isEqualTo("INTACT");
	}

	@Test
	void aDeletedRowIsNamedByItsSequenceNumber() throws Exception {
		long seq = seqOf("PERSON_CREATE");
		String copy = "create temporary table saved as select * from audit_event where seq = " + seq;
		try (Connection connection = superuser(); Statement sql = connection.createStatement()) {
			sql.execute("set session_replication_role = replica");
			sql.execute(copy);
			sql.execute("delete from audit_event where seq = " + seq);
			try {
				assertBrokenAt(seq, "missing");
			}
			finally {
				sql.execute("insert into audit_event select * from saved");
			}
		}
		assertThat(verify().get("status").asText()).isEqualTo("INTACT");
	}

	@Test
	void anInsertedRowIsNamedByItsSequenceNumber() throws Exception {
		long seq = head() + 1;
		asSuperuser("""
				insert into audit_event (seq, occurred_at, username, action, outcome, flagged, hash)
				values (%d, now(), 'police.qng', 'PERSON_READ', 'SUCCESS', false, repeat('a', 64))""".formatted(seq));
		try {
			assertBrokenAt(seq, "hash");
		}
		finally {
			asSuperuser("delete from audit_event where seq = " + seq);
		}
	}

	@Test
	void twoSwappedRowsAreNamedByTheFirstOfThem() throws Exception {
		long seq = seqOf("PERSON_READ") - 1;
		String swap = """
				update audit_event a set username = b.username, action = b.action, person_id = b.person_id,
				    sections = b.sections, purpose = b.purpose, outcome = b.outcome, hash = b.hash, occurred_at = b.occurred_at
				from audit_event b where (a.seq, b.seq) in ((%1$d, %2$d), (%2$d, %1$d))""".formatted(seq, seq + 1);
		asSuperuser(swap);
		try {
			assertBrokenAt(seq, "hash");
		}
		finally {
			asSuperuser(swap);
		}
		assertThat(verify().get("status").asText()).isEqualTo("INTACT");
	}

	@Test
	void aTruncatedTailIsNamedBySignedCheckpoints() throws Exception {
		log.checkpoint();
		long signed = head();
		long seq = seqOf("PERSON_READ");
		try (Connection connection = superuser(); Statement sql = connection.createStatement()) {
			sql.execute("set session_replication_role = replica");
			sql.execute("create temporary table tail as select * from audit_event where seq >= " + seq);
			sql.execute("delete from audit_event where seq >= " + seq);
			try {
				assertBrokenAt(seq, "truncated");
			}
			finally {
				sql.execute("insert into audit_event select * from tail");
			}
		}
		assertThat(verify().get("checkpointsChecked").asInt()).isPositive();
		assertThat(signed).isGreaterThanOrEqualTo(seq);
	}

	@Test
	void theOfflineVerifierAgreesOnAnExportAndFindsWhatWasChangedInIt() throws Exception {
		long signed = log.checkpoint().map(AuditCheckpoint::seq).orElseGet(this::head);
		while (witness.newestSeq() < signed) {
			Thread.sleep(20);
		}
		Path witnessed = Files.copy(witnessFile(), Files.createTempFile("loive-audit-witness", ".jsonl"),
				StandardCopyOption.REPLACE_EXISTING);
		Path export = Files.createTempFile("loive-audit", ".jsonl");
		Path key = Files.createTempFile("loive-audit-key", ".json");
		download("/api/v1/audit/export", export);
		download("/api/v1/audit/public-key", key);

		ChainVerifier.Result offline = AuditVerifyCommand.verify(export, Files.readString(key));
		JsonNode online = verify();
		assertThat(offline.intact()).isTrue();
		assertThat(offline.eventsChecked()).isGreaterThanOrEqualTo(online.get("eventsChecked").asLong() - 2);
		assertThat(offline.checkpointsChecked()).isPositive();
		ChainVerifier.Result withWitness = AuditVerifyCommand.verify(export, Files.readString(key), witnessed);
		assertThat(withWitness.intact()).as(withWitness.toString()).isTrue();
		assertThat(withWitness.lastWitnessSeq()).isEqualTo(signed);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'AUDIT_EXPORT' and username = 'auditor'")
			.query(Integer.class).single()).isPositive();

		long seq = seqOf("PERSON_READ");
		List<String> original = Files.readAllLines(export);
		List<String> lines = new ArrayList<>(original);
		lines.replaceAll(line -> line.contains("\"seq\":" + seq + ",") && line.contains("\"type\":\"event\"")
				? line.replace("police.qng", "police.gli") : line);
		Files.write(export, lines);
		ChainVerifier.Result tampered = AuditVerifyCommand.verify(export, Files.readString(key));
		assertThat(tampered.intact()).isFalse();
		assertThat(tampered.firstBrokenSeq()).isEqualTo(seq);

		Pattern seqOfLine = Pattern.compile("\"seq\":(\\d+)");
		List<String> cut = new ArrayList<>(original);
		cut.removeIf(line -> !line.contains("\"type\":\"header\"") && seqOfLine.matcher(line).results()
			.anyMatch(found -> Long.parseLong(found.group(1)) >= signed));
		Files.write(export, cut);
		assertThat(AuditVerifyCommand.verify(export, Files.readString(key)).intact())
			.as("the tail cut with its checkpoints: the export alone holds").isTrue();
		ChainVerifier.Result truncated = AuditVerifyCommand.verify(export, Files.readString(key), witnessed);
		assertThat(truncated.reason()).as(truncated.toString()).isEqualTo("witness-truncated");
		assertThat(truncated.firstBrokenSeq()).isEqualTo(signed);
	}

	@Test
	void concurrentReadersWritersCompletersAndRefusedUsersLeaveOneChainWithoutGapsOrForks() throws Exception {
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			cases.add(POLICE.receives("""
					{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false}""".formatted(JUST_RECEIVED))
				.get("caseId").asText());
		}
		long before = head();
		List<Callable<Integer>> work = new ArrayList<>();
		for (String other : cases) {
			work.add(() -> POLICE.complete(POLICE.task(other, ReferralProcess.CLASSIFY),
					"{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}").status());
		}
		for (int i = 0; i < 36; i++) {
			int n = i;
			work.add(switch (n % 4) {
				case 0 -> () -> Api.send(Api.builder(person(null), POLICE.token()).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"legal\":{\"notes\":\"Ghi chú " + n + "\"}}"))
					.build()).status();
				case 1 -> () -> Api.get(person("identity"), Api.token("police.gli")).status();
				default -> () -> Api.get(person(n % 2 == 0 ? "identity" : "identity,legal"), POLICE.token()).status();
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> done : pool.invokeAll(work)) {
			statuses.add(done.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(200, 204, 403);
		assertThat(statuses.stream().filter(status -> status == 403)).hasSize(9);
		assertThat(head() - before).as("every request on record").isGreaterThanOrEqualTo(work.size());
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).as("no gap").isEqualTo(head());
		assertThat(verify().get("status").asText()).as("no fork").isEqualTo("INTACT");
	}

	@Test
	void aPersonLearnsWhichAgenciesSawTheirDataAndOfficersOnlyWhenAsked() {
		String path = "/api/v1/audit/persons/" + personId + "/accesses";
		JsonNode accesses = Api.get(path, Api.token(AUDITOR)).body();
		assertThat(accesses.findValuesAsText("action")).contains("PERSON_CREATE", "PERSON_READ");
		assertThat(accesses.findValuesAsText("agency")).contains("police");
		assertThat(accesses.findValues("officer")).allMatch(JsonNode::isNull);
		assertThat(Api.get(path + "?officers=true", Api.token(AUDITOR)).body().findValuesAsText("officer"))
			.contains("police.qng");
		assertThat(jdbc.sql("select purpose from audit_event where action = 'AUDIT_DISCLOSURE' and person_id = ? order by seq")
			.param(personId).query(String.class).list()).containsExactly("agencies-only", "officers-named");
		assertThat(Api.get(path, POLICE.token()).status()).isEqualTo(403);
	}

	@Test
	void aSupervisorReadsOnlyWithAStatedReasonFlaggedForTheAuditorsReview() {
		String breakGlass = "/api/v1/cases/" + caseId + "/persons/" + personId + "/break-glass";
		Reply read = Api.post(breakGlass, Api.token("supervisor.qng"), """
				{"sections":["identity"],"reason":"SAFETY_EMERGENCY","reference":"12/QĐ-BCĐ"}""");
		assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
		assertThat(read.body().at("/data/identity/fullName").asText()).isEqualTo("Phùng Thị Mơ");
		assertThat(Api.post(breakGlass, Api.token("supervisor.qng"), "{\"sections\":[\"identity\"]}").status())
			.isEqualTo(400);
		assertThat(Api.post(breakGlass, Api.token("admin"), """
				{"sections":["identity"],"reason":"SAFETY_EMERGENCY"}""").status()).isEqualTo(403);

		JsonNode flagged = Api.get("/api/v1/audit/events?flagged=true&personId=" + personId, Api.token(AUDITOR)).body();
		assertThat(flagged.get("total").asInt()).isEqualTo(1);
		assertThat(flagged.at("/items/0/action").asText()).isEqualTo("BREAK_GLASS_READ");
		assertThat(flagged.at("/items/0/purpose").asText()).isEqualTo("break-glass:SAFETY_EMERGENCY:12/QĐ-BCĐ");

		long seq = flagged.at("/items/0/seq").asLong();
		assertThat(Api.get("/api/v1/audit/reviews/pending?size=200", Api.token(AUDITOR)).body().findValuesAsText("seq"))
			.contains(String.valueOf(seq));
		String review = "{\"seq\":" + seq + ",\"finding\":\"JUSTIFIED\",\"reference\":\"BB-07/TTr\"}";
		assertThat(Api.post("/api/v1/audit/reviews", Api.token(AUDITOR), review).status()).isEqualTo(201);
		assertThat(Api.post("/api/v1/audit/reviews", Api.token(AUDITOR), review).status()).as("reviewed once").isEqualTo(409);
		assertThat(Api.post("/api/v1/audit/reviews", Api.token(AUDITOR), "{\"seq\":" + seqOf("PERSON_READ")
				+ ",\"finding\":\"JUSTIFIED\"}").status()).as("not flagged").isEqualTo(409);
		assertThat(Api.get("/api/v1/audit/reviews/pending?size=200", Api.token(AUDITOR)).body().findValuesAsText("seq"))
			.doesNotContain(String.valueOf(seq));
		assertThat(jdbc.sql("select purpose from audit_event where action = 'AUDIT_REVIEW' and person_id = ?")
			.param(personId).query(String.class).single()).isEqualTo("seq:" + seq + ":JUSTIFIED:BB-07/TTr");
	}

	@Test
	void aRejectedTokenIsAFailedLogin() {
		long before = count("LOGIN_FAILED");
		String token = POLICE.token();
		String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
		assertThat(Api.get("/api/v1/tasks", tampered).status()).isEqualTo(401);
		assertThat(count("LOGIN_FAILED")).isEqualTo(before + 1);
	}

	private void assertBrokenAt(long seq, String reason) {
		JsonNode verdict = verify();
		assertThat(verdict.get("status").asText()).as(verdict.toString()).isEqualTo("BROKEN");
		assertThat(verdict.get("firstBrokenSeq").asLong()).as(verdict.toString()).isEqualTo(seq);
		assertThat(verdict.get("reason").asText()).as(verdict.toString()).isEqualTo(reason);
	}

	private JsonNode verify() {
		Reply reply = Api.get("/api/v1/audit/verify", Api.token(AUDITOR));
		assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
		return reply.body();
	}

	/** The PERSON_READ of this test's case: an event in the middle of the chain. */
	private long seqOf(String action) {
		return jdbc.sql("select max(seq) from audit_event where action = ? and case_id = ?")
			.params(action, caseId)
			.query(Long.class)
			.single();
	}

	private Path witnessFile() {
		return witness.file();
	}

	private long head() {
		return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
	}

	private long count(String action) {
		return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Long.class).single();
	}

	private String person(String sections) {
		return "/api/v1/cases/" + caseId + "/persons/" + personId + (sections == null ? "" : "?sections=" + sections);
	}

	private static void download(String path, Path to) throws Exception {
		HttpResponse<Path> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Bearer " + Api.token(AUDITOR)).build(),
					HttpResponse.BodyHandlers.ofFile(to));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static Connection superuser() throws SQLException {
		Connection connection = TestPostgres.get().connect(TestPostgres.superuser());
		try (Statement sql = connection.createStatement()) {
			sql.execute("set search_path to loive");
		}
		return connection;
	}

	/** A change behind the application's back: as the superuser, with the append-only triggers bypassed. */
	private static void asSuperuser(String statement) throws SQLException {
		try (Connection connection = superuser(); Statement sql = connection.createStatement()) {
			sql.execute("set session_replication_role = replica");
			sql.execute(statement);
		}
	}
}
