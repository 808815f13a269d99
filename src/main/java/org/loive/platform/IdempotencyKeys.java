package org.loive.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The table {@code idempotency_key}: who used which key for which request (its fingerprint), and the response
 * they got once the request was done. Every statement commits on its own, outside any request's transaction,
 * so that another node sees a key as soon as it is taken.
 */
@Component
class IdempotencyKeys {

	/** How long a key is kept: a client retrying later than this acts again. */
	static final Duration KEPT = Duration.ofHours(24);
	/** A first request still unanswered after this has died with its node: its key may be taken again. */
	static final Duration ABANDONED = Duration.ofMinutes(2);

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

	/** Takes the key for a first request; false when it is taken (by this request's twin, earlier or now). */
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
		return jdbc.sql("""
				insert into idempotency_key (owner, key, fingerprint, started_at) values (:owner, :key, :fingerprint, :now)
				on conflict do nothing""")
			.param("owner", owner)
			.param("key", key)
			.param("fingerprint", fingerprint)
			.param("now", java.sql.Timestamp.from(now))
			.update() == 1;
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

	/** The first request's response, replayed to every retry from now on. */
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
