package org.loive.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only, hash-chained audit trail. An event is appended in the transaction of the action it
 * records, so both commit or neither does; appends take one cluster-wide lock until commit, so sequence
 * numbers have no gaps and the chain no forks, on every node. Denials and failed logins are recorded in a
 * transaction of their own, since the refused action rolls back.
 */
@Service
public class AuditLog {

	/** Key of the transaction-level advisory lock that serialises appends. */
	static final long CHAIN_LOCK = 0x4C6F695665417564L;
	private static final Object HOLDS_LOCK = new Object();
	private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
	static final RowMapper<AuditCheckpoint> CHECKPOINTS = (row, n) -> new AuditCheckpoint(row.getLong("seq"),
			row.getString("hash"), row.getTimestamp("signed_at").toInstant(), row.getString("signature"));

	private final JdbcClient jdbc;
	private final CheckpointSigner signer;
	private final AuditProperties properties;
	private final TransactionTemplate alone;
	private final Clock clock;
	/** The head last found not to verify, told once rather than at every look. */
	private volatile long unverifiedHead;

	AuditLog(JdbcClient jdbc, CheckpointSigner signer, AuditProperties properties, PlatformTransactionManager transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.signer = signer;
		this.properties = properties;
		this.alone = new TransactionTemplate(transactions);
		this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Appends the event to the chain within the current transaction (one is started if none runs). */
	@Transactional(propagation = Propagation.REQUIRED)
	public long record(AuditEvent event) {
		return append(event, clientAddress());
	}

	/** Whether the event {@code seq} seals a record of this hash ({@link SealedRecords}). */
	public boolean seals(long seq, String sha256) {
		return jdbc.sql("select purpose from audit_event where seq = :seq").param("seq", seq)
			.query(String.class).optional().filter(purpose -> SealedRecords.seals(purpose, sha256)).isPresent();
	}

	/**
	 * Records an event that must stay even though the current action fails (a denial): in a transaction of
	 * its own, or right after the current one ends if that one already holds the chain's lock.
	 */
	public void recordAlone(AuditEvent event) {
		String client = clientAddress();
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.hasResource(HOLDS_LOCK)) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					alone.executeWithoutResult(tx -> append(event, client));
				}
			});
			return;
		}
		alone.executeWithoutResult(tx -> append(event, client));
	}

	/**
	 * Signs a checkpoint at the head of the chain if events came since the last one, and returns it. Cheap
	 * when nothing is new (two index lookups, no lock), so every node may ask often; the chain's lock and the
	 * checkpoints' primary key let one node sign a head once. A head whose hash does not follow from its
	 * fields and the hash before it (a row written behind the application's back) is not signed.
	 */
	@Transactional
	public Optional<AuditCheckpoint> checkpoint() {
		if (!unsigned()) {
			return Optional.empty();
		}
		lock();
		if (!unsigned()) {
			return Optional.empty();
		}
		List<AuditRecord> head = jdbc.sql("""
				select * from audit_event where seq >= (select max(seq) - 1 from audit_event) order by seq""")
			.query(AuditTrail.EVENTS)
			.list();
		AuditRecord newest = head.get(head.size() - 1);
		String previous = head.size() == 2 ? head.get(0).hash() : AuditChain.GENESIS;
		if (!AuditChain.hash(newest, previous).equals(newest.hash())) {
			if (unverifiedHead != newest.seq()) {
				unverifiedHead = newest.seq();
				LOG.warn("Sự kiện kiểm toán mới nhất {} không khớp mã băm của nó, không ký / The newest audit event {} does "
						+ "not match its hash: not signed", newest.seq(), newest.seq());
			}
			return Optional.empty();
		}
		return Optional.of(sign(newest.seq(), newest.hash()));
	}

	/** The newest checkpoint in the database. */
	@Transactional(readOnly = true)
	public Optional<AuditCheckpoint> newestCheckpoint() {
		return jdbc.sql("select * from audit_checkpoint order by seq desc limit 1").query(CHECKPOINTS).optional();
	}

	/** The seq of the newest event of the chain and of its newest checkpoint (0 for none), read together. */
	record Heads(long event, long checkpoint) {
	}

	Heads heads() {
		return jdbc.sql("""
				select coalesce((select max(seq) from audit_event), 0), coalesce((select max(seq) from audit_checkpoint), 0)""")
			.query((row, n) -> new Heads(row.getLong(1), row.getLong(2)))
			.single();
	}

	/** Whether events came after the newest checkpoint. */
	private boolean unsigned() {
		return jdbc.sql("""
				select coalesce((select max(seq) from audit_event), 0) > coalesce((select max(seq) from audit_checkpoint), 0)""")
			.query(Boolean.class)
			.single();
	}

	private long append(AuditEvent event, String client) {
		lock();
		Head previous = head().orElse(new Head(0, AuditChain.GENESIS));
		AuditRecord record = new AuditRecord(previous.seq() + 1, AuditChain.truncate(clock.instant()),
				event.actor().username(), event.actor().agency(), event.actor().roles(), event.action().name(),
				text(event.caseId()), text(event.personId()), event.sections(), event.purpose(), client,
				event.outcome().name(), event.flagged(), null);
		String hash = AuditChain.hash(record, previous.hash());
		jdbc.sql("""
				insert into audit_event (seq, occurred_at, username, agency, roles, action, case_id, person_id, sections,
				                         purpose, client_address, outcome, flagged, hash)
				values (:seq, :at, :user, :agency, :roles, :action, :case, :person, :sections, :purpose, :client,
				        :outcome, :flagged, :hash)""")
			.param("seq", record.seq())
			.param("at", Timestamp.from(record.occurredAt()))
			.param("user", record.username())
			.param("agency", record.agency())
			.param("roles", record.roles())
			.param("action", record.action())
			.param("case", record.caseId())
			.param("person", record.personId())
			.param("sections", record.sections())
			.param("purpose", record.purpose())
			.param("client", client)
			.param("outcome", record.outcome())
			.param("flagged", record.flagged())
			.param("hash", hash)
			.update();
		if (record.seq() % properties.checkpointEvery() == 0) {
			sign(record.seq(), hash);
		}
		return record.seq();
	}

	private AuditCheckpoint sign(long seq, String hash) {
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

	/** Held until the transaction ends; a second call in the same transaction returns at once. */
	private void lock() {
		if (TransactionSynchronizationManager.hasResource(HOLDS_LOCK)) {
			return;
		}
		jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().singleRow();
		TransactionSynchronizationManager.bindResource(HOLDS_LOCK, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(HOLDS_LOCK);
			}
		});
	}

	private record Head(long seq, String hash) {
	}

	private Optional<Head> head() {
		return jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
			.query((row, n) -> new Head(row.getLong(1), row.getString(2)))
			.optional();
	}

	/** The caller's address as Tomcat resolved it (forwarded headers only from internal proxies). */
	private static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? Optional.ofNullable(attributes.getRequest()).map(HttpServletRequest::getRemoteAddr).orElse(null)
				: null;
	}

	private static String text(UUID id) {
		return id == null ? null : id.toString();
	}
}
