package org.loive.criminal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The owner of the tables {@code criminal_case}, {@code criminal_case_milestone} and {@code criminal_case_referral}. */
@Repository
class CriminalCaseRecords {

	/** A criminal case's own row. */
	record Row(UUID id, String reference, String province, Charge charge, CriminalCaseStatus status,
			String createdBy, Instant createdAt) {
	}

	/** A link to a referral case, by the referral case's id. */
	record Link(UUID caseId, String linkedBy, Instant linkedAt) {
	}

	private static final String SUMMARY = """
			select c.id, c.reference, c.charge, c.status, c.created_at,
			       (select count(*) from criminal_case_referral r where r.criminal_case_id = c.id) as referrals
			from criminal_case c""";

	private final JdbcClient jdbc;

	CriminalCaseRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False when the province has a case of this number already. */
	boolean insert(Row row) {
		return jdbc.sql("""
				insert into criminal_case (id, reference, province, charge, status, created_by, created_at)
				values (:id, :reference, :province, :charge, :status, :by, :at)
				on conflict (province, reference) do nothing""")
			.param("id", row.id())
			.param("reference", row.reference())
			.param("province", row.province())
			.param("charge", row.charge().name())
			.param("status", row.status().name())
			.param("by", row.createdBy())
			.param("at", Timestamp.from(row.createdAt()))
			.update() == 1;
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("select * from criminal_case where id = :id")
			.param("id", id)
			.query((row, n) -> new Row(row.getObject("id", UUID.class), row.getString("reference"),
					row.getString("province"), charge(row), CriminalCaseStatus.valueOf(row.getString("status")),
					row.getString("created_by"), row.getTimestamp("created_at").toInstant()))
			.optional();
	}

	List<CriminalCaseView.RecordedMilestone> milestones(UUID id) {
		return jdbc.sql("""
				select milestone, occurred_on, outcome, recorded_by, recorded_at from criminal_case_milestone
				where criminal_case_id = :id order by occurred_on, recorded_at""")
			.param("id", id)
			.query((row, n) -> new CriminalCaseView.RecordedMilestone(Milestone.valueOf(row.getString("milestone")),
					row.getDate("occurred_on").toLocalDate(),
					row.getString("outcome") == null ? null : TrialOutcome.valueOf(row.getString("outcome")),
					row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/**
	 * Records the milestone and moves the case on, provided it is still where the caller saw it: false when
	 * another request moved it first.
	 */
	boolean advance(UUID id, CriminalCaseStatus from, Milestone milestone, LocalDate date, TrialOutcome outcome,
			String by, Instant at) {
		int moved = jdbc.sql("update criminal_case set status = :to where id = :id and status = :from")
			.param("to", CriminalCaseStatus.reached(milestone).name())
			.param("id", id)
			.param("from", from.name())
			.update();
		if (moved == 0) {
			return false;
		}
		jdbc.sql("""
				insert into criminal_case_milestone (criminal_case_id, milestone, occurred_on, outcome, recorded_by,
				                                     recorded_at)
				values (:id, :milestone, :date, :outcome, :by, :at)""")
			.param("id", id)
			.param("milestone", milestone.name())
			.param("date", Date.valueOf(date))
			.param("outcome", outcome == null ? null : outcome.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
		return true;
	}

	List<Link> links(UUID id) {
		return jdbc.sql("select case_id, linked_by, linked_at from criminal_case_referral where criminal_case_id = :id order by linked_at")
			.param("id", id)
			.query((row, n) -> new Link(row.getObject("case_id", UUID.class), row.getString("linked_by"),
					row.getTimestamp("linked_at").toInstant()))
			.list();
	}

	/** Every milestone of every criminal case as it was published, in the order recorded (the reports' rebuild). */
	List<CriminalCaseEvents.MilestoneRecorded> allMilestones() {
		return jdbc.sql("""
				select m.criminal_case_id, c.province, m.milestone, m.occurred_on, m.outcome, m.recorded_at
				from criminal_case_milestone m join criminal_case c on c.id = m.criminal_case_id
				order by m.recorded_at, m.criminal_case_id, m.milestone""")
			.query((row, n) -> new CriminalCaseEvents.MilestoneRecorded(row.getObject("criminal_case_id", UUID.class),
					row.getString("province"), row.getString("milestone"), row.getDate("occurred_on").toLocalDate(),
					row.getString("outcome"), row.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/** Every link still there, as it was published, in the order linked (the reports' rebuild). */
	List<CriminalCaseEvents.ReferralLinked> allLinks() {
		return jdbc.sql("""
				select r.criminal_case_id, c.province, r.case_id, r.linked_at
				from criminal_case_referral r join criminal_case c on c.id = r.criminal_case_id
				order by r.linked_at, r.criminal_case_id, r.case_id""")
			.query((row, n) -> new CriminalCaseEvents.ReferralLinked(row.getObject("criminal_case_id", UUID.class),
					row.getString("province"), row.getObject("case_id", UUID.class),
					row.getTimestamp("linked_at").toInstant()))
			.list();
	}

	/** False when the referral case is linked already. */
	boolean link(UUID id, UUID caseId, String by, Instant at) {
		return jdbc.sql("""
				insert into criminal_case_referral (criminal_case_id, case_id, linked_by, linked_at)
				values (:id, :case, :by, :at) on conflict do nothing""")
			.param("id", id)
			.param("case", caseId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** False when the referral case was not linked. */
	boolean unlink(UUID id, UUID caseId) {
		return jdbc.sql("delete from criminal_case_referral where criminal_case_id = :id and case_id = :case")
			.param("id", id)
			.param("case", caseId)
			.update() == 1;
	}

	/** A page of the province's criminal cases, newest first. */
	List<CriminalCaseSummary> ofProvince(String province, int page, int size) {
		return jdbc.sql(SUMMARY + " where c.province = :province order by c.created_at desc, c.id limit :size offset :offset")
			.param("province", province)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, n) -> summary(row))
			.list();
	}

	long countOfProvince(String province) {
		return jdbc.sql("select count(*) from criminal_case where province = :province")
			.param("province", province)
			.query(Long.class)
			.single();
	}

	/** The criminal cases of the province a referral case is linked to. */
	List<CriminalCaseSummary> linkedTo(UUID caseId, String province) {
		return jdbc.sql(SUMMARY + """
				 where c.province = :province
				   and exists (select 1 from criminal_case_referral r where r.criminal_case_id = c.id and r.case_id = :case)
				order by c.created_at, c.id""")
			.param("province", province)
			.param("case", caseId)
			.query((row, n) -> summary(row))
			.list();
	}

	private static CriminalCaseSummary summary(ResultSet row) throws SQLException {
		return new CriminalCaseSummary(row.getObject("id", UUID.class), row.getString("reference"), charge(row),
				CriminalCaseStatus.valueOf(row.getString("status")), row.getInt("referrals"),
				row.getTimestamp("created_at").toInstant());
	}

	/** Null only for the cases moved from the milestones of a referral case, whose charge was never recorded. */
	private static Charge charge(ResultSet row) throws SQLException {
		String charge = row.getString("charge");
		return charge == null ? null : Charge.valueOf(charge);
	}
}
