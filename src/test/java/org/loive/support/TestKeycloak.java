package org.loive.support;

import org.loive.devstack.KeycloakServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One real Keycloak per test JVM, from the distribution the build unpacked, with the dev realm
 * (demo users, {@code loive-cli}) imported into the test PostgreSQL. Port 8181 keeps clear of a dev run.
 */
public final class TestKeycloak {

	/** Overridable, so that two checkouts can run their integration tests side by side. */
	public static final int PORT = Integer.getInteger("loive.test.keycloak-port", 8181);
	public static final int APP_PORT = Integer.getInteger("loive.test.app-port", 18080);
	public static final String CLIENT_SECRET = "integration-test-secret";
	/** Of the master realm's {@code admin}. */
	public static final String ADMIN_PASSWORD = "integration-test-admin";

	private static KeycloakServer server;

	private TestKeycloak() {
	}

	public static synchronized KeycloakServer get() {
		if (server == null) {
			Path home = Path.of(System.getProperty("loive.keycloak.home", "target/keycloak/keycloak-unknown"));
			server = KeycloakServer.start(new KeycloakServer.Settings(home, PORT, "loive", TestPostgres.get(),
					TestPostgres.KEYCLOAK, Path.of("target/keycloak-it.log"), ADMIN_PASSWORD,
					Map.of("LOIVE_APP_URL", "http://localhost:" + APP_PORT, "LOIVE_OIDC_CLIENT_SECRET", CLIENT_SECRET)))
				.awaitReady(Duration.ofMinutes(4));
			Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		}
		return server;
	}
}
