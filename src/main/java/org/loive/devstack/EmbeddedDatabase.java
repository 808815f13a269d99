package org.loive.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Real PostgreSQL binaries on loopback, with the application's and Keycloak's databases.
 * Used by the dev run (fixed port, data kept under ./data) and by the integration tests
 * (free port, throw-away directory).
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/** A database and a login role of it: its owner, a runtime role that owns nothing there, or the superuser. */
	public record Account(String database, String user, String password) {
	}

	private static final String SUPERUSER = "postgres";

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDirectory},
	 * kept between runs, and creates the given accounts when they do not exist yet. A {@code durable}
	 * server syncs every commit to disk, as data kept between runs needs; a throw-away one need not.
	 */
	public static EmbeddedDatabase start(int port, Path dataDirectory, boolean durable, List<Account> accounts) {
		try {
			Files.createDirectories(dataDirectory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				// stopped by its owner, after the application's connections, never by a racing JVM hook
				.setRegisterShutdownHook(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
			accounts.forEach(database::ensureAccount);
			return database;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng / embedded PostgreSQL failed to start", e);
		}
	}

	public int port() {
		return postgres.getPort();
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
	}

	private void ensureAccount(Account account) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			ensureRole(connection, statement, account);
			if (!exists(connection, "select 1 from pg_database where datname = ?", account.database())) {
				statement.execute("create database " + quoteIdentifier(account.database()) + " owner "
						+ quoteIdentifier(account.user()) + " encoding 'UTF8'");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Không tạo được cơ sở dữ liệu / cannot create database " + account.database(), e);
		}
	}

	/**
	 * Creates the login role {@code runtime.user()} when it does not exist yet, owning nothing: it may connect to
	 * {@code runtime.database()} and use and create in its schema {@code public}, where Camunda creates its
	 * tables. Its rights on the application's own schema come from the migrations. Safe to repeat on kept data.
	 */
	public void ensureRuntimeRole(Account runtime) {
		String role = quoteIdentifier(runtime.user());
		try (Connection server = postgres.getPostgresDatabase().getConnection();
				var statement = server.createStatement();
				// privileges on a schema are granted from a connection to the schema's database
				Connection database = connect(superuser(runtime.database()));
				var inDatabase = database.createStatement()) {
			ensureRole(server, statement, runtime);
			statement.execute("grant connect on database " + quoteIdentifier(runtime.database()) + " to " + role);
			inDatabase.execute("grant usage, create on schema public to " + role);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Không tạo được vai trò / cannot set up role " + runtime.user(), e);
		}
	}

	private static void ensureRole(Connection connection, Statement statement, Account account) throws SQLException {
		if (!exists(connection, "select 1 from pg_roles where rolname = ?", account.user())) {
			statement.execute("create role " + quoteIdentifier(account.user()) + " login password '"
					+ account.password().replace("'", "''") + "'");
		}
	}

	/**
	 * The superuser on {@code database}, for what no role of the application may do (tests that tamper with
	 * stored rows behind the application's back). Loopback connections are trusted: no password is checked.
	 */
	public Account superuser(String database) {
		return new Account(database, SUPERUSER, "");
	}

	/** A new connection to the account's database as its role. */
	public Connection connect(Account account) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(account.database()), account.user(), account.password());
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (var query = connection.prepareStatement(sql)) {
			query.setString(1, name);
			try (var rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static String quoteIdentifier(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/** Open connections to {@code database}, e.g. to wait for a pool to close before stopping. */
	public int connections(String database) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var query = connection.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
			query.setString(1, database);
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
		catch (SQLException e) {
			return 0;
		}
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
