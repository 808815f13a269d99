package org.loive.cases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.support.MigrationDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases made before V18 replay their registration and resolution with what the audit trail knew: the receiving
 * agency, the last resolution's agency and moment; without a trace there, the start of the day decided.
 */
class ReportRebuildMigrationTest {

	static final Instant REGISTERED = Instant.parse("2026-11-02T01:00:00Z");
	static final Instant RESOLVED = Instant.parse("2026-11-05T03:00:00Z");

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
	void casesFromBeforeReplayTheAgenciesAndMomentTheAuditTrailKept() {
		database = MigrationDatabase.start(directory);
		JdbcClient jdbc = database.jdbc();
		database.migrateTo("14");
		UUID audited = insert(jdbc, "QNG-2026-000001", REGISTERED);
		audit(jdbc, 1, REGISTERED, "border-guard,police", "CASE_REGISTER", audited);
		audit(jdbc, 2, RESOLVED.minusSeconds(3600), "border-guard", "CASE_REPORT_RESOLUTION", audited);
		audit(jdbc, 3, RESOLVED, "police", "CASE_REPORT_RESOLUTION", audited);
		UUID untraced = insert(jdbc, "QNG-2026-000002", REGISTERED.plusSeconds(60));

		database.migrate();

		Cases cases = new Cases(jdbc, null, null, null, null, null, null, null, null, null, null);
		assertThat(cases.registrations()).extracting(recorded -> recorded.event().agency()).containsExactly("border-guard", null);
		assertThat(cases.registrations().get(0).at()).isEqualTo(REGISTERED);
		Instant startOfDayDecided = Instant.parse("2026-11-05T17:00:00Z");
		assertThat(cases.resolutions()).as("the last one audited; else the start of the day decided in Vietnam")
			.containsExactly(
				new CaseEvents.Recorded<>(RESOLVED, new CaseEvents.ReportResolved(audited, "INITIATED",
						LocalDate.parse("2026-11-06"), RESOLVED, "police")),
				new CaseEvents.Recorded<>(startOfDayDecided, new CaseEvents.ReportResolved(untraced, "INITIATED",
						LocalDate.parse("2026-11-06"), startOfDayDecided, null)));
	}

	private static UUID insert(JdbcClient jdbc, String reference, Instant registered) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into loive.referral_case (id, reference, channel, place, area, intake_area, received_at,
				                                 immediate_danger, process_instance_id, registered_by, registered_at,
				                                 report_resolution, report_resolved_on, report_resolved_by)
				values (:id, :reference, 'HOTLINE_111', 'INLAND', 'QNG', 'QNG', :at, false, :process, 'police.qng', :at,
				        'INITIATED', date '2026-11-06', 'police.qng')""")
			.param("id", id)
			.param("reference", reference)
			.param("process", id.toString())
			.param("at", Timestamp.from(registered))
			.update();
		return id;
	}

	private static void audit(JdbcClient jdbc, long seq, Instant at, String agency, String action, UUID caseId) {
		jdbc.sql("""
				insert into loive.audit_event (seq, occurred_at, username, agency, action, case_id, outcome, flagged, hash)
				values (:seq, :at, 'police.qng', :agency, :action, :case, 'SUCCESS', false, repeat('0', 64))""")
			.param("seq", seq)
			.param("at", Timestamp.from(at))
			.param("agency", agency)
			.param("action", action)
			.param("case", caseId.toString())
			.update();
	}
}
