package org.loive.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.loive.devstack.EmbeddedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL of its own for a migration test: the owner migrates up to a version, the test writes data as it
 * was then, migrates on, and checks what the data became.
 */
public final class MigrationDatabase implements AutoCloseable {

	static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("loive_m", "loive_m", "loive-m");
	static final EmbeddedDatabase.Account RUNTIME = new EmbeddedDatabase.Account("loive_m", "loive_m_app", "loive-m-app");

	private final EmbeddedDatabase database;
	private final SimpleDriverDataSource data;

	private MigrationDatabase(EmbeddedDatabase database) {
		this.database = database;
		this.data = new SimpleDriverDataSource(new org.postgresql.Driver(),
				database.jdbcUrl(OWNER.database()) + "?currentSchema=loive", OWNER.user(), OWNER.password());
		jdbc().sql("create schema if not exists loive").update();
	}

	public static MigrationDatabase start(Path directory) {
		EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER));
		database.ensureRuntimeRole(RUNTIME);
		return new MigrationDatabase(database);
	}

	/** As the owner, schema {@code loive} first (so the application's own queries run as they are). */
	public JdbcClient jdbc() {
		return JdbcClient.create(data);
	}

	/** The database as the owner, schema {@code loive} first: a new connection for each use (pool it to measure). */
	public javax.sql.DataSource dataSource() {
		return data;
	}

	/** The migrations up to this version, and none after. */
	public void migrateTo(String version) {
		flyway().target(version).load().migrate();
	}

	/** Every migration not applied yet. */
	public void migrate() {
		flyway().load().migrate();
	}

	private FluentConfiguration flyway() {
		return Flyway.configure()
			.dataSource(data)
			.schemas("loive")
			.defaultSchema("loive")
			.locations("classpath:db/migration")
			.placeholders(Map.of("runtime-role", RUNTIME.user()));
	}

	@Override
	public void close() {
		database.close();
	}
}
