package org.loive.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

/**
 * Real PostgreSQL binaries on loopback, with the application's and Keycloak's databases.
 * Used by the dev run (fixed port, data kept under ./data) and by the integration tests
 * (free port, throw-away directory). Every connection needs a password, the superuser's included: it is
 * generated once and kept, readable by its owner only, in the data directory as {@value #SUPERUSER_PASSWORD_FILE}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/** A database and a login role of it: its owner, a runtime role that owns nothing there, or the superuser. */
	public record Account(String database, String user, String password) {
	}

	private static final String SUPERUSER = "postgres";
	static final String SUPERUSER_PASSWORD_FILE = "superuser-password";
	private static final String SCRAM = "scram-sha-256";
	/** Password authentication for every role, database and way in (socket, IPv4 and IPv6 loopback). */
	static final String PASSWORDS_ONLY = """
			# Lối Về (EmbeddedDatabase): every connection needs a password / mọi kết nối cần mật khẩu
			local   all          all                  scram-sha-256
			host    all          all   127.0.0.1/32   scram-sha-256
			host    all          all   ::1/128        scram-sha-256
			local   replication  all                  scram-sha-256
			host    replication  all   127.0.0.1/32   scram-sha-256
			host    replication  all   ::1/128        scram-sha-256
			""";

	private final EmbeddedPostgres postgres;
	private final String superuserPassword;

	private EmbeddedDatabase(EmbeddedPostgres postgres, String superuserPassword) {
		this.postgres = postgres;
		this.superuserPassword = superuserPassword;
	}

	/**
	 * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDirectory},
	 * kept between runs, and creates the given accounts when they do not exist yet. A {@code durable}
	 * server syncs every commit to disk, as data kept between runs needs; a throw-away one need not.
	 */
	public static EmbeddedDatabase start(int port, Path dataDirectory, boolean durable, List<Account> accounts) {
		try {
			Files.createDirectories(dataDirectory);
			Path passwordFile = dataDirectory.resolve(SUPERUSER_PASSWORD_FILE);
			// a cluster is initialised when postgresql.conf is missing (as zonky decides)
			boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
			String password = fresh || !Files.exists(passwordFile) ? newPassword() : Files.readString(passwordFile).trim();
			Path initdbPassword = fresh ? ownerOnly(Files.createTempFile("loive-pg", ".pw"), password) : null;
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setDataDirectory(dataDirectory)
					.setCleanDataDirectory(false)
					// stopped by its owner, after the application's connections, never by a racing JVM hook
					.setRegisterShutdownHook(false)
					.setServerConfig("listen_addresses", "127.0.0.1")
					.setServerConfig("max_connections", "200")
					.setServerConfig("fsync", durable ? "on" : "off")
					.setServerConfig("synchronous_commit", durable ? "on" : "off")
					.setConnectConfig("password", password)
					// written before the server first starts: a new cluster is never without it
					.setDataDirectoryCustomizer(directory -> keep(passwordFile, password));
				if (fresh) {
					// initdb's options: zonky passes "-A trust" first, a later --auth wins
					builder.setLocaleConfig("auth", SCRAM).setLocaleConfig("pwfile", initdbPassword.toString());
				}
				if (port > 0) {
					builder.setPort(port);
				}
				EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), password);
				database.requirePasswords(dataDirectory.resolve("pg_hba.conf"));
				accounts.forEach(database::ensureAccount);
				return database;
			}
			finally {
				if (initdbPassword != null) {
					Files.deleteIfExists(initdbPassword);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng / embedded PostgreSQL failed to start", e);
		}
	}

	private static String newPassword() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** The password file, created readable and writable by its owner only, then filled. */
	private static Path ownerOnly(Path file, String password) throws IOException {
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		Files.writeString(file, password + "\n");
		return file;
	}

	private static void keep(Path passwordFile, String password) {
		if (Files.exists(passwordFile)) {
			return;
		}
		try {
			Path written = ownerOnly(Files.createTempFile(passwordFile.getParent(), SUPERUSER_PASSWORD_FILE, ".new"), password);
			Files.move(written, passwordFile, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Clusters of earlier runs were made with loopback trusted and a superuser without password: give it the
	 * kept one, then require passwords from everyone. A no-op once {@code pg_hba.conf} is ours.
	 */
	private void requirePasswords(Path hba) throws IOException {
		if (Files.readString(hba).equals(PASSWORDS_ONLY)) {
			return;
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter role " + SUPERUSER + " password '" + superuserPassword.replace("'", "''") + "'");
			Files.writeString(hba, PASSWORDS_ONLY);
			try (var reload = statement.executeQuery("select pg_reload_conf()")) {
				reload.next();
			}
			try (var rules = statement.executeQuery(
					"select count(*) from pg_hba_file_rules where error is not null or auth_method <> '" + SCRAM + "'")) {
				rules.next();
				if (rules.getInt(1) != 0) {
					throw new IllegalStateException("pg_hba.conf không được áp dụng / pg_hba.conf was not applied");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Không đặt được mật khẩu quản trị / cannot set the superuser password", e);
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
	 * stored rows behind the application's back), with the password kept in the data directory.
	 */
	public Account superuser(String database) {
		return new Account(database, SUPERUSER, superuserPassword);
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
