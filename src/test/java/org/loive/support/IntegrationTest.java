package org.loive.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.loive.LoiVeApplication;
import org.loive.platform.ConfigSecrets;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on port 18080 (or {@code loive.test.app-port}) against a
 * real PostgreSQL and a real Keycloak, no mocked token decoder. It connects as the runtime role, Flyway as the
 * owner; the database password reaches it encrypted, as in production. Metrics are exported as in production
 * (Spring's tests would keep only an in-memory registry), so {@code /actuator/prometheus} answers.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = LoiVeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class IntegrationTest {

	protected static final String BASE = "http://localhost:" + TestKeycloak.APP_PORT;

	/**
	 * When the tests' reports were received: a minute before the run, so that no step is overdue on arrival
	 * (classification counts from the report's receipt) and no escalation runs beside the test's own work.
	 */
	public static final String JUST_RECEIVED = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
	private static final String SECRETS_PASSWORD = "integration-test-jasypt-password";
	/** The bearer token Prometheus would scrape with. */
	public static final String SCRAPE_TOKEN = "integration-test-scrape-token";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		var database = TestPostgres.get();
		var keycloak = TestKeycloak.get();
		registry.add("server.port", () -> TestKeycloak.APP_PORT);
		registry.add("spring.datasource.url", () -> database.jdbcUrl(TestPostgres.RUNTIME.database()));
		registry.add("spring.datasource.username", TestPostgres.RUNTIME::user);
		// as an operator would give it: Jasypt ENC(...)
		registry.add("jasypt.encryptor.password", () -> SECRETS_PASSWORD);
		registry.add("spring.datasource.password",
				() -> "ENC(" + ConfigSecrets.encryptor(SECRETS_PASSWORD).encrypt(TestPostgres.RUNTIME.password()) + ")");
		registry.add("spring.flyway.user", TestPostgres.OWNER::user);
		registry.add("spring.flyway.password", TestPostgres.OWNER::password);
		registry.add("loive.keycloak.url", keycloak::url);
		registry.add("loive.keycloak.client-secret", () -> TestKeycloak.CLIENT_SECRET);
		registry.add("loive.vault.master-key", () -> TestVault.MASTER_KEY);
		registry.add("loive.vault.keys-file", TestVault::keysFile);
		registry.add("loive.vault.create-keys-if-missing", () -> "true");
		registry.add("loive.metrics.scrape-token", () -> SCRAPE_TOKEN);
		registry.add("loive.audit.witness.directory", TestVault::witnessDirectory);
	}
}
