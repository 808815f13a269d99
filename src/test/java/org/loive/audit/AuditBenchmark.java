package org.loive.audit;

import org.junit.jupiter.api.Test;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.support.Api;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.vault.Section;
import org.loive.vault.Vault;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's benchmark, not a test: run on purpose, figures written to
 * {@code target/benchmarks/audit.md} and copied by hand into {@code docs/benchmarks.md}.
 * <pre>
 * ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AuditBenchmark \
 *     -Dbenchmark.events=1000000
 * </pre>
 * It appends {@code benchmark.events} real chained events (hashes computed as the application does, a
 * signed checkpoint every 1,000, written with COPY), then measures the verification of the whole chain in
 * the application (streamed from PostgreSQL), of an export by the offline verifier, and of the chain in
 * memory alone; then the latency of a victim-data read (one section) in a transaction, without the
 * access decision and its audit event, and with them.
 */
class AuditBenchmark extends IntegrationTest {

	private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
	private static final int READS = Integer.getInteger("benchmark.reads", 2_000);
	private static final int BATCH = 50_000;
	private static final int THREADS = Integer.getInteger("benchmark.threads", 8);

	@Autowired
	AuditTrail trail;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	VictimDataAccess access;

	@Autowired
	Vault vault;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private final StringBuilder report = new StringBuilder();

	@Test
	void measure() throws Exception {
		Caseworker police = Caseworker.as("police.qng");
		String caseId = police.receives("""
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"Đoàn Thị Bích","birthDate":"2001-01-01","sex":"F","phone":"0912 000 111"}}""".formatted(JUST_RECEIVED))
			.get("caseId").asText();
		UUID person = UUID.fromString(police.caseView(caseId).get("persons").get(0).get("personId").asText());
		assertThat(Api.get("/api/v1/cases/" + caseId + "/persons/" + person + "?sections=identity", police.token()).status())
			.isEqualTo(200);

		long started = System.nanoTime();
		append(EVENTS);
		line("appended %,d chained events with a checkpoint every 1,000 in %.1f s", EVENTS, seconds(started));
		jdbc.sql("analyze audit_event").update();
		long total = jdbc.sql("select count(*) from audit_event").query(Long.class).single();

		line("");
		line("| verification | events | checkpoints | seconds | events per second |");
		line("|---|---:|---:|---:|---:|");
		started = System.nanoTime();
		ChainVerifier.Result result = trail.verify();
		double inApp = seconds(started);
		assertThat(result.intact()).as(result.toString()).isTrue();
		line("| whole chain in the application (`GET /api/v1/audit/verify`: stream from PostgreSQL, recompute, check signatures) | %,d | %,d | %.2f | %,.0f |",
				result.eventsChecked(), result.checkpointsChecked(), inApp, result.eventsChecked() / inApp);

		Path export = Path.of("target", "benchmarks", "audit-export.jsonl");
		Files.createDirectories(export.getParent());
		try (OutputStream out = new FileOutputStream(export.toFile())) {
			trail.export(1, Long.MAX_VALUE, out);
		}
		started = System.nanoTime();
		ChainVerifier.Result offline = AuditVerifyCommand.verify(export, signer.publicKeyset());
		double offlineSeconds = seconds(started);
		assertThat(offline.intact()).isTrue();
		line("| export of %,d MB by the offline verifier (`AuditVerifyCommand`: parse JSON Lines, recompute, check signatures) | %,d | %,d | %.2f | %,.0f |",
				Files.size(export) >> 20, offline.eventsChecked(), offline.checkpointsChecked(), offlineSeconds,
				offline.eventsChecked() / offlineSeconds);

		List<AuditRecord> memory = jdbc.sql("select * from audit_event order by seq").query(AuditTrail.EVENTS).list();
		ChainVerifier verifier = new ChainVerifier(signer.verifier());
		verifier.verify(memory.iterator(), Map.of(), 1, AuditChain.GENESIS);
		started = System.nanoTime();
		ChainVerifier.Result hashing = verifier.verify(memory.iterator(), Map.of(), 1, AuditChain.GENESIS);
		double hashingSeconds = seconds(started);
		line("| the chain in memory (canonical form and SHA-256 only) | %,d | 0 | %.2f | %,.0f |", hashing.eventsChecked(),
				hashingSeconds, hashing.eventsChecked() / hashingSeconds);
		line("");
		line("events in the table: %,d", total);

		Officer officer = new Officer("police.qng", Set.of(Officer.CASEWORKER), Set.of("police"), "QNG");
		VictimDataAccess.CaseScope scope = new VictimDataAccess.CaseScope(UUID.fromString(caseId), "QNG");
		Set<Section> identity = Set.of(Section.IDENTITY);
		line("");
		line("| victim-data read (identity) in one transaction | calls | mean ms | p50 ms | p95 ms | p99 ms |");
		line("|---|---:|---:|---:|---:|---:|");
		measure("warm-up", READS / 2, i -> transactions.executeWithoutResult(tx -> vault.read(person, identity)));
		measure("without auditing: decrypt only", READS, i -> transactions.executeWithoutResult(tx -> vault.read(person, identity)));
		measure("the access decision alone (involvement from the engine's history), no audit event", READS,
				i -> transactions.executeWithoutResult(tx -> access.requireInvolved(officer, scope, person)));
		measure("with the access decision and its audit event, committed before the data leaves", READS,
				i -> transactions.executeWithoutResult(
						tx -> access.read(officer, scope, person, Section.codes(identity), () -> vault.read(person, identity))));
		String token = police.token();
		measure("over HTTP, `GET /api/v1/cases/{caseId}/persons/{personId}?sections=identity`", READS,
				i -> Api.get("/api/v1/cases/" + caseId + "/persons/" + person + "?sections=identity", token));
		line("");
		line("| %d threads reading at once, each in its own transaction | reads | seconds | reads per second |", THREADS);
		line("|---|---:|---:|---:|");
		throughput("without auditing", () -> transactions.executeWithoutResult(tx -> vault.read(person, identity)));
		throughput("with the access decision and its audit event (appends serialised by the chain's lock)",
				() -> transactions.executeWithoutResult(
						tx -> access.read(officer, scope, person, Section.codes(identity), () -> vault.read(person, identity))));

		Path out = Path.of("target", "benchmarks", "audit.md");
		Files.writeString(out, report);
		System.out.println(report);
	}

