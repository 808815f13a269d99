package org.loive.devstack;

import com.zaxxer.hikari.HikariDataSource;
import org.loive.access.KeycloakProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on a fresh clone: embedded PostgreSQL (unless {@code LOIVE_DB_URL} names an
 * external one) and a local Keycloak, both stopped with the application.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevStackConfiguration {

	/** Owns the database and schema loive; the migrations run as it. */
	static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("loive", "loive", "loive");
	/** The application's connections: owns nothing in schema loive (README, "Configuration"). */
	static final EmbeddedDatabase.Account RUNTIME = new EmbeddedDatabase.Account("loive", "loive_app", "loive_app");
	static final EmbeddedDatabase.Account KEYCLOAK = new EmbeddedDatabase.Account("keycloak", "keycloak", "keycloak");

	/**
	 * The embedded PostgreSQL, unless {@code LOIVE_DB_URL} names another. A second node of the dev run
	 * ({@code loive.dev.second-node}) starts none: it joins the one of the first node, as the same roles
	 * (README, "Two nodes").
	 */
	@Configuration(proxyBeanMethods = false)
	@Profile("dev")
	@ConditionalOnExpression("'${LOIVE_DB_URL:}'.isEmpty()")
	static class EmbeddedDatabaseConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnProperty(name = "loive.dev.second-node", havingValue = "false", matchIfMissing = true)
		EmbeddedDatabase embeddedDatabase(DevStackProperties dev) {
			EmbeddedDatabase database = EmbeddedDatabase.start(dev.databasePort(), dev.dataDirectory().resolve("postgres"),
					true, List.of(OWNER, KEYCLOAK));
			database.ensureRuntimeRole(RUNTIME);
			return database;
		}

		/**
		 * The runtime role's pool, with the rest of {@code spring.datasource.hikari} (pool name, search path).
		 * Depends on Keycloak so that Keycloak boots while the engine does.
		 */
		@Bean
		@ConfigurationProperties("spring.datasource.hikari")
		HikariDataSource dataSource(DevStackProperties dev, Optional<EmbeddedDatabase> database, KeycloakServer keycloak) {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(jdbcUrl(dev, database));
			dataSource.setUsername(RUNTIME.user());
			dataSource.setPassword(RUNTIME.password());
			return dataSource;
		}

		/** Flyway migrates as the owner and grants the runtime role its rights (V4__runtime_role.sql). */
		@Bean
		FlywayConfigurationCustomizer migrateAsOwner(DevStackProperties dev, Optional<EmbeddedDatabase> database) {
			return flyway -> {
				var placeholders = new HashMap<>(flyway.getPlaceholders());
				placeholders.put("runtime-role", RUNTIME.user());
				flyway.dataSource(jdbcUrl(dev, database), OWNER.user(), OWNER.password()).placeholders(placeholders);
			};
		}

		/** The application's database (owner and runtime role share it): this run's, or the first node's. */
		private static String jdbcUrl(DevStackProperties dev, Optional<EmbeddedDatabase> database) {
			return database.map(embedded -> embedded.jdbcUrl(RUNTIME.database()))
				.orElse("jdbc:postgresql://127.0.0.1:" + dev.databasePort() + "/" + RUNTIME.database());
		}
	}

	/** Takes the database, when embedded, so that Keycloak stops before it. */
	@Bean(destroyMethod = "close")
	KeycloakServer keycloakServer(DevStackProperties dev, KeycloakProperties keycloak,
			Optional<EmbeddedDatabase> database) {
		if (dev.secondNode()) {
			return KeycloakServer.join(new KeycloakServer.Settings(dev.keycloakHome(), dev.keycloakPort(), keycloak.realm(),
					null, KEYCLOAK, dev.dataDirectory().resolve("logs/keycloak.log"), "", Map.of()));
		}
		return KeycloakServer.start(new KeycloakServer.Settings(dev.keycloakHome(), dev.keycloakPort(), keycloak.realm(),
				database.orElse(null), KEYCLOAK, dev.dataDirectory().resolve("logs/keycloak.log"),
				adminPassword(dev.dataDirectory()), Map.of("LOIVE_APP_URL", dev.appUrl(), "LOIVE_OIDC_CLIENT_SECRET",
						keycloak.clientSecret()), dev.mfa()));
	}

	@Bean
	DevStackBanner devStackBanner(KeycloakServer keycloak, DevStackProperties dev,
			Optional<EmbeddedDatabase> database) {
		return new DevStackBanner(keycloak, dev, database.isPresent());
	}

	/** Keycloak's master-realm admin of the dev run: a random password made once and kept in ./data. */
	static String adminPassword(Path dataDirectory) {
		Path file = dataDirectory.resolve("keycloak-admin-password");
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[18];
				new SecureRandom().nextBytes(random);
				Files.createDirectories(dataDirectory);
				Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
			}
			// readable by the developer only, as the database superuser's (files of earlier runs too)
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			return Files.readString(file).trim();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
