package org.loive.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.Map;

/**
 * A local Keycloak from the Maven Central server distribution, with realm {@code loive} imported
 * (the production realm plus the dev-only client and demo users). A Keycloak already answering on
 * the port is reused and left alone on stop. Its host name is fixed to {@code localhost}: a token carries
 * one issuer whether it was fetched from localhost or 127.0.0.1.
 */
public final class KeycloakServer implements AutoCloseable {

	/** Where the realm import files live on the classpath (copied from {@code keycloak-realm/}). */
	static final String PRODUCTION_REALM = "keycloak-realm/loive-realm.json";
	static final String DEV_REALM_ADDITIONS = "keycloak-realm/dev/loive-realm-dev.json";

	private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * How to start Keycloak. {@code database} null means Keycloak's own dev-file store.
	 * {@code realmEnvironment} resolves the {@code ${...}} placeholders of the realm import.
	 * {@code mfa} keeps the production realm's browser login (password and one-time code) for the demo users too.
	 */
	public record Settings(Path home, int port, String realm, EmbeddedDatabase database,
			EmbeddedDatabase.Account account, Path logFile, String adminPassword,
			Map<String, String> realmEnvironment, boolean mfa) {

		/** Demo users log in with their password only. */
		public Settings(Path home, int port, String realm, EmbeddedDatabase database, EmbeddedDatabase.Account account,
				Path logFile, String adminPassword, Map<String, String> realmEnvironment) {
			this(home, port, realm, database, account, logFile, adminPassword, realmEnvironment, false);
		}
	}

	private final Settings settings;
	private final Process process;

	private KeycloakServer(Settings settings, Process process) {
		this.settings = settings;
		this.process = process;
	}

	public static KeycloakServer start(Settings settings) {
		if (answers(discoveryUrl(settings.port(), settings.realm()))) {
			log.info("Keycloak đã chạy trên cổng {} / reusing the Keycloak already answering there", settings.port());
			return new KeycloakServer(settings, null);
		}
		try {
			writeRealmImport(settings.home().resolve("data/import"), settings.realm(), settings.mfa());
			Files.createDirectories(settings.logFile().getParent());
			ProcessBuilder builder = new ProcessBuilder(command(settings))
				.directory(settings.home().toAbsolutePath().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
			builder.environment().putAll(settings.realmEnvironment());
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
			if (settings.database() != null) {
				builder.environment().put("KC_DB_PASSWORD", settings.account().password());
			}
			log.info("Khởi động Keycloak trên cổng {} / starting Keycloak, log in {}", settings.port(), settings.logFile());
			return new KeycloakServer(settings, builder.start());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không khởi động được Keycloak / Keycloak failed to start", e);
		}
	}

	/** The Keycloak a first node started, for a second node: never starts one of its own. */
	public static KeycloakServer join(Settings settings) {
		if (!answers(discoveryUrl(settings.port(), settings.realm()))) {
			throw new IllegalStateException(("Keycloak không trả lời trên cổng %d: hãy khởi động nút thứ nhất trước "
					+ "(./mvnw spring-boot:run) / Keycloak does not answer on port %d: start the first node first")
				.formatted(settings.port(), settings.port()));
		}
		log.info("Nút thứ hai dùng Keycloak trên cổng {} / second node, joining Keycloak there", settings.port());
		return new KeycloakServer(settings, null);
	}

	private static List<String> command(Settings settings) {
		List<String> command = new ArrayList<>(List.of(settings.home().toAbsolutePath().resolve("bin/kc.sh").toString(),
				"start-dev", "--hostname=" + frontendUrl(settings.port()),
				"--http-port=" + settings.port(), "--http-host=127.0.0.1", "--import-realm", "--cache=local"));
		if (settings.database() != null) {
			command.add("--db=postgres");
			command.add("--db-url=" + settings.database().jdbcUrl(settings.account().database()));
			command.add("--db-username=" + settings.account().user());
		}
		return command;
	}

	/**
	 * Merges the dev-only additions (public CLI client, demo users, their short password policy, the login by
	 * password alone unless {@code mfa}) into the production realm: arrays are appended to, other values replaced.
	 */
	static void writeRealmImport(Path importDirectory, String realm, boolean mfa) throws IOException {
		ObjectMapper json = new ObjectMapper();
		ObjectNode merged = (ObjectNode) json.readTree(classpath(PRODUCTION_REALM));
		ObjectNode additions = (ObjectNode) json.readTree(classpath(DEV_REALM_ADDITIONS));
		if (mfa) {
			additions.remove("browserFlow");
		}
		additions.properties().forEach(field -> {
			if (field.getValue() instanceof ArrayNode values) {
				merged.withArray(field.getKey()).addAll(values);
			}
			else {
				merged.set(field.getKey(), field.getValue());
			}
		});
		Files.createDirectories(importDirectory);
		json.writerWithDefaultPrettyPrinter().writeValue(importDirectory.resolve(realm + "-realm.json").toFile(), merged);
	}

	private static InputStream classpath(String resource) throws IOException {
		InputStream stream = KeycloakServer.class.getClassLoader().getResourceAsStream(resource);
		if (stream == null) {
			throw new IOException("missing " + resource);
		}
		return stream;
	}

	public String url() {
		return frontendUrl(settings.port());
	}

	/** Keycloak's address in every URL it issues (the {@code iss} of tokens), however a client reached it. */
	private static String frontendUrl(int port) {
		return "http://localhost:" + port;
	}

	public String issuer() {
		return url() + "/realms/" + settings.realm();
	}

	/** Waits until the realm's discovery document answers; fails early when the process dies. */
	public KeycloakServer awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		String discovery = discoveryUrl(settings.port(), settings.realm());
		while (!answers(discovery)) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException("Keycloak đã dừng (mã " + process.exitValue()
						+ ") / Keycloak exited, see " + settings.logFile());
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Keycloak chưa sẵn sàng sau " + timeout.toSeconds()
						+ " giây / Keycloak not ready in time, see " + settings.logFile());
			}
			sleep(Duration.ofMillis(500));
		}
		return this;
	}

	private static String discoveryUrl(int port, String realm) {
		return frontendUrl(port) + "/realms/" + realm + "/.well-known/openid-configuration";
	}

	static boolean answers(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for Keycloak", e);
		}
	}

	/** Stops the Keycloak this instance started, with every process it spawned. */
	@Override
	public void close() {
		if (process == null) {
			return;
		}
		List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
		all.add(process.toHandle());
		all.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : all) {
			try {
				handle.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception e) {
				handle.destroyForcibly();
			}
		}
	}
}
