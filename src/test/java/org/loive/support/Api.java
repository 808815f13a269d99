package org.loive.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A plain HTTP client for the API, with tokens from the real Keycloak through {@code loive-cli}. */
public final class Api {

	private static final HttpClient http = HttpClient.newHttpClient();
	private static final ObjectMapper json = new ObjectMapper();
	private static final Map<String, Token> tokens = new ConcurrentHashMap<>();

	/** An access token and the moment to fetch a new one, a minute before it expires. */
	private record Token(String value, Instant renewAt) {
	}

	/** A response: status, headers and the body parsed as JSON (null when empty). */
	public record Reply(int status, HttpResponse<String> raw, JsonNode body) {

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}
	}

	private Api() {
	}

	/**
	 * Password grant of a demo user (password "demo"), cached until shortly before it expires: the realm's
	 * tokens live five minutes, less than a whole run of the integration tests.
	 */
	public static String token(String username) {
		return tokens.compute(username, (user, cached) -> cached != null && Instant.now().isBefore(cached.renewAt())
				? cached : freshToken(user)).value();
	}

	private static Token freshToken(String username) {
		JsonNode grant = passwordGrant("loive-cli", username);
		return new Token(grant.get("access_token").asText(),
				Instant.now().plusSeconds(grant.get("expires_in").asLong() - 60));
	}

	public static JsonNode passwordGrant(String clientId, String username) {
		String form = Map.of("client_id", clientId, "grant_type", "password", "username", username, "password", "demo")
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(TestKeycloak.get().issuer() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return send(request).body();
	}

	public static Reply get(String path, String token) {
		return send(builder(path, token).GET().build());
	}

	public static Reply post(String path, String token, String body) {
		return post(path, token, "application/json", body);
	}

	public static Reply post(String path, String token, String contentType, String body) {
		HttpRequest.Builder builder = builder(path, token);
		if (body == null) {
			builder.POST(HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return send(builder.build());
	}

	public static HttpRequest.Builder builder(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(IntegrationTest.BASE + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	public static Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
			return new Reply(response.statusCode(), response, body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