	/** Chained events as the application writes them, after the current head, written with COPY. */
	private void append(int count) throws Exception {
		record Head(long seq, String hash) {
		}
		Head head = jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
			.query((row, n) -> new Head(row.getLong(1), row.getString(2)))
			.optional()
			.orElse(new Head(0, AuditChain.GENESIS));
		long seq = head.seq();
		String previous = head.hash();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (int done = 0; done < count; done += BATCH) {
				StringBuilder events = new StringBuilder();
				List<String> checkpoints = new ArrayList<>();
				for (int i = done; i < Math.min(count, done + BATCH); i++) {
					seq++;
					AuditRecord event = new AuditRecord(seq, at.plusNanos(i * 1000L), "police.qng", "police", "caseworker",
							"PERSON_READ", UUID.randomUUID().toString(), UUID.randomUUID().toString(), "contact,identity",
							"task:" + i + ";identity:law,contact:law", "10.0.0." + i % 250, "SUCCESS", false, null);
					previous = AuditChain.hash(event, previous);
					events.append(String.join("\t", String.valueOf(seq), event.occurredAt().toString(), event.username(),
							event.agency(), event.roles(), event.action(), event.caseId(), event.personId(), event.sections(),
							event.purpose(), event.clientAddress(), event.outcome(), "false", previous)).append('\n');
					if (seq % 1000 == 0) {
						Instant signedAt = event.occurredAt();
						String signature = Base64.getEncoder()
							.encodeToString(signer.sign(AuditChain.checkpointStatement(seq, previous, signedAt)));
						checkpoints.add(String.join("\t", String.valueOf(seq), previous, signedAt.toString(), signature));
					}
				}
				copy.copyIn("copy audit_event (seq, occurred_at, username, agency, roles, action, case_id, person_id, sections,"
						+ " purpose, client_address, outcome, flagged, hash) from stdin", new StringReader(events.toString()));
				copy.copyIn("copy audit_checkpoint (seq, hash, signed_at, signature) from stdin",
						new StringReader(String.join("\n", checkpoints) + (checkpoints.isEmpty() ? "" : "\n")));
			}
		}
	}

	private void measure(String what, int times, IntConsumer operation) {
		long[] nanos = new long[times];
		for (int i = 0; i < times; i++) {
			long before = System.nanoTime();
			operation.accept(i);
			nanos[i] = System.nanoTime() - before;
		}
		Arrays.sort(nanos);
		line("| %s | %,d | %.3f | %.3f | %.3f | %.3f |", what, times, Arrays.stream(nanos).average().orElse(0) / 1e6,
				nanos[times / 2] / 1e6, nanos[(int) (times * 0.95)] / 1e6, nanos[(int) (times * 0.99)] / 1e6);
	}

	/** Many readers at once: how many audited reads per second the one chain lets through. */
	private void throughput(String what, Runnable read) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Callable<Void>> readers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			readers.add(() -> {
				for (int i = 0; i < READS / THREADS * 2; i++) {
					read.run();
				}
				return null;
			});
		}
		long started = System.nanoTime();
		for (Future<Void> done : pool.invokeAll(readers)) {
			done.get();
		}
		double elapsed = seconds(started);
		pool.shutdown();
		int reads = READS / THREADS * 2 * THREADS;
		line("| %s | %,d | %.2f | %,.0f |", what, reads, elapsed, reads / elapsed);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private void line(String format, Object... args) {
		report.append(format.formatted(args)).append('\n');
	}
}
