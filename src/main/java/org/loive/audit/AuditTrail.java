package org.loive.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.loive.platform.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The auditors' side of the trail: search, verification, export, and who saw a person's data. */
@Service
class AuditTrail {

	/** Filters of the event search; null means any. */
	record Filter(String user, UUID caseId, UUID personId, AuditAction action, AuditEvent.Outcome outcome,
			Boolean flagged, Instant from, Instant to) {
	}

	record Page(List<AuditRecord> items, int page, int size, long total) {
	}

	/** One access to a person's data, as disclosed to that person: the officer only when asked for. */
	record Access(Instant at, String action, String agency, String roles, String sections, String purpose,
			String officer) {
	}

	static final RowMapper<AuditRecord> EVENTS = (row, n) -> new AuditRecord(row.getLong("seq"),
			row.getTimestamp("occurred_at").toInstant(), row.getString("username"), row.getString("agency"),
			row.getString("roles"), row.getString("action"), row.getString("case_id"), row.getString("person_id"),
			row.getString("sections"), row.getString("purpose"), row.getString("client_address"),
			row.getString("outcome"), row.getBoolean("flagged"), row.getString("hash"));

	private static final List<String> DISCLOSED = List.of(AuditAction.PERSON_READ.name(),
			AuditAction.BREAK_GLASS_READ.name(), AuditAction.PERSON_WRITE.name(), AuditAction.PERSON_CREATE.name(),
			AuditAction.PERSON_ERASE.name());

	private final NamedParameterJdbcTemplate jdbc;
	private final JdbcTemplate streaming;
	private final CheckpointSigner signer;
	private final ObjectMapper json;
	private final AuditLog log;
	private final List<SealedRecords> sealed;
	private final CheckpointWitness witness;

	AuditTrail(DataSource dataSource, CheckpointSigner signer, ObjectMapper json, AuditLog log, List<SealedRecords> sealed,
			CheckpointWitness witness) {
		this.log = log;
		this.witness = witness;
		this.sealed = List.copyOf(sealed);
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(5_000);
		this.signer = signer;
		this.json = json;
	}

