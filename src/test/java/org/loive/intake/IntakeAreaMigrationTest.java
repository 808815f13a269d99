package org.loive.intake;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.devstack.EmbeddedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases made before the area of intake was recorded keep their data and get it: transferred ones too. */
class IntakeAreaMigrationTest {

	static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("loive_m", "loive_m", "loive-m");
	static final EmbeddedDatabase.Account RUNTIME = new EmbeddedDatabase.Account("loive_m", "loive_m_app", "loive-m-app");

	@TempDir
	static Path directory;
	static EmbeddedDatabase database;

	@AfterAll
	static void stop() {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void existingCasesGetTheirAreaOfIntake() {
		database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER));
		database.ensureRuntimeRole(RUNTIME);
		SimpleDriverDataSource data = new SimpleDriverDataSource(new org.postgresql.Driver(),
				database.jdbcUrl(OWNER.database()), OWNER.user(), OWNER.password());
		JdbcClient jdbc = JdbcClient.create(data);
		jdbc.sql("create schema if not exists loive").update();
		Flyway before = flyway(data).target("5").load();
		before.migrate();
		UUID stayed = insert(jdbc, "QNG-2026-000001", "QNG-12345");
		UUID moved = insert(jdbc, "QNG-2026-000002", "GLI");
		jdbc.sql("""
				insert into loive.case_milestone (case_id, kind, code, recorded_by, recorded_at)
				values (:case, 'TRANSFERRED', 'GLI', 'supervisor.qng', now())""").param("case", moved).update();

		flyway(data).load().migrate();

		assertThat(intakeArea(jdbc, stayed)).isEqualTo("QNG-12345");
		assertThat(intakeArea(jdbc, moved)).as("transferred: the province of its reference").isEqualTo("QNG");
		assertThat(jdbc.sql("select area from loive.referral_case where id = :id").param("id", moved)
			.query(String.class).single()).as("the area it is in now stays").isEqualTo("GLI");
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(SimpleDriverDataSource data) {
		return Flyway.configure()
			.dataSource(data)
			.schemas("loive")
			.defaultSchema("loive")
			.locations("classpath:db/migration")
			.placeholders(Map.of("runtime-role", RUNTIME.user()));
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
