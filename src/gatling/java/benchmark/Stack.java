package benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The stack {@code benchmark.LoadStack} started, as it wrote it to {@code target/gatling/stack.properties}, and the
 * bearer token of the demo caseworker the simulation acts as: fetched from Keycloak before the run (password grant
 * of {@code loive-cli}), fetched again a minute before it expires.
 */
final class Stack {

	static final String USER = "police.qng";
	private static final HttpClient http = HttpClient.newHttpClient();
	private static final Properties addresses = load(Path.of(System.getProperty("benchmark.stack", "target/gatling/stack.properties")));
	private static volatile String token;
	private static volatile Instant renewAt = Instant.MIN;

	private Stack() {
	}

	/** The first {@code count} nodes of {@code loive.nodes} or {@code bare.nodes}. */
	static List<String> nodes(String key, int count) {
		List<String> all = Arrays.asList(addresses.getProperty(key).split(","));
		return all.subList(0, Math.min(count, all.size()));
	}

	static String token() {
		if (Instant.now().isAfter(renewAt)) {
			renew();
		}
		return token;
	}

	private static synchronized void renew() {
		if (Instant.now().isBefore(renewAt)) {
			return;
		}
		String form = "client_id=loive-cli&grant_type=password&username=" + USER + "&password="
				+ URLEncoder.encode("demo", StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(addresses.getProperty("keycloak.token")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Keycloak answered " + response.statusCode());
			}
			JsonNode grant = new ObjectMapper().readTree(response.body());
			token = grant.get("access_token").asText();
			renewAt = Instant.now().plusSeconds(grant.get("expires_in").asLong() - 60);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException("no stack at " + file.toAbsolutePath() + ": bench/load.sh starts it", e);
		}
		return properties;
	}
}
