package org.loive.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * The append-only table of facts (report_fact): written with each action, never changed, emptied only to rebuild,
 * a fact deleted only when its action is taken back and leaves no trace (a criminal case's link to a referral);
 * and report_service, which a trigger of report_fact keeps (V30), emptied with it.
 */
@Repository
class FactTable {

	private final JdbcClient jdbc;

	FactTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the fact unless one from the same action is there already; true if it was added. */
	boolean append(Fact fact) {
		return jdbc.sql("""
				insert into report_fact (kind, case_id, person_id, criminal_case_id, province, area, agency, code, detail,
				                         occurred_at, occurred_on, due_at, source_key)
				values (:kind, :case, :person, :criminal, :province, :area, :agency, :code, :detail,
				        :at, :on, :due, :key)
				on conflict (kind, source_key) do nothing""")
			.param("kind", fact.kind().name())
			.param("case", fact.caseId())
			.param("person", fact.personId())
			.param("criminal", fact.criminalCaseId())
			.param("province", fact.province())
			.param("area", fact.area())
			.param("agency", fact.agency())
			.param("code", fact.code())
			.param("detail", fact.detail())
			.param("at", Timestamp.from(fact.occurredAt()))
			.param("on", fact.occurredOn())
			.param("due", fact.dueAt() == null ? null : Timestamp.from(fact.dueAt()))
			.param("key", fact.sourceKey())
			.update() == 1;
	}

	/** Deletes the fact of an action taken back, which a rebuild would not find either. */
	void retract(FactKind kind, String sourceKey) {
		jdbc.sql("delete from report_fact where kind = :kind and source_key = :key")
			.param("kind", kind.name())
			.param("key", sourceKey)
			.update();
	}

	/** The facts of a case in the order they happened (the case page's and the tests' view). */
	List<Fact> ofCase(UUID caseId) {
		return jdbc.sql("""
				select kind, case_id, person_id, criminal_case_id, province, area, agency, code, detail, occurred_at,
				       occurred_on, due_at, source_key
				from report_fact where case_id = :case order by occurred_at, id""")
			.param("case", caseId)
			.query((row, n) -> new Fact(FactKind.valueOf(row.getString("kind")), row.getObject("case_id", UUID.class),
					row.getObject("person_id", UUID.class), row.getObject("criminal_case_id", UUID.class),
					row.getString("province"), row.getString("area"), row.getString("agency"), row.getString("code"),
					row.getString("detail"), row.getTimestamp("occurred_at").toInstant(),
					row.getObject("occurred_on", java.time.LocalDate.class),
					row.getTimestamp("due_at") == null ? null : row.getTimestamp("due_at").toInstant(),
					row.getString("source_key")))
			.list();
	}

	/**
	 * Empties the table before a rebuild, in the rebuild's transaction; the lock holds back the live actions'
	 * facts until the rebuild commits (they then find theirs written, or add it).
	 */
	void clear() {
		jdbc.sql("lock table report_fact in exclusive mode").update();
		jdbc.sql("delete from report_fact").update();
		jdbc.sql("delete from report_service").update();
	}

	/** Whether there is no fact at all (checked on every start: no count of a large table). */
	boolean empty() {
		return !jdbc.sql("select exists (select 1 from report_fact)").query(Boolean.class).single();
	}

	long count() {
		return jdbc.sql("select count(*) from report_fact").query(Long.class).single();
	}
}
