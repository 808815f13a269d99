package org.loive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another node of the application beside the tests' own: the jar {@code ./mvnw package} built (Failsafe runs after
 * it), as a JVM of its own, against the tests' PostgreSQL, Keycloak, vault key file and audit witness, configured by
 * environment variables as a production node is (no dev profile). {@link #kill()} ends it as {@code kill -9} does,
 * {@link #stop()} as an orderly shutdown does; every node still running when the test JVM ends is killed.
 */
public final class AppNode implements AutoCloseable {

	private static final Path JAR = Path.of(System.getProperty("loive.jar", "target/loive-0.1.0-SNAPSHOT.jar"));
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private static final List<AppNode> running = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(running).forEach(AppNode::kill)));
	}

	private final String name;
	private final int port;
	private final Path log;
	private final Process process;

	private AppNode(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts a node named {@code name} (its name in the engine's job log, {@code LOIVE_NODE_NAME}) on {@code port} and
	 * waits until it is ready; {@code properties} are given as {@code --key=value} arguments after the environment.
	 * The tests' own node must be up (it made the schema, the vault's key file and the witness directory).
	 */
	public static AppNode start(String name, int port, Map<String, String> properties) {
		AppNode node = launch(name, port, properties);
		node.awaitReady(Duration.ofMinutes(3));
		return node;
	}

	/** Starts a node without waiting for it: {@link #awaitReady} then waits. */
	public static AppNode launch(String name, int port, Map<String, String> properties) {
		return launch(name, port, Map.of(), properties);
	}

	/**
	 * Starts a node without waiting for it, its environment {@code overrides} replacing the tests' stack's (another
	 * database, key file or witness: with {@code LOIVE_DB_URL} given, the tests' PostgreSQL is not started for it).
	 */
	public static AppNode launch(String name, int port, Map<String, String> overrides, Map<String, String> properties) {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException("no application jar at " + JAR.toAbsolutePath() + ": run ./mvnw package first");
		}
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx768m", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString()));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			builder.environment().putAll(environment(name, port, overrides.containsKey("LOIVE_DB_URL")));
			builder.environment().putAll(overrides);
			AppNode node = new AppNode(name, port, log, builder.start());
			synchronized (running) {
				running.add(node);
			}
			return node;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot start node " + name, e);
		}
	}

	/** The configuration a production node takes (README, "Configuration"), pointed at the tests' stack. */
	private static Map<String, String> environment(String name, int port, boolean ownDatabase) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("LOIVE_PORT", String.valueOf(port));
		env.put("LOIVE_NODE_NAME", name);
		if (!ownDatabase) {
			env.put("LOIVE_DB_URL", TestPostgres.get().jdbcUrl(TestPostgres.RUNTIME.database()));
		}
		env.put("LOIVE_DB_USER", TestPostgres.RUNTIME.user());
		env.put("LOIVE_DB_PASSWORD", TestPostgres.RUNTIME.password());
		env.put("LOIVE_DB_MIGRATION_USER", TestPostgres.OWNER.user());
		env.put("LOIVE_DB_MIGRATION_PASSWORD", TestPostgres.OWNER.password());
		env.put("LOIVE_KEYCLOAK_URL", TestKeycloak.get().url());
		env.put("LOIVE_OIDC_CLIENT_SECRET", TestKeycloak.CLIENT_SECRET);
		env.put("LOIVE_VAULT_MASTER_KEY", TestVault.MASTER_KEY);
		env.put("LOIVE_VAULT_KEYS_FILE", TestVault.keysFile());
		env.put("LOIVE_AUDIT_WITNESS_DIRECTORY", TestVault.witnessDirectory());
		env.put("LOIVE_METRICS_SCRAPE_TOKEN", IntegrationTest.SCRAPE_TOKEN);
		return env;
	}

	/** Waits until the node's readiness answers UP; fails at once, with the log's tail, when the node died. */
	public AppNode awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!ready()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("node " + name + " not ready in " + timeout + ":\n" + logTail());
			}
			pause(Duration.ofMillis(300));
		}
		return this;
	}

	/** Readiness: the database answers and the vault's keys work. */
	public boolean ready() {
		return answers(base() + "/actuator/health/readiness");
	}

	/** Whether {@code url} answers 200 within 3 s (a service started beside the nodes, too). */
	public static boolean answers(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public String name() {
		return name;
	}

	public String base() {
		return "http://localhost:" + port;
	}

	public boolean alive() {
		return process.isAlive();
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	/** As {@code kill -9}: no shutdown hook runs, open transactions are cut, held job locks stay until they expire. */
	public void kill() {
		process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/** An orderly shutdown (SIGTERM): requests finish, the job executor stops, the pool closes. */
	public void stop() {
		process.destroy();
		if (!awaitExit(Duration.ofSeconds(60))) {
			kill();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private boolean awaitExit(Duration timeout) {
		try {
			boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (exited) {
				synchronized (running) {
					running.remove(this);
				}
			}
			return exited;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The last lines of the node's log (codes and counts only: the application logs no victim data). */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
