package org.loive.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Keycloak already answering on the port is reused, not started a second time. */
class KeycloakReuseTest {

	private HttpServer running;

	@AfterEach
	void stop() {
		if (running != null) {
			running.stop(0);
		}
	}

	@Test
	void keycloakAlreadyAnsweringIsReused() throws IOException {
		running = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		running.createContext("/realms/loive/.well-known/openid-configuration", exchange -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		running.start();

		// a home without any distribution: starting a process from it would fail
		KeycloakServer server = KeycloakServer.start(settings(running.getAddress().getPort()));

		assertThat(server.awaitReady(Duration.ofSeconds(5)).url()).endsWith(":" + running.getAddress().getPort());
		server.close();
		assertThat(KeycloakServer.answers(server.issuer() + "/.well-known/openid-configuration"))
			.as("a reused Keycloak is left running")
			.isTrue();
	}

	@Test
	void missingDistributionFailsWithAClearMessage() {
		assertThatThrownBy(() -> KeycloakServer.start(settings(1))).hasMessageContaining("Keycloak");
	}

	private static KeycloakServer.Settings settings(int port) {
		return new KeycloakServer.Settings(Path.of("target/no-such-keycloak"), port, "loive", null, null,
				Path.of("target/keycloak-reuse-test.log"), "unused", Map.of());
	}
}
