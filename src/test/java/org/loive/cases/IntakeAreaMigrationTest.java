package org.loive.cases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.support.MigrationDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases made before the area of intake was recorded keep their data and get it: transferred ones too. */
class IntakeAreaMigrationTest {

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
	void existingCasesGetTheirAreaOfIntake() {
		database = MigrationDatabase.start(directory);
		JdbcClient jdbc = database.jdbc();
		database.migrateTo("5");
		UUID stayed = insert(jdbc, "QNG-2026-000001", "QNG-12345");
		UUID moved = insert(jdbc, "QNG-2026-000002", "GLI");
		jdbc.sql("""
				insert into loive.case_milestone (case_id, kind, code, recorded_by, recorded_at)
				values (:case, 'TRANSFERRED', 'GLI', 'supervisor.qng', now())""").param("case", moved).update();

		database.migrate();

		assertThat(intakeArea(jdbc, stayed)).isEqualTo("QNG-12345");
		assertThat(intakeArea(jdbc, moved)).as("transferred: the province of its reference").isEqualTo("QNG");
		assertThat(jdbc.sql("select area from loive.referral_case where id = :id").param("id", moved)
			.query(String.class).single()).as("the area it is in now stays").isEqualTo("GLI");
	}

	private static UUID insert(JdbcClient jdbc, String reference, String area) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into loive.referral_case (id, reference, channel, area, received_at, immediate_danger,
				                                 process_instance_id, registered_by)
				values (:id, :reference, 'HOTLINE_111', :area, now(), false, :process, 'police.qng')""")
			.param("id", id)
			.param("reference", reference)
			.param("area", area)
			.param("process", id.toString())
			.update();
		return id;
	}

	private static String intakeArea(JdbcClient jdbc, UUID id) {
		return jdbc.sql("select intake_area from loive.referral_case where id = :id").param("id", id)
			.query(String.class).single();
	}
}
