package org.loive.workflow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Milestones of a case that the reports count: consent withdrawal, transfer. Criminal proceedings are criminal
 * cases of their own (module criminal), linked to the case.
 */
@Repository
public class CaseMilestones {

	/** What happened. */
	public enum Kind { CONSENT_WITHDRAWN, TRANSFERRED }

	/** A recorded milestone; {@code code} is a reason or an area code, never free text. */
	public record Milestone(Kind kind, String code, String recordedBy, Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	CaseMilestones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID caseId, Kind kind, String code, String recordedBy, Instant at) {
		jdbc.sql("""
				insert into case_milestone (case_id, kind, code, recorded_by, recorded_at)
				values (:case, :kind, :code, :by, :at)""")
			.param("case", caseId)
			.param("kind", kind.name())
			.param("code", code)
			.param("by", recordedBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	public List<Milestone> of(UUID caseId) {
		return jdbc.sql("select kind, code, recorded_by, recorded_at from case_milestone where case_id = :case order by id")
			.param("case", caseId)
			.query((row, n) -> new Milestone(Kind.valueOf(row.getString("kind")), row.getString("code"),
					row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant()))
			.list();
	}
}
