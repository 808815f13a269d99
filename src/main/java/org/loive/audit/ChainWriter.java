package org.loive.audit;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The writes of the chain's tables (audit_pending, audit_event, audit_checkpoint) over one pool's connections: the
 * application's ({@link AuditLog}) or the sequencer's own ({@link AuditSequencer}). Whoever appends to the chain
 * holds {@link #lockChain()} in its transaction, so sequence numbers have no gaps and the chain no forks.
 */
final class ChainWriter {

	/** Key of the transaction-level advisory lock that serialises appends to the chain, on every node. */
	static final long CHAIN_LOCK = 0x4C6F695665417564L;

	record Head(long seq, String hash) {
	}

	private record Pending(long id, AuditRecord record) {
	}

	private static final RowMapper<Pending> PENDING = (row, n) -> new Pending(row.getLong("id"),
			new AuditRecord(0, row.getTimestamp("occurred_at").toInstant(), row.getString("username"),
					row.getString("agency"), row.getString("roles"), row.getString("action"), row.getString("case_id"),
					row.getString("person_id"), row.getString("sections"), row.getString("purpose"),
					row.getString("client_address"), row.getString("outcome"), row.getBoolean("flagged"), null));

	private final JdbcClient jdbc;
	private final CheckpointSigner signer;
	private final int checkpointEvery;
	private final Clock clock;

	ChainWriter(JdbcClient jdbc, CheckpointSigner signer, int checkpointEvery, Clock clock) {
		this.jdbc = jdbc;
		this.signer = signer;
		this.checkpointEvery = checkpointEvery;
		this.clock = clock;
	}

	/** The event as of now, not in the chain yet: no lock, committed with the caller's transaction. Its id. */
	long pend(AuditEvent event, String client) {
		return bind(jdbc.sql("""
				insert into audit_pending (occurred_at, username, agency, roles, action, case_id, person_id, sections,
				                           purpose, client_address, outcome, flagged)
				values (:at, :user, :agency, :roles, :action, :case, :person, :sections, :purpose, :client, :outcome,
				        :flagged)
				returning id"""), record(0, event, client)).query(Long.class).single();
	}

	/** Appends the event at the head of the chain: the caller holds the lock. Its seq. */
	long append(AuditEvent event, String client) {
		Head previous = head();
		return insert(record(previous.seq() + 1, event, client), previous.hash()).seq();
	}

	/**
	 * Moves up to {@code max} pending events into the chain, the oldest id first: the caller holds the lock. The ids
	 * moved; fewer than {@code max} means none was left that this transaction could see.
	 */
	List<Long> chainPending(int max) {
		List<Pending> pending = jdbc.sql("select * from audit_pending order by id limit :max").param("max", max)
			.query(PENDING).list();
		if (pending.isEmpty()) {
			return List.of();
		}
		Head head = head();
		for (Pending event : pending) {
			AuditRecord r = event.record();
			head = insert(new AuditRecord(head.seq() + 1, r.occurredAt(), r.username(), r.agency(), r.roles(), r.action(),
					r.caseId(), r.personId(), r.sections(), r.purpose(), r.clientAddress(), r.outcome(), r.flagged(), null),
					head.hash());
		}
		List<Long> ids = pending.stream().map(Pending::id).toList();
		jdbc.sql("delete from audit_pending where id in (:ids)").param("ids", ids).update();
		return ids;
	}

	/** Events committed and not in the chain yet. */
	long pendingCount() {
		return jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
	}

	/** Which of these pending events are still waiting. */
	List<Long> stillPending(List<Long> ids) {
		return jdbc.sql("select id from audit_pending where id in (:ids)").param("ids", ids).query(Long.class).list();
	}

	/** Held until the transaction ends. */
	void lockChain() {
		jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().singleRow();
	}

	AuditCheckpoint sign(long seq, String hash) {
		var signedAt = AuditChain.truncate(clock.instant());
		AuditCheckpoint checkpoint = new AuditCheckpoint(seq, hash, signedAt,
				Base64.getEncoder().encodeToString(signer.sign(AuditChain.checkpointStatement(seq, hash, signedAt))));
		jdbc.sql("insert into audit_checkpoint (seq, hash, signed_at, signature) values (:seq, :hash, :at, :signature)")
			.param("seq", seq)
			.param("hash", hash)
			.param("at", Timestamp.from(signedAt))
			.param("signature", checkpoint.signature())
			.update();
		return checkpoint;
	}

	private Head head() {
		return jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
			.query((row, n) -> new Head(row.getLong(1), row.getString(2)))
			.optional()
			.orElse(new Head(0, AuditChain.GENESIS));
	}

	/** Inserts the record chained to {@code previousHash}, signs a checkpoint at every multiple: the new head. */
	private Head insert(AuditRecord record, String previousHash) {
		String hash = AuditChain.hash(record, previousHash);
		bind(jdbc.sql("""
				insert into audit_event (seq, occurred_at, username, agency, roles, action, case_id, person_id, sections,
				                         purpose, client_address, outcome, flagged, hash)
				values (:seq, :at, :user, :agency, :roles, :action, :case, :person, :sections, :purpose, :client,
				        :outcome, :flagged, :hash)"""), record)
			.param("seq", record.seq())
			.param("hash", hash)
			.update();
		if (record.seq() % checkpointEvery == 0) {
			sign(record.seq(), hash);
		}
		return new Head(record.seq(), hash);
	}

	private AuditRecord record(long seq, AuditEvent event, String client) {
		return new AuditRecord(seq, AuditChain.truncate(clock.instant()), event.actor().username(), event.actor().agency(),
				event.actor().roles(), event.action().name(), text(event.caseId()), text(event.personId()),
				event.sections(), event.purpose(), client, event.outcome().name(), event.flagged(), null);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AuditRecord record) {
		return statement.param("at", Timestamp.from(record.occurredAt()))
			.param("user", record.username())
			.param("agency", record.agency())
			.param("roles", record.roles())
			.param("action", record.action())
			.param("case", record.caseId())
			.param("person", record.personId())
			.param("sections", record.sections())
			.param("purpose", record.purpose())
			.param("client", record.clientAddress())
			.param("outcome", record.outcome())
			.param("flagged", record.flagged());
	}

	private static String text(UUID id) {
		return id == null ? null : id.toString();
	}
}
