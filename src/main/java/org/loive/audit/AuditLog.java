package org.loive.audit;

import jakarta.servlet.http.HttpServletRequest;
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

	private final JdbcClient jdbc;
	private final CheckpointSigner signer;
	private final AuditProperties properties;
	private final TransactionTemplate alone;
	private final Clock clock;

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

	/** Signs a checkpoint at the head of the chain if events came since the last one; true if one was made. */
	@Transactional
	public boolean checkpoint() {
		lock();
		Optional<Head> head = head();
		long lastSigned = jdbc.sql("select coalesce(max(seq), 0) from audit_checkpoint").query(Long.class).single();
		if (head.isEmpty() || head.get().seq() <= lastSigned) {
			return false;
		}
		sign(head.get().seq(), head.get().hash());
		return true;
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

	private void sign(long seq, String hash) {
		var signedAt = AuditChain.truncate(clock.instant());
		byte[] signature = signer.sign(AuditChain.checkpointStatement(seq, hash, signedAt));
		jdbc.sql("insert into audit_checkpoint (seq, hash, signed_at, signature) values (:seq, :hash, :at, :signature)")
			.param("seq", seq)
			.param("hash", hash)
			.param("at", Timestamp.from(signedAt))
			.param("signature", Base64.getEncoder().encodeToString(signature))
			.update();
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
