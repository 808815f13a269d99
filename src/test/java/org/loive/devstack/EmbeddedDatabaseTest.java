package org.loive.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runtime role of the dev run and the tests: made once, kept across restarts, owning nothing beyond public. */
class EmbeddedDatabaseTest {

	private static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("shop", "shop", "shop-test");
	private static final EmbeddedDatabase.Account RUNTIME = new EmbeddedDatabase.Account("shop", "shop_app", "shop-app-test");

	@Test
	void theRuntimeRoleSurvivesARestartAndMayCreateOnlyInPublic(@TempDir Path directory) throws SQLException {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER))) {
			database.ensureRuntimeRole(RUNTIME);
			try (Connection owner = database.connect(OWNER); Statement statement = owner.createStatement()) {
				statement.execute("create schema shop");
			}
		}
		// the data directory kept, as the dev run's ./data: the same bootstrap again
		try (EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER))) {
			database.ensureRuntimeRole(RUNTIME);
			try (Connection runtime = database.connect(RUNTIME); Statement statement = runtime.createStatement()) {
				assertThat(text(statement, "select current_user")).isEqualTo(RUNTIME.user());
				assertThat(text(statement, "select (rolsuper or rolcreaterole or rolcreatedb)::text from pg_roles where rolname = current_user"))
					.isEqualTo("false");
				statement.execute("create table public.like_camunda (id integer)");
				assertThatThrownBy(() -> statement.execute("create table shop.not_mine (id integer)"))
					.hasMessageContaining("permission denied");
			}
		}
	}

	@Test
	void theSuperuserConnectionIsASuperuser(@TempDir Path directory) throws SQLException {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER));
				Connection superuser = database.connect(database.superuser(OWNER.database()));
				Statement statement = superuser.createStatement()) {
			assertThat(text(statement, "select current_database() || ' ' || rolsuper from pg_roles where rolname = current_user"))
				.isEqualTo("shop true");
		}
	}

	@Test
	void aConnectionWithoutPasswordIsRefusedEvenForTheSuperuser(@TempDir Path directory) throws SQLException, IOException {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER))) {
			for (String user : List.of("postgres", OWNER.user())) {
				assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(OWNER.database()), user, ""))
					.as("no password for %s", user)
					.isInstanceOf(SQLException.class);
				assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(OWNER.database()), user, "loive"))
					.as("a wrong password for %s", user)
					.hasMessageContaining("password authentication failed");
			}
			try (Connection superuser = database.connect(database.superuser(OWNER.database()));
					Statement statement = superuser.createStatement()) {
				assertThat(text(statement, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
					.isEqualTo("scram-sha-256");
			}
		}
		Path passwordFile = directory.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		assertThat(Files.readString(passwordFile).trim()).hasSizeGreaterThanOrEqualTo(32);
	}

	@Test
	void theSuperuserPasswordIsKeptAcrossRestarts(@TempDir Path directory) throws SQLException, IOException {
		String first;
		try (EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER))) {
			first = database.superuser(OWNER.database()).password();
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER));
				Connection superuser = database.connect(database.superuser(OWNER.database()))) {
			assertThat(database.superuser(OWNER.database()).password()).isEqualTo(first);
			assertThat(superuser.isValid(2)).isTrue();
		}
		assertThat(Files.readString(directory.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).trim()).isEqualTo(first);
	}

	/** ./data of a run before passwords: loopback trusted, the superuser without one, the data kept. */
	@Test
	void aClusterOfAnEarlierRunGetsAPasswordAndKeepsItsData(@TempDir Path directory) throws SQLException, IOException {
		try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(directory)
				.setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
				Connection connection = trusting.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (id integer)");
			statement.execute("insert into kept values (7)");
		}
		assertThat(directory.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).doesNotExist();

		try (EmbeddedDatabase database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER))) {
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", ""))
				.isInstanceOf(SQLException.class);
			try (Connection superuser = database.connect(database.superuser("postgres"));
					Statement statement = superuser.createStatement()) {
				assertThat(text(statement, "select id::text from kept")).isEqualTo("7");
			}
			assertThat(Files.readString(directory.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).trim())
				.isEqualTo(database.superuser("postgres").password());
		}
	}

	private static String text(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}
}
