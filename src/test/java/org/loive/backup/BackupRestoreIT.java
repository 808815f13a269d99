package org.loive.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.loive.devstack.EmbeddedDatabase;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.AppNode;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore procedure of docs/backup-restore.md, run by its own scripts (tools/backup/): an installation
 * of its own (a PostgreSQL, a node from the jar, a key file, a witness) receives cases and persons through the API; it
 * is backed up while it runs and reports keep coming in, then destroyed; the backup is restored into a fresh directory, PostgreSQL is started on
 * it, and the restore check reads every case and person, verifies the chain and finds the witness in agreement. A
 * restore without the key file, or with another installation's, is refused with a message naming the file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BackupRestoreIT {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Path TOOLS = Path.of("tools", "backup").toAbsolutePath();
	private static final Path JAR = Path.of(System.getProperty("loive.jar", "target/loive-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
	private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
	private static final String MASTER_KEY = randomKey();

	private Path root;
	private Path backup;
	private Path restored;
	private int restoredPort;
	private final List<String> cases = new ArrayList<>();
	private final List<String> persons = new ArrayList<>();
	private String erased;
	private int writtenBefore;
	private int writtenAfter;

	/** The installation lived, was backed up while running, and is gone: only the backup directory is left. */
	@BeforeAll
	void backedUpAndDestroyed() throws Exception {
		root = Files.createTempDirectory("loive-backup-it");
		Path original = root.resolve("original");
		Path keys = original.resolve("vault").resolve("keys.json");
		Path witness = original.resolve("audit-witness");
		EmbeddedDatabase database = EmbeddedDatabase.start(0, original.resolve("postgres"), false,
				List.of(TestPostgres.OWNER));
		database.ensureRuntimeRole(TestPostgres.RUNTIME);
		Map<String, String> installation = new LinkedHashMap<>();
		installation.put("LOIVE_DB_URL", database.jdbcUrl(TestPostgres.OWNER.database()));
		installation.put("LOIVE_VAULT_MASTER_KEY", MASTER_KEY);
		installation.put("LOIVE_VAULT_KEYS_FILE", keys.toString());
		installation.put("LOIVE_AUDIT_WITNESS_DIRECTORY", witness.toString());
		AppNode node = AppNode.launch("backup-original", freePort(), installation,
				Map.of("loive.vault.create-keys-if-missing", "true", "camunda.bpm.job-execution.enabled", "false"));
		try {
			node.awaitReady(Duration.ofMinutes(3));
			work(node.base());
			awaitWitnessAtHead(database, witness.resolve("checkpoints.jsonl"));
			backup = root.resolve("backup");
			Map<String, String> env = new LinkedHashMap<>();
			env.put("PGDATA", original.resolve("postgres").toString());
			env.put("PGHOST", "127.0.0.1");
			env.put("PGPORT", String.valueOf(database.port()));
			env.put("PGUSER", "postgres");
			env.put("PGPASSWORD", database.superuser("postgres").password());
			env.put("LOIVE_VAULT_KEYS_FILE", keys.toString());
			env.put("LOIVE_AUDIT_WITNESS_DIRECTORY", witness.toString());
			// reports keep coming in while the backup runs: it must still be one consistent moment of the database
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicInteger written = new AtomicInteger();
			AtomicReference<String> refused = new AtomicReference<>();
			Thread writer = new Thread(() -> {
				String police = Api.token("police.qng");
				while (writing.get()) {
					Reply received = post(node.base(), "/api/v1/referrals", police, referral("Phạm Thị Lan", null, ""));
					if (received.status() != 201) {
						refused.set(received.status() + " " + received.raw().body());
						return;
					}
					written.incrementAndGet();
				}
			});
			writer.start();
			Instant deadline = Instant.now().plusSeconds(60);
			while (written.get() < 2 && refused.get() == null && Instant.now().isBefore(deadline)) {
				Thread.sleep(50);
			}
			assertThat(refused.get()).isNull();
			writtenBefore = written.get();
			Instant started = Instant.now();
			Run backedUp = run(env, Duration.ofMinutes(3), TOOLS.resolve("backup.sh").toString(), backup.toString());
			Instant ended = Instant.now();
			writing.set(false);
			writer.join(Duration.ofMinutes(1).toMillis());
			writtenAfter = written.get();
			assertThat(refused.get()).isNull();
			assertThat(backedUp.status()).as(backedUp.output()).isZero();
			System.out.println("BackupRestoreIT: backup.sh " + Duration.between(started, ended).toMillis() + " ms, "
					+ writtenBefore + " reports before it, " + (writtenAfter - writtenBefore) + " during it or just after\n"
					+ backedUp.output());
		}
		finally {
			node.stop();
			database.close();
		}
		FileSystemUtils.deleteRecursively(original);
		assertThat(original).doesNotExist();
	}

	@AfterAll
	void cleanUp() throws IOException {
		if (restored != null && Files.exists(restored.resolve("postgres").resolve("postmaster.pid"))) {
			pgCtl(restored.resolve("postgres"), "stop", "-m", "fast");
		}
		if (root != null) {
			FileSystemUtils.deleteRecursively(root);
		}
	}

	@Test
	@Order(1)
	void aRestoreIntoAFreshDirectoryReadsEveryCaseAndPersonAndItsChainAgreesWithTheWitness() throws Exception {
		List<String> manifest = Files.readAllLines(backup.resolve("MANIFEST.sha256"));
		assertThat(manifest).extracting(line -> line.substring(66)).contains("audit-witness/checkpoints.jsonl",
				"vault/keys.json", "database/base.tar", "database/pg_wal.tar", "database/backup_label", "backup.info");

		restored = root.resolve("restored");
		restoredPort = freePort();
		Instant started = Instant.now();
		Run restore = run(Map.of("PG_BIN", pgBin().toString()), Duration.ofMinutes(5),
				TOOLS.resolve("restore.sh").toString(), "--start", String.valueOf(restoredPort), backup.toString(),
				restored.toString());
		assertThat(restore.status()).as(restore.output()).isZero();
		Instant restoredAt = Instant.now();

		Run check = check(restored.resolve("vault").resolve("keys.json"));
		assertThat(check.status()).as(check.output()).isZero();
		System.out.println("BackupRestoreIT: restore.sh " + Duration.between(started, restoredAt).toMillis() + " ms, check.sh "
				+ Duration.between(restoredAt, Instant.now()).toMillis() + " ms\n" + restore.output()
				+ check.output().lines().filter(line -> !line.startsWith("{")).collect(Collectors.joining("\n")));
		JsonNode report = report(check);
		assertThat(report.get("ok").asBoolean()).isTrue();
		long during = report.get("cases").asLong() - cases.size();
		assertThat(during).as("every case, its row, its steps, its persons: those received before the backup, and some "
				+ "received while it ran").isBetween((long) writtenBefore, (long) writtenAfter);
		assertThat(report.get("unreadableCases").asLong()).isZero();
		assertThat(report.get("casePersons").asLong()).isEqualTo(persons.size() + 1 + during);
		assertThat(report.get("persons").asLong()).as("every person not erased, each section decrypted")
			.isEqualTo(persons.size() + during);
		assertThat(report.get("sections").asLong()).isGreaterThanOrEqualTo(persons.size());
		assertThat(report.get("erased").asLong()).isEqualTo(1);
		assertThat(report.get("unreadablePersons").asLong()).isZero();
		JsonNode chain = report.get("chain");
		assertThat(chain.get("status").asText()).isEqualTo("INTACT");
		assertThat(chain.get("eventsChecked").asLong()).isPositive();
		assertThat(chain.get("witnessChecked").asInt()).as("the witness's checkpoints, found in the restored chain")
			.isPositive();
		assertThat(chain.get("lastWitnessSeq").asLong()).isEqualTo(newestWitnessed(
				backup.resolve("audit-witness").resolve("checkpoints.jsonl")));
		assertThat(check.output()).contains("The restore holds")
			.doesNotContain("Nguyễn Thị Hồng", "0905 333 444", "079301000123", "Bị lừa sang");
	}

	@Test
	@Order(2)
	void aRestoreWithoutTheKeyFileIsRefusedNamingIt() throws Exception {
		Path keyless = root.resolve("keyless-backup");
		copy(backup, keyless);
		Files.delete(keyless.resolve("vault").resolve("keys.json"));
		Run refused = run(Map.of(), Duration.ofMinutes(1), TOOLS.resolve("restore.sh").toString(), keyless.toString(),
				root.resolve("keyless-restore").toString());
		assertThat(refused.status()).isEqualTo(3);
		assertThat(refused.output()).contains("Thiếu tệp khóa", "The vault's key file is missing",
				keyless.resolve("vault").resolve("keys.json").toString(), "LOIVE_VAULT_KEYS_FILE");
		assertThat(root.resolve("keyless-restore")).doesNotExist();
	}

	/** Against the database the first test restored and started. */
	@Test
	@Order(3)
	void theCheckWithoutTheKeyFileOrWithAnotherInstallationsFailsNamingIt() throws Exception {
		assertThat(restored).as("restored by the first test").isNotNull();
		Path missing = root.resolve("nowhere").resolve("keys.json");
		Run withoutKeys = check(missing);
		assertThat(withoutKeys.status()).as(withoutKeys.output()).isNotZero();
		assertThat(withoutKeys.output()).contains("không có tệp khóa " + missing, "the key file " + missing + " does not exist",
				"LOIVE_VAULT_KEYS_FILE");

		Path another = root.resolve("another").resolve("keys.json");
		Files.createDirectories(another.getParent());
		Run made = run(Map.of("LOIVE_VAULT_MASTER_KEY", MASTER_KEY), Duration.ofMinutes(1), JAVA, "-cp", JAR.toString(),
				"-Dloader.main=org.loive.vault.VaultKeysCommand", "org.springframework.boot.loader.launch.PropertiesLauncher",
				"new-keys", another.toString());
		assertThat(made.status()).as(made.output()).isZero();
		Run withOthers = check(another);
		assertThat(withOthers.status()).as(withOthers.output()).isNotZero();
		assertThat(withOthers.output()).contains(another + " (loive.vault.keys-file, LOIVE_VAULT_KEYS_FILE)",
				"opens none of this database's data keys");
		System.out.println("BackupRestoreIT: refused\n" + Stream.of(refusal(withoutKeys), refusal(withOthers))
			.collect(Collectors.joining("\n")));
	}

	/** Three cases, each with its person, a minor and a relative, sections written, one person erased. */
	private void work(String base) {
		String police = Api.token("police.qng");
		String[][] people = { { "Nguyễn Thị Hồng", "0905 333 444" }, { "Trần Văn Bình", null }, { "Lê Thị Mai", null } };
		for (String[] person : people) {
			Reply received = post(base, "/api/v1/referrals", police, referral(person[0], person[1],
					",\"accompanyingMinors\":[{\"fullName\":\"Bé " + person[0] + "\",\"birthDate\":\"2016-01-01\"}]"));
			assertThat(received.status()).as(received.raw().body()).isEqualTo(201);
			String caseId = received.body().get("caseId").asText();
			cases.add(caseId);
			get(base, "/api/v1/cases/" + caseId, police).body().get("persons")
				.forEach(linked -> persons.add(linked.get("personId").asText()));
		}
		String caseId = cases.get(0);
		Reply relative = post(base, "/api/v1/cases/" + caseId + "/persons", police, """
				{"role":"RELATIVE","person":{"fullName":"Nguyễn Văn Hải","phone":"0987 654 321","sex":"M"}}""");
		assertThat(relative.status()).as(relative.raw().body()).isEqualTo(201);
		erased = get(base, "/api/v1/cases/" + caseId, police).body().get("persons").findValuesAsText("personId").stream()
			.filter(id -> !persons.contains(id)).findFirst().orElseThrow();
		String first = persons.get(0);
		Reply health = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + caseId + "/persons/" + first))
			.header("Authorization", "Bearer " + police).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"health\":{\"notes\":\"Chấn thương vai trái\"}}")));
		assertThat(health.status()).as(health.raw().body()).isEqualTo(204);
		assertThat(get(base, "/api/v1/cases/" + caseId + "/persons/" + first + "?sections=identity", police).status())
			.isEqualTo(200);
		Reply erasure = post(base, "/api/v1/cases/" + caseId + "/persons/" + erased + "/erasure", Api.token("admin"),
				"{\"reason\":\"LAWFUL_REQUEST\"}");
		assertThat(erasure.status()).as(erasure.raw().body()).isEqualTo(204);
	}

	private static String referral(String name, String phone, String more) {
		return """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"%s","birthDate":"2001-03-04","sex":"F","nationality":"VN",
				           "idNumber":"079301000123","idType":"CITIZEN_ID"%s},
				 "narrative":"Bị lừa sang Campuchia"%s}"""
			.formatted(IntegrationTest.JUST_RECEIVED, name, phone == null ? "" : ",\"phone\":\"" + phone + "\"", more);
	}

	/** Until the witness holds a checkpoint at the chain's newest event: the backup then has one to agree on. */
	private static void awaitWitnessAtHead(EmbeddedDatabase database, Path witness) throws Exception {
		Instant deadline = Instant.now().plusSeconds(30);
		try (Connection connection = database.connect(TestPostgres.OWNER)) {
			while (true) {
				long head;
				try (ResultSet row = connection.createStatement().executeQuery("select max(seq) from loive.audit_event")) {
					row.next();
					head = row.getLong(1);
				}
				if (head > 0 && Files.exists(witness) && newestWitnessed(witness) == head) {
					return;
				}
				assertThat(Instant.now()).as("the witness reaches the chain's head").isBefore(deadline);
				Thread.sleep(200);
			}
		}
	}

	private static long newestWitnessed(Path witness) throws IOException {
		List<String> lines = Files.readAllLines(witness).stream().filter(line -> !line.isBlank()).toList();
		return lines.isEmpty() ? 0 : JSON.readTree(lines.get(lines.size() - 1)).get("seq").asLong();
	}

	/** tools/backup/check.sh against the restored database and witness, with this key file. */
	private Run check(Path keys) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("LOIVE_JAR", JAR.toString());
		env.put("JAVA", JAVA);
		env.put("JAVA_OPTS", "-Xmx768m -XX:+UseSerialGC");
		env.put("LOIVE_DB_URL", "jdbc:postgresql://127.0.0.1:" + restoredPort + "/" + TestPostgres.OWNER.database());
		env.put("LOIVE_DB_USER", TestPostgres.RUNTIME.user());
		env.put("LOIVE_DB_PASSWORD", TestPostgres.RUNTIME.password());
		env.put("LOIVE_DB_MIGRATION_USER", TestPostgres.OWNER.user());
		env.put("LOIVE_DB_MIGRATION_PASSWORD", TestPostgres.OWNER.password());
		env.put("LOIVE_VAULT_MASTER_KEY", MASTER_KEY);
		env.put("LOIVE_VAULT_KEYS_FILE", keys.toString());
		env.put("LOIVE_AUDIT_WITNESS_DIRECTORY", restored.resolve("audit-witness").toString());
		return run(env, Duration.ofMinutes(4), TOOLS.resolve("check.sh").toString());
	}

	/** The lines of a refused start that say why. */
	private static String refusal(Run check) {
		return check.output().lines().filter(line -> line.contains("LOIVE_VAULT_KEYS_FILE")).collect(Collectors.joining("\n"));
	}

	private static JsonNode report(Run check) throws IOException {
		String line = check.output().lines().filter(l -> l.startsWith(RestoreCheck.REPORT_PREFIX)).findFirst()
			.orElseThrow(() -> new AssertionError("no report line:\n" + check.output()));
		return JSON.readTree(line.substring(RestoreCheck.REPORT_PREFIX.length()));
	}

	private record Run(int status, String output) {
	}

	/** A command with these variables added to the environment, its output and error together. */
	private Run run(Map<String, String> env, Duration timeout, String... command) {
		try {
			Path log = Files.createTempFile(root, "run", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(env);
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError(String.join(" ", command) + " did not end in " + timeout + ":\n" + Files.readString(log));
			}
			return new Run(process.exitValue(), Files.readString(log));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void pgCtl(Path data, String... arguments) {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(pgBin().resolve("pg_ctl").toString());
		command.addAll(List.of("-D", data.toString()));
		command.addAll(List.of(arguments));
		run(Map.of(), Duration.ofMinutes(1), command.toArray(String[]::new));
	}

	/** The PostgreSQL binaries the embedded database unpacked (zonky: under the temporary directory). */
	private static Path pgBin() {
		try (Stream<Path> unpacked = Files.list(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"))) {
			return unpacked.map(dir -> dir.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
				.findFirst().orElseThrow(() -> new AssertionError("no PostgreSQL binaries under embedded-pg"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	private static Reply get(String base, String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
	}

	private static Reply post(String base, String path, String token, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static Reply send(HttpRequest.Builder request) {
		return Api.send(request.build());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
