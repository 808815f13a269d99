package org.loive.vault;

import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Key rotation: a new key-encryption key becomes primary at once (new persons get it), every data key is
 * re-wrapped in the background in small transactions, and only when none is left under an old key are
 * the old keys disabled. A rotation cut short by a restart resumes on the next start.
 */
@Service
class KeyRotations {

	private static final Logger log = LoggerFactory.getLogger(KeyRotations.class);
	static final int BATCH = 200;

	/** A rotation and its progress: data keys re-wrapped so far, and those left under an old key. */
	record Rotation(long id, long newKeyId, String startedBy, Instant startedAt, int total, int rewrapped,
			int remaining, boolean finished, Instant finishedAt) {
	}

	private record Row(UUID id, byte[] dataKey) {
	}

	private final VaultKeyFile keys;
	private final DataKeys dataKeys;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("vault-key-rotation-");
	private final AuditLog audit;
	private final Clock clock;

	KeyRotations(VaultKeyFile keys, DataKeys dataKeys, JdbcClient jdbc, TransactionTemplate transactions,
			AuditLog audit, Clock clock) {
		this.audit = audit;
		this.keys = keys;
		this.dataKeys = dataKeys;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Starts a rotation; 409 while one runs or when the keys cannot be rewritten. */
	synchronized Rotation start(AuditEvent.Actor actor) {
		String by = actor.username();
		if (running().isPresent()) {
			throw ApiException.conflict("vault.rotation-running");
		}
		if (!keys.writable()) {
			throw ApiException.conflict("vault.keys-read-only");
		}
		long newKeyId = keys.rotate();
		long id = transactions.execute(status -> {
			audit.record(AuditEvent.of(AuditAction.KEY_ROTATION_START, actor).purpose("new-key:" + newKeyId));
			return jdbc.sql("""
					insert into vault_key_rotation (new_key_id, started_by, started_at, total)
					values (:key, :by, :now, (select count(*) from vault_person where data_key is not null))
					returning id""")
				.param("key", newKeyId)
				.param("by", by)
				.param("now", Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		});
		log.info("Key rotation {} started by {}: new key-encryption key {}", id, by, newKeyId);
		executor.execute(() -> rewrapAll(id, newKeyId));
		return find(id).orElseThrow();
	}

	Optional<Rotation> find(long id) {
		return jdbc.sql("""
				select r.*, (select count(*) from vault_person p
				             where p.data_key is not null and p.kek_id <> r.new_key_id) as remaining
				from vault_key_rotation r where id = :id""")
			.param("id", id)
			.query((row, n) -> map(row))
			.optional();
	}

	List<Rotation> all() {
		return jdbc.sql("select id from vault_key_rotation order by id desc limit 50")
			.query(Long.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		keys.created().forEach(what -> audit.record(AuditEvent.of(AuditAction.KEYS_CREATED, AuditEvent.Actor.SYSTEM)
			.purpose(what)));
		running().ifPresent(rotation -> {
			log.info("Key rotation {} resumes: {} data keys left", rotation.id(), rotation.remaining());
			executor.execute(() -> rewrapAll(rotation.id(), rotation.newKeyId()));
		});
	}

	private Optional<Rotation> running() {
		return jdbc.sql("select id from vault_key_rotation where finished_at is null order by id desc limit 1")
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	void rewrapAll(long rotationId, long newKeyId) {
		try {
			while (Boolean.TRUE.equals(transactions.execute(status -> rewrapBatch(newKeyId)))) {
				log.debug("Key rotation {}: batch re-wrapped", rotationId);
			}
			keys.retireAllBut(newKeyId);
			transactions.executeWithoutResult(status -> {
				audit.record(AuditEvent.of(AuditAction.KEY_ROTATION_FINISH, AuditEvent.Actor.SYSTEM)
					.purpose("rotation:" + rotationId + ":old-keys-disabled"));
				jdbc.sql("update vault_key_rotation set finished_at = :now where id = :id")
					.param("now", Timestamp.from(clock.instant()))
					.param("id", rotationId)
					.update();
			});
			log.info("Key rotation {} finished: old key-encryption keys disabled", rotationId);
		}
		catch (RuntimeException e) {
			log.error("Key rotation {} stopped ({}); it resumes on the next start", rotationId, e.getClass().getName());
		}
	}

	/** Re-wraps one batch; true while there may be more. Rows other nodes hold are skipped, not waited for. */
	private boolean rewrapBatch(long newKeyId) {
		List<Row> rows = jdbc.sql("""
				select id, data_key from vault_person where data_key is not null and kek_id <> :key
				order by id limit :batch for update skip locked""")
			.param("key", newKeyId)
			.param("batch", BATCH)
			.query((row, n) -> new Row(row.getObject("id", UUID.class), row.getBytes("data_key")))
			.list();
		for (Row row : rows) {
			DataKeys.Wrapped wrapped;
			try {
				wrapped = dataKeys.rewrap(row.id(), row.dataKey());
			}
			catch (GeneralSecurityException e) {
				throw new VaultIntegrityException(row.id(), "data-key");
			}
			jdbc.sql("update vault_person set data_key = :key, kek_id = :kek where id = :id")
				.param("key", wrapped.bytes())
				.param("kek", wrapped.kekId())
				.param("id", row.id())
				.update();
		}
		return !rows.isEmpty();
	}

	private static Rotation map(ResultSet row) throws SQLException {
		Timestamp finished = row.getTimestamp("finished_at");
		int total = row.getInt("total");
		int remaining = row.getInt("remaining");
		return new Rotation(row.getLong("id"), row.getLong("new_key_id"), row.getString("started_by"),
				row.getTimestamp("started_at").toInstant(), total, Math.max(0, total - remaining), remaining,
				finished != null, finished == null ? null : finished.toInstant());
	}
}
