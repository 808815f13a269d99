package org.loive.support;

import org.loive.devstack.EmbeddedDatabase;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** One real PostgreSQL per test JVM, on a free port, in a throw-away directory. */
public final class TestPostgres {

	/** Owns the application's database and schema loive: Flyway migrates as it. */
	public static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("loive", "loive", "loive-test");
	/** The application's DataSource: owns nothing in schema loive. */
	public static final EmbeddedDatabase.Account RUNTIME = new EmbeddedDatabase.Account("loive", "loive_app", "loive-app-test");
	public static final EmbeddedDatabase.Account KEYCLOAK = new EmbeddedDatabase.Account("keycloak", "keycloak", "keycloak-test");
	public static final EmbeddedDatabase.Account ENGINE = new EmbeddedDatabase.Account("engine", "engine", "engine-test");

	private static EmbeddedDatabase database;

	private TestPostgres() {
	}

	public static synchronized EmbeddedDatabase get() {
		if (database == null) {
			try {
				Path directory = Files.createTempDirectory("loive-test-pg");
				database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER, KEYCLOAK, ENGINE));
				database.ensureRuntimeRole(RUNTIME);
				Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(directory)));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return database;
	}

	/** The superuser on the application's database: to do what none of the application's roles may. */
	public static EmbeddedDatabase.Account superuser() {
		return get().superuser(OWNER.database());
	}

	/** JVM hooks run together: let the application contexts close their pools before PostgreSQL stops. */
	private static void stop(Path directory) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (database.connections(OWNER.database()) > 0 && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		database.close();
		FileSystemUtils.deleteRecursively(directory.toFile());
	}
}
