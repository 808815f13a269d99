package org.loive.support;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.loive.devstack.EmbeddedDatabase;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One real PostgreSQL per test JVM, on a free port, in a throw-away directory. */
public final class TestPostgres {

	/** Owns the application's database and schema loive: Flyway migrates as it. */
	public static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("loive", "loive", "loive-test");
	/** The application's DataSource: owns nothing in schema loive. */
	public static final EmbeddedDatabase.Account RUNTIME = new EmbeddedDatabase.Account("loive", "loive_app", "loive-app-test");
	public static final EmbeddedDatabase.Account KEYCLOAK = new EmbeddedDatabase.Account("keycloak", "keycloak", "keycloak-test");
	public static final EmbeddedDatabase.Account ENGINE = new EmbeddedDatabase.Account("engine", "engine", "engine-test");

	private static EmbeddedDatabase database;
	private static Path directory;

	private TestPostgres() {
	}

	public static synchronized EmbeddedDatabase get() {
		if (database == null) {
			try {
				directory = Files.createTempDirectory("loive-test-pg");
				database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER, KEYCLOAK, ENGINE));
				database.ensureRuntimeRole(RUNTIME);
				Path data = directory;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(data)));
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

	/**
	 * PostgreSQL ends as a crash ends it: {@code pg_ctl stop -m immediate} quits every process at once, without a
	 * checkpoint, so every connection is cut and open transactions are lost; the next {@link #restart} recovers
	 * from the write-ahead log. Same port, same data directory: clients reconnect to the server they knew.
	 */
	public static synchronized void crash() {
		pgCtl("stop", "-m", "immediate");
	}

	/** Starts the crashed server again with the options it ran with ({@code postmaster.opts}) and waits for it. */
	public static synchronized void restart() {
		// restart on a stopped server starts it with the options of its last run
		pgCtl("restart", "-t", "60");
	}

	private static void pgCtl(String... arguments) {
		get();
		try {
			// postmaster.opts: the server binary's path, then its options; pg_ctl is beside it
			String options = Files.readString(directory.resolve("postmaster.opts"));
			Path pgCtl = Path.of(options.substring(0, options.indexOf(' '))).resolveSibling("pg_ctl");
			Path log = log(directory);
			List<String> command = new ArrayList<>();
			if (LinuxUtils.isUnshareAvailable()) {
				// PostgreSQL refuses to run as root: in a user namespace of its own it does not (as zonky starts it)
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(List.of(pgCtl.toString(), "-D", directory.toString(), "-w", "-l", log.toString()));
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
			if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + " failed:\n" + Files.readString(log));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
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
		FileSystemUtils.deleteRecursively(log(directory).toFile());
	}

	/** pg_ctl's log and the restarted server's, beside the data directory. */
	private static Path log(Path directory) {
		return directory.resolveSibling(directory.getFileName() + ".log");
	}
}
