package org.loive.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
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

	private static String text(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}
}
