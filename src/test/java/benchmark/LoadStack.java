package benchmark;

import org.loive.support.AppNode;
import org.loive.support.TestKeycloak;
import org.loive.support.TestPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the load test (bench/load.sh, docs/benchmarks.md "Load test") runs against, up until this JVM is ended: the
 * tests' PostgreSQL and Keycloak, two Lối Về nodes from the jar ({@link AppNode}) and two bare engines
 * ({@code benchmark.bare.BareEngine}, JVMs of their own on this classpath) on the same PostgreSQL server in its
 * database {@code engine}. When all answer it writes their addresses to {@code target/gatling/stack.properties}.
 *
 * <p>Ports: {@code loive.test.keycloak-port}, {@code loive.test.app-port} (the first node), {@code benchmark.ports}
 * (the first of three: the second node, the two bare engines).
 */
public final class LoadStack {

	private static final List<Process> engines = new ArrayList<>();

	private LoadStack() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int ports = Integer.getInteger("benchmark.ports", 8382);
		Path stack = Path.of("target", "gatling", "stack.properties");
		Files.deleteIfExists(stack);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> engines.forEach(LoadStack::stop)));
		var database = TestPostgres.get();
		var keycloak = TestKeycloak.get();
		// one after the other: the first migrates the schema and creates the vault's key file
		AppNode first = AppNode.start("load-1", TestKeycloak.APP_PORT, Map.of("loive.vault.create-keys-if-missing", "true"));
		AppNode second = AppNode.start("load-2", ports, Map.of());
		String bareOne = bareEngine("bare-1", ports + 1, database.jdbcUrl(TestPostgres.ENGINE.database()));
		String bareTwo = bareEngine("bare-2", ports + 2, database.jdbcUrl(TestPostgres.ENGINE.database()));

		Properties addresses = new Properties();
		addresses.setProperty("keycloak.token", keycloak.issuer() + "/protocol/openid-connect/token");
		addresses.setProperty("loive.nodes", first.base() + "," + second.base());
		addresses.setProperty("bare.nodes", bareOne + "," + bareTwo);
		Files.createDirectories(stack.getParent());
		Path written = stack.resolveSibling("stack.properties.new");
		try (var out = Files.newBufferedWriter(written)) {
			addresses.store(out, "bench/load.sh");
		}
		Files.move(written, stack);
		System.out.println("LoadStack: sẵn sàng / ready: " + addresses);
		Thread.currentThread().join();
	}

	/** Starts a bare engine on {@code port} and waits until its REST API answers; returns its base address. */
	private static String bareEngine(String name, int port, String jdbcUrl) throws IOException {
		Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
		List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx768m",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "benchmark.bare.BareEngine",
				"--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=" + TestPostgres.ENGINE.user(),
				"--spring.datasource.password=" + TestPostgres.ENGINE.password(),
				"--camunda.bpm.job-execution.lock-owner=" + name);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.start();
		engines.add(process);
		String base = "http://localhost:" + port;
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (!AppNode.answers(base + "/engine-rest/engine")) {
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("bare engine " + name + " did not start: see " + log.toAbsolutePath());
			}
			pause();
		}
		return base;
	}

	private static void pause() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
