package org.loive.platform;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The table {@code idempotency_key}: who used which key for which request (its fingerprint), and the response
 * they got. An API request's key is taken and answered in the request's own transaction, so the row commits with
 * what the request did or not at all: a request that fails, whose node dies or whose database goes away before it
 * commits leaves its key free for the retry at once, and one that committed always left its answer; until then the
 * uncommitted row holds off its twins on every node (an insert of the same key waits for it). A page form's key is
 * taken and answered by statements that commit on their own (see {@link IdempotentRequests}).
 */
@Component
class IdempotencyKeys {

	/** How long a key is kept: a client retrying later than this acts again. */
	static final Duration KEPT = Duration.ofHours(24);
	/** A key committed without its answer (a page form's, whose node died) is taken again after this. */
	static final Duration ABANDONED = Duration.ofMinutes(2);
	/** How long a twin waits for the first request to end before it is told to come back (409). */
	static final String TWIN_WAIT = "1s";

	/** The key is held by a request still running. */
	static final class InProgress extends RuntimeException {

		InProgress(Throwable cause) {
			super("idempotency key in use", cause, false, false);
		}
	}

	/** A key's first request: its fingerprint and, once answered, its response. */
	record Entry(String fingerprint, Integer status, String contentType, String location, String hxRedirect,
			byte[] body) {

		boolean answered() {
			return status != null;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Takes the key for a first request, in the current transaction if one runs; false when a twin took it and
	 * committed. A twin still running in its transaction is waited for a moment, then {@link InProgress}: the
	 * current transaction is then aborted, as any failed statement aborts it.
	 */
	boolean take(String owner, String key, String fingerprint) {
		Instant now = clock.instant();
		jdbc.sql("""
				delete from idempotency_key where owner = :owner and key = :key
				and (started_at < :expired or (status is null and started_at < :abandoned))""")
			.param("owner", owner)
			.param("key", key)
			.param("expired", java.sql.Timestamp.from(now.minus(KEPT)))
			.param("abandoned", java.sql.Timestamp.from(now.minus(ABANDONED)))
			.update();
		boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
		if (inTransaction) {
			jdbc.sql("select set_config('lock_timeout', :wait, true)").param("wait", TWIN_WAIT).query().singleRow();
		}
		int taken;
		try {
			taken = jdbc.sql("""
					insert into idempotency_key (owner, key, fingerprint, started_at) values (:owner, :key, :fingerprint, :now)
					on conflict do nothing""")
				.param("owner", owner)
				.param("key", key)
				.param("fingerprint", fingerprint)
				.param("now", java.sql.Timestamp.from(now))
				.update();
		}
		catch (DataAccessException e) {
			// lock_not_available: Spring leaves PostgreSQL's lock timeout uncategorised
			if (e instanceof PessimisticLockingFailureException
					|| e.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
				throw new InProgress(e);
			}
			throw e;
		}
		if (inTransaction) {
			// the rest of the request waits for locks as long as it would have
			jdbc.sql("set local lock_timeout to default").update();
		}
		return taken == 1;
	}

	Optional<Entry> find(String owner, String key) {
		return jdbc.sql("""
				select fingerprint, status, content_type, location, hx_redirect, body from idempotency_key
				where owner = :owner and key = :key""")
			.param("owner", owner)
			.param("key", key)
			.query((row, n) -> new Entry(row.getString("fingerprint"), (Integer) row.getObject("status"),
					row.getString("content_type"), row.getString("location"), row.getString("hx_redirect"),
					row.getBytes("body")))
			.optional();
	}

	/** The first request's response, replayed to every retry once the request's transaction commits. */
	void answer(String owner, String key, int status, String contentType, String location, String hxRedirect,
			byte[] body) {
		jdbc.sql("""
				update idempotency_key set status = :status, content_type = :contentType, location = :location,
				    hx_redirect = :hxRedirect, body = :body
				where owner = :owner and key = :key""")
			.param("owner", owner)
			.param("key", key)
			.param("status", status)
			.param("contentType", contentType)
			.param("location", location)
			.param("hxRedirect", hxRedirect)
			.param("body", body)
			.update();
	}

	/** The first request changed nothing (it was refused or failed): the key is free for a corrected one. */
	void release(String owner, String key) {
		jdbc.sql("delete from idempotency_key where owner = :owner and key = :key and status is null")
			.param("owner", owner)
			.param("key", key)
			.update();
	}

	@Scheduled(fixedDelayString = "${loive.idempotency.purge-interval:1h}")
	void purgeExpired() {
		jdbc.sql("delete from idempotency_key where started_at < :expired")
			.param("expired", java.sql.Timestamp.from(clock.instant().minus(KEPT)))
			.update();
	}
}
