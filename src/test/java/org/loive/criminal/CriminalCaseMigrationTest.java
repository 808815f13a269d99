package org.loive.criminal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.support.MigrationDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proceedings recorded as milestones of a referral case before V8 become criminal cases linked to it, with their
 * milestones, days, officers and moments kept; the referral case's other milestones stay where they were.
 */
class CriminalCaseMigrationTest {

	@TempDir
	static Path directory;
	static MigrationDatabase database;

	@AfterAll
	static void stop() {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void oldProceedingsBecomeCriminalCasesLinkedToTheirReferralCase() {
		database = MigrationDatabase.start(directory);
		JdbcClient jdbc = database.jdbc();
		database.migrateTo("6");
		UUID prosecuted = referralCase(jdbc, "QNG-2026-000001", "QNG");
		UUID opened = referralCase(jdbc, "QNG-2026-000002", "QNG-12345");
		UUID none = referralCase(jdbc, "QNG-2026-000003", "QNG");
		milestone(jdbc, prosecuted, "PROCEEDINGS_OPENED", "police.qng", "2026-11-20T18:30:00Z");
		milestone(jdbc, prosecuted, "CONSENT_WITHDRAWN", "police.qng", "2026-11-22T02:00:00Z");
		milestone(jdbc, prosecuted, "PROCEEDINGS_PROSECUTED", "police.qng", "2026-11-25T03:00:00Z");
		milestone(jdbc, opened, "PROCEEDINGS_OPENED", "border.qng", "2026-11-26T03:00:00Z");
		milestone(jdbc, none, "TRANSFERRED", "supervisor.qng", "2026-11-26T04:00:00Z");

		database.migrate();

		Map<String, Object> first = criminalCaseOf(jdbc, prosecuted);
		assertThat(first).containsEntry("reference", "QNG-2026-000001").containsEntry("province", "QNG")
			.containsEntry("status", "PROSECUTED").containsEntry("created_by", "police.qng");
		assertThat(first.get("charge")).as("never recorded then").isNull();
		assertThat(jdbc.sql("""
				select milestone, occurred_on, recorded_by from loive.criminal_case_milestone
				where criminal_case_id = :id order by occurred_on""")
			.param("id", first.get("id"))
			.query((row, n) -> List.of(row.getString(1), row.getDate(2).toLocalDate(), row.getString(3)))
			.list()).as("the day in Vietnam each was recorded").containsExactly(
					List.of("INITIATED", LocalDate.of(2026, 11, 21), "police.qng"),
					List.of("PROSECUTED", LocalDate.of(2026, 11, 25), "police.qng"));
		assertThat(criminalCaseOf(jdbc, opened)).containsEntry("province", "QNG").containsEntry("status", "INITIATED")
			.containsEntry("created_by", "border.qng");
		assertThat(jdbc.sql("select count(*) from loive.criminal_case_referral where case_id = :case")
			.param("case", none).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select kind from loive.case_milestone order by id").query(String.class).list())
			.as("the old kinds are gone, the others stay").containsExactly("CONSENT_WITHDRAWN", "TRANSFERRED");
	}

	/** The one criminal case linked to the referral case, as a row. */
	private static Map<String, Object> criminalCaseOf(JdbcClient jdbc, UUID caseId) {
		return jdbc.sql("""
				select c.* from loive.criminal_case c
				join loive.criminal_case_referral r on r.criminal_case_id = c.id
				where r.case_id = :case""").param("case", caseId).query().singleRow();
	}

	private static UUID referralCase(JdbcClient jdbc, String reference, String area) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into loive.referral_case (id, reference, channel, area, intake_area, received_at,
				                                 immediate_danger, process_instance_id, registered_by)
				values (:id, :reference, 'HOTLINE_111', :area, :area, now(), false, :process, 'police.qng')""")
			.param("id", id)
			.param("reference", reference)
			.param("area", area)
			.param("process", id.toString())
			.update();
		return id;
	}

	private static void milestone(JdbcClient jdbc, UUID caseId, String kind, String by, String at) {
		jdbc.sql("""
				insert into loive.case_milestone (case_id, kind, recorded_by, recorded_at)
				values (:case, :kind, :by, cast(:at as timestamptz))""")
			.param("case", caseId)
			.param("kind", kind)
			.param("by", by)
			.param("at", at)
			.update();
	}
}
