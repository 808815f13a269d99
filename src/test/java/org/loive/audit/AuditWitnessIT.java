package org.loive.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of issue 13 that the checkpoints alone did not catch: a PostgreSQL superuser deletes the newest
 * audit event, or rewrites it with its hash recomputed, and deletes the checkpoint over it. The witness outside
 * the database still holds that checkpoint, so verification answers BROKEN within 2 s of the event. The
 * superuser also holds the chain's lock while tampering: not that an attacker needs to, but so that no event
 * of the application lands in the window and the chain can be put back for the other tests.
 */
class AuditWitnessIT extends IntegrationTest {

	private static final Duration WITHIN = Duration.ofSeconds(2);

	@Autowired
	CheckpointWitness witness;

	@Autowired
	JdbcClient jdbc;

	private long witnessedAt;

	@Test
	void theNewestEventDeletedWithItsCheckpointIsFoundOutWithinTwoSecondsOfTheEvent() throws Exception {
		String auditor = Api.token("auditor");
		String refused = Api.token("police.qng");
		assertThat(verify(auditor).get("status").asText()).as("before").isEqualTo("INTACT");
		try (Connection superuser = superuser(); Statement sql = superuser.createStatement()) {
			long started = System.nanoTime();
			long seq = aWitnessedNewestEvent(refused, sql);
			sql.execute("create temporary table saved_event as select * from audit_event where seq = " + seq);
			sql.execute("create temporary table saved_checkpoint as select * from audit_checkpoint where seq = " + seq);
			sql.execute("delete from audit_event where seq = " + seq);
			sql.execute("delete from audit_checkpoint where seq = " + seq);
			try {
				JsonNode verdict = verify(auditor);
				long elapsed = System.nanoTime() - started;
				assertThat(verdict.get("status").asText()).as(verdict.toString()).isEqualTo("BROKEN");
				assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(seq);
				assertThat(verdict.get("reason").asText()).isEqualTo("witness-truncated");
				assertThat(verdict.get("lastSeq").asLong()).isEqualTo(seq - 1);
				assertThat(Duration.ofNanos(elapsed)).as("from the event to the verdict (witnessed after %d ms)",
						(witnessedAt - started) / 1_000_000).isLessThan(WITHIN);
			}
			finally {
				sql.execute("insert into audit_event select * from saved_event");
				sql.execute("insert into audit_checkpoint select * from saved_checkpoint");
				sql.execute("select pg_advisory_unlock(" + ChainWriter.CHAIN_LOCK + ")");
			}
		}
		JsonNode restored = verify(auditor);
		assertThat(restored.get("status").asText()).as(restored.toString()).isEqualTo("INTACT");
		assertThat(restored.get("witnessChecked").asInt()).isPositive();
	}

	@Test
	void theNewestEventRewrittenWithItsHashRecomputedAndItsCheckpointDeletedIsFoundOutWithinTwoSeconds()
			throws Exception {
		String auditor = Api.token("auditor");
		String refused = Api.token("police.qng");
		assertThat(verify(auditor).get("status").asText()).as("before").isEqualTo("INTACT");
		try (Connection superuser = superuser(); Statement sql = superuser.createStatement()) {
			long started = System.nanoTime();
			long seq = aWitnessedNewestEvent(refused, sql);
			AuditRecord genuine = jdbc.sql("select * from audit_event where seq = ?").param(seq)
				.query(AuditTrail.EVENTS).single();
			String previous = jdbc.sql("select hash from audit_event where seq = ?").param(seq - 1)
				.query(String.class).single();
			AuditRecord forged = new AuditRecord(seq, genuine.occurredAt(), "someone-else", genuine.agency(),
					genuine.roles(), genuine.action(), genuine.caseId(), genuine.personId(), genuine.sections(),
					genuine.purpose(), genuine.clientAddress(), genuine.outcome(), genuine.flagged(), null);
			sql.execute("create temporary table saved_checkpoint as select * from audit_checkpoint where seq = " + seq);
			rewrite(superuser, seq, forged.username(), AuditChain.hash(forged, previous));
			sql.execute("delete from audit_checkpoint where seq = " + seq);
			try {
				JsonNode verdict = verify(auditor);
				long elapsed = System.nanoTime() - started;
				assertThat(verdict.get("status").asText()).as(verdict.toString()).isEqualTo("BROKEN");
				assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(seq);
				assertThat(verdict.get("reason").asText()).isEqualTo("witness-hash");
				assertThat(Duration.ofNanos(elapsed)).as("from the event to the verdict (witnessed after %d ms)",
						(witnessedAt - started) / 1_000_000).isLessThan(WITHIN);
			}
			finally {
				rewrite(superuser, seq, genuine.username(), genuine.hash());
				sql.execute("insert into audit_checkpoint select * from saved_checkpoint");
				sql.execute("select pg_advisory_unlock(" + ChainWriter.CHAIN_LOCK + ")");
			}
		}
		assertThat(verify(auditor).get("status").asText()).isEqualTo("INTACT");
	}

	/**
	 * An event made now (a refused request is recorded), the witness waited for until it holds the checkpoint over
	 * it, then the chain's lock taken: the newest event, signed and witnessed, that nothing will follow meanwhile.
	 */
	private long aWitnessedNewestEvent(String refusedToken, Statement sql) throws Exception {
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(Api.get("/api/v1/audit/verify", refusedToken).status()).isEqualTo(403);
			long seq = head();
			long deadline = System.nanoTime() + WITHIN.toNanos();
			while (witness.newestSeq() < seq && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			witnessedAt = System.nanoTime();
			assertThat(witness.newestSeq()).as("the witness holds the event's checkpoint").isGreaterThanOrEqualTo(seq);
			sql.execute("set session_replication_role = replica");
			sql.execute("select pg_advisory_lock(" + ChainWriter.CHAIN_LOCK + ")");
			if (head() == witness.newestSeq()) {
				return head();
			}
			sql.execute("select pg_advisory_unlock(" + ChainWriter.CHAIN_LOCK + ")");
		}
		throw new AssertionError("the application kept appending: no quiet newest event to tamper with");
	}

	private static void rewrite(Connection superuser, long seq, String username, String hash) throws SQLException {
		try (PreparedStatement update = superuser.prepareStatement(
				"update audit_event set username = ?, hash = ? where seq = ?")) {
			update.setString(1, username);
			update.setString(2, hash);
			update.setLong(3, seq);
			update.executeUpdate();
		}
	}

	private long head() {
		return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
	}

	private static JsonNode verify(String auditor) {
		Reply reply = Api.get("/api/v1/audit/verify", auditor);
		assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
		return reply.body();
	}

	private static Connection superuser() throws SQLException {
		Connection connection = TestPostgres.get().connect(TestPostgres.superuser());
		try (Statement sql = connection.createStatement()) {
			sql.execute("set search_path to loive");
		}
		return connection;
	}
}
