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
 * The append-only, hash-chained audit trail. An event is inserted as pending in the transaction of the action it
 * records, so both commit or neither does, without a lock; after the commit the action's thread waits until the
 * node's {@link AuditSequencer} has chained it (in a batch with the other nodes' and threads' events, under one
 * cluster-wide lock per batch), so sequence numbers have no gaps and the chain no forks. An action that needs its
 * event's seq in its own transaction (a sealed record) appends under the lock instead ({@link #recordChained}).
 * Denials and failed logins are recorded in a transaction of their own, since the refused action rolls back.
 */
@Service
public class AuditLog {

	private static final Object HOLDS_LOCK = new Object();
	private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
	static final RowMapper<AuditCheckpoint> CHECKPOINTS = (row, n) -> new AuditCheckpoint(row.getLong("seq"),
			row.getString("hash"), row.getTimestamp("signed_at").toInstant(), row.getString("signature"));

	private final JdbcClient jdbc;
	private final ChainWriter chain;
	private final AuditSequencer sequencer;
	private final TransactionTemplate alone;
	/** The head last found not to verify, told once rather than at every look. */
	private volatile long unverifiedHead;

	AuditLog(JdbcClient jdbc, CheckpointSigner signer, AuditProperties properties, PlatformTransactionManager transactions,
			AuditSequencer sequencer, Clock clock) {
		this.jdbc = jdbc;
		this.chain = new ChainWriter(jdbc, signer, properties.checkpointEvery(), clock);
		this.sequencer = sequencer;
		this.alone = new TransactionTemplate(transactions);
		this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records the event with the current transaction (one is started if none runs); once that commits, returns
	 * when the event is in the chain.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		pend(event, clientAddress());
	}

	/**
	 * Appends the event to the chain at once, under the chain's lock until the current transaction ends: for an
	 * action that keeps the event's seq with what it writes. Its seq.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public long recordChained(AuditEvent event) {
		lock();
		return chain.append(event, clientAddress());
	}

	/** Whether the event {@code seq} seals a record of this hash ({@link SealedRecords}). */
	public boolean seals(long seq, String sha256) {
		return jdbc.sql("select purpose from audit_event where seq = :seq").param("seq", seq)
			.query(String.class).optional().filter(purpose -> SealedRecords.seals(purpose, sha256)).isPresent();
	}

	/** Records an event that must stay even though the current action fails (a denial): in a transaction of its own. */
	public void recordAlone(AuditEvent event) {
		String client = clientAddress();
		alone.executeWithoutResult(tx -> pend(event, client));
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
		return Optional.of(chain.sign(newest.seq(), newest.hash()));
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

	/**
	 * Inserts the event as pending in the current transaction and, once that commits, waits until it is chained;
	 * not while this thread holds the chain's lock (the sequencer would wait for it): it is chained when that ends.
	 */
	private void pend(AuditEvent event, String client) {
		long id = chain.pend(event, client);
		if (TransactionSynchronizationManager.hasResource(HOLDS_LOCK)) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				sequencer.awaitChained(id);
			}
		});
	}

	/** Held until the transaction ends; a second call in the same transaction returns at once. */
	private void lock() {
		if (TransactionSynchronizationManager.hasResource(HOLDS_LOCK)) {
			return;
		}
		chain.lockChain();
		TransactionSynchronizationManager.bindResource(HOLDS_LOCK, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(HOLDS_LOCK);
				sequencer.nudge();
			}
		});
	}

	/** The caller's address as Tomcat resolved it (forwarded headers only from internal proxies). */
	private static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? Optional.ofNullable(attributes.getRequest()).map(HttpServletRequest::getRemoteAddr).orElse(null)
				: null;
	}
}
