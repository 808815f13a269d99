package org.loive.access;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.devstack.EmbeddedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Migration V7 and the shipped list: the 34 provinces and cities of the 2025 map, QNG and GLI mapped to their
 * official codes and names, imported once by the application's runtime role and not again.
 */
class AdministrativeUnitsMigrationTest {

	static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("loive_u", "loive_u", "loive-u");
	static final EmbeddedDatabase.Account RUNTIME = new EmbeddedDatabase.Account("loive_u", "loive_u_app", "loive-u-app");

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
	void theShippedListIsImportedOnceWithQuangNgaiAndGiaLaiMapped() {
		database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER));
		database.ensureRuntimeRole(RUNTIME);
		SimpleDriverDataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(),
				database.jdbcUrl(OWNER.database()), OWNER.user(), OWNER.password());
		JdbcClient.create(owner).sql("create schema if not exists loive").update();
		Flyway.configure()
			.dataSource(owner)
			.schemas("loive")
			.defaultSchema("loive")
			.locations("classpath:db/migration")
			.placeholders(Map.of("runtime-role", RUNTIME.user()))
			.load()
			.migrate();
		JdbcClient runtime = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
				database.jdbcUrl(RUNTIME.database()) + "?currentSchema=loive", RUNTIME.user(), RUNTIME.password()));
		AdministrativeUnitTable table = new AdministrativeUnitTable(runtime,
				Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneOffset.UTC));
		AuditLog audit = mock(AuditLog.class);
		UnitImports imports = new UnitImports(table, audit);

		imports.applyShipped();
		imports.applyShipped();

		assertThat(runtime.sql("select count(*) from administrative_unit where level = 'PROVINCE'").query(Integer.class)
			.single()).isEqualTo(34);
		assertThat(table.provinces()).hasSize(34);
		assertThat(table.province("QNG")).hasValue(new AdministrativeUnits.Province("QNG", "51", "Tỉnh Quảng Ngãi",
				"Quang Ngai Province"));
		assertThat(table.province("GLI")).hasValue(new AdministrativeUnits.Province("GLI", "52", "Tỉnh Gia Lai",
				"Gia Lai Province"));
		assertThat(table.knows("QNG")).isTrue();
		assertThat(table.knows("XYZ")).isFalse();
		assertThat(table.knows("QNG-21172")).as("no commune is shipped").isFalse();
		assertThat(runtime.sql("select count(*) from administrative_unit_import").query(Integer.class).single())
			.as("the shipped list is imported once").isEqualTo(1);
		verify(audit, times(1)).record(any(AuditEvent.class));
	}
}