	@Transactional(readOnly = true)
	Page events(Filter filter, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, params);
		long total = jdbc.queryForObject("select count(*) from audit_event" + where, params, Long.class);
		params.addValue("limit", size).addValue("offset", (long) page * size);
		List<AuditRecord> items = jdbc.query("select * from audit_event" + where + " order by seq desc limit :limit offset :offset",
				params, EVENTS);
		return new Page(items, page, size, total);
	}

	/**
	 * Every event and checkpoint, recomputed in a streaming read (memory stays flat however long the chain),
	 * compared with the checkpoints the witness holds, then every sealed record of the other modules against
	 * the event that sealed it. The witness is read first, as far as it was written then: each of its
	 * checkpoints had committed before it was written, so the database's reads that follow must hold it.
	 */
	@Transactional(readOnly = true)
	ChainVerifier.Result verify() {
		ChainVerifier.Result chain;
		try (Stream<AuditCheckpoint> witnessed = witness.checkpoints();
				Stream<AuditCheckpoint> signed = streaming.queryForStream("select * from audit_checkpoint order by seq",
						AuditLog.CHECKPOINTS);
				Stream<AuditRecord> events = streaming.queryForStream("select * from audit_event order by seq", EVENTS)) {
			chain = new ChainVerifier(signer.verifier()).verify(events.iterator(), signed.iterator(), witnessed.iterator(),
					1, AuditChain.GENESIS);
		}
		return chain.intact() ? verifySeals(chain) : chain;
	}

	private ChainVerifier.Result verifySeals(ChainVerifier.Result chain) {
		int checked = 0;
		for (SealedRecords records : sealed) {
			try (Stream<SealedRecords.Seal> seals = records.seals()) {
				for (SealedRecords.Seal seal : (Iterable<SealedRecords.Seal>) seals::iterator) {
					if (!log.seals(seal.auditSeq(), seal.sha256())) {
						return chain.sealed(checked, seal.auditSeq());
					}
					checked++;
				}
			}
		}
		return chain.sealed(checked, null);
	}

	/**
	 * A range as JSON Lines: a header (format, range, the hash before the range, the public keyset), the
	 * checkpoints within the range, then the events, so that a verifier can stream them. {@link AuditVerifyCommand} verifies it offline.
	 */
	@Transactional(readOnly = true)
	void export(long fromSeq, long toSeq, OutputStream out) {
		String before = fromSeq <= 1 ? AuditChain.GENESIS
				: jdbc.query("select hash from audit_event where seq = :seq", Map.of("seq", fromSeq - 1),
						(row, n) -> row.getString(1)).stream().findFirst().orElse(AuditChain.GENESIS);
		ObjectNode header = json.createObjectNode()
			.put("type", "header")
			.put("format", AuditExport.FORMAT)
			.put("fromSeq", fromSeq)
			.put("toSeq", toSeq)
			.put("previousHash", before)
			.put("publicKeyset", signer.publicKeyset());
		line(out, header);
		checkpoints(fromSeq, toSeq).values().forEach(checkpoint -> line(out, AuditExport.checkpoint(json, checkpoint)));
		try (Stream<AuditRecord> events = streaming.queryForStream(
				"select * from audit_event where seq between ? and ? order by seq", EVENTS, fromSeq, toSeq)) {
			events.forEach(event -> line(out, AuditExport.event(json, event)));
		}
	}

	/** The accesses to one person's data; officers' names only when the auditor asks for them. */
	@Transactional(readOnly = true)
	List<Access> accesses(UUID personId, boolean withOfficers) {
		return jdbc.query("""
				select occurred_at, action, agency, roles, sections, purpose, username from audit_event
				where person_id = :person and outcome = 'SUCCESS' and action in (:actions) order by seq""",
				new MapSqlParameterSource("person", personId.toString()).addValue("actions", DISCLOSED),
				(row, n) -> new Access(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
						row.getString(4), row.getString(5), row.getString(6), withOfficers ? row.getString(7) : null));
	}

	/** A flagged event (a break-glass read) no review has answered yet. */
	@Transactional(readOnly = true)
	List<AuditRecord> pendingReviews(int limit) {
		return jdbc.query("""
				select * from audit_event e where e.flagged and e.outcome = 'SUCCESS' and not exists (
				    select 1 from audit_event r where r.action = 'AUDIT_REVIEW' and r.purpose like 'seq:' || e.seq || ':%')
				order by e.seq limit :limit""", Map.of("limit", limit), EVENTS);
	}

	/** The flagged event a review answers; 404 if there is none, 409 if it is not flagged or already reviewed. */
	@Transactional(readOnly = true)
	AuditRecord reviewable(long seq) {
		AuditRecord event = jdbc.query("select * from audit_event where seq = :seq", Map.of("seq", seq), EVENTS)
			.stream()
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("audit.event-not-found", seq));
		if (!event.flagged() || !"SUCCESS".equals(event.outcome())) {
			throw ApiException.conflict("audit.not-flagged", seq);
		}
		if (jdbc.queryForObject("select count(*) from audit_event where action = 'AUDIT_REVIEW' and purpose like :prefix",
				Map.of("prefix", "seq:" + seq + ":%"), Long.class) > 0) {
			throw ApiException.conflict("audit.already-reviewed", seq);
		}
		return event;
	}

	String publicKeyset() {
		return signer.publicKeyset();
	}

	private Map<Long, AuditCheckpoint> checkpoints(long fromSeq, long toSeq) {
		Map<Long, AuditCheckpoint> checkpoints = new LinkedHashMap<>();
		jdbc.query("select * from audit_checkpoint where seq between :from and :to order by seq",
				Map.of("from", fromSeq, "to", toSeq), AuditLog.CHECKPOINTS)
			.forEach(checkpoint -> checkpoints.put(checkpoint.seq(), checkpoint));
		return checkpoints;
	}

	private static String where(Filter filter, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		condition(conditions, params, "username = :user", "user", filter.user());
		condition(conditions, params, "case_id = :case", "case", filter.caseId() == null ? null : filter.caseId().toString());
		condition(conditions, params, "person_id = :person", "person",
				filter.personId() == null ? null : filter.personId().toString());
		condition(conditions, params, "action = :action", "action", filter.action() == null ? null : filter.action().name());
		condition(conditions, params, "outcome = :outcome", "outcome",
				filter.outcome() == null ? null : filter.outcome().name());
		condition(conditions, params, "flagged = :flagged", "flagged", filter.flagged());
		condition(conditions, params, "occurred_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()));
		condition(conditions, params, "occurred_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static void condition(List<String> conditions, MapSqlParameterSource params, String sql, String name,
			Object value) {
		if (value != null) {
			conditions.add(sql);
			params.addValue(name, value);
		}
	}

	private void line(OutputStream out, ObjectNode node) {
		try {
			out.write(json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
			out.write('\n');
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
