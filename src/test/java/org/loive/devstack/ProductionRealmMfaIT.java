package org.loive.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loive.support.TestKeycloak;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: an officer's password leaks. The production realm, imported into the test Keycloak as it ships,
 * does not let the password alone in: the first login is sent to set up a one-time code, every later login asks for
 * it. The dev realm beside it still logs its demo users in by password, which the same steps show.
 */
class ProductionRealmMfaIT {

	private static final ObjectMapper json = new ObjectMapper();
	private static final String REDIRECT = "http://localhost:" + TestKeycloak.APP_PORT + "/login/oauth2/code/keycloak";
	private static final String PASSWORD = "mat-khau-dai-" + Instant.now().getEpochSecond();

	private final String realm = "loive-mfa-" + System.nanoTime();
	private String admin;

	@BeforeEach
	void importTheProductionRealm() throws IOException {
		admin = adminToken();
		String file = Files.readString(Path.of("keycloak-realm/loive-realm.json"))
			.replace("${LOIVE_APP_URL}", "http://localhost:" + TestKeycloak.APP_PORT)
			.replace("${LOIVE_OIDC_CLIENT_SECRET}", TestKeycloak.CLIENT_SECRET);
		ObjectNode production = (ObjectNode) json.readTree(file);
		production.put("realm", realm);
		assertThat(send(adminRequest("/admin/realms").POST(body(production))).statusCode()).isEqualTo(201);
	}

	@AfterEach
	void removeIt() {
		send(adminRequest("/admin/realms/" + realm).DELETE());
	}

	@Test
	void thePasswordAloneIsNotEnoughInProduction() throws Exception {
		String userId = createOfficer();
		// no required action left on the user: what asks for the OTP is the login flow itself
		send(adminRequest("/admin/realms/" + realm + "/users/" + userId)
			.PUT(body(json.createObjectNode().set("requiredActions", json.createArrayNode()))));
		assertThat(json.readTree(send(adminRequest("/admin/realms/" + realm + "/users/" + userId).GET()).body())
			.get("requiredActions")).isEmpty();

		Browser first = new Browser(realm);
		HttpResponse<String> afterPassword = first.logIn("officer.mfa", PASSWORD);
		assertThat(afterPassword.statusCode()).isEqualTo(200);
		assertThat(afterPassword.body()).as("the OTP set-up, not the application").contains("kc-totp-settings-form");

		String secret = first.field(afterPassword.body(), "totpSecret");
		HttpResponse<String> configured = first.post(first.action(afterPassword.body(), "kc-totp-settings-form"),
				Map.of("totp", totp(secret), "totpSecret", secret, "userLabel", "điện thoại / phone"));
		assertThat(configured.statusCode()).isEqualTo(302);
		assertThat(configured.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT).contains("code=");

		Browser later = new Browser(realm);
		HttpResponse<String> secondLogin = later.logIn("officer.mfa", PASSWORD);
		assertThat(secondLogin.statusCode()).as("the password leads to the OTP form, not to the application")
			.isEqualTo(200);
		assertThat(secondLogin.body()).contains("kc-otp-login-form");
	}

	@Test
	void theDevRealmStillLogsDemoUsersInByPassword() throws Exception {
		HttpResponse<String> afterPassword = new Browser("loive").logIn("police.qng", "demo");

		assertThat(afterPassword.statusCode()).isEqualTo(302);
		assertThat(afterPassword.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT).contains("code=");
	}

	private String createOfficer() throws IOException {
		ObjectNode user = json.createObjectNode()
			.put("username", "officer.mfa")
			.put("enabled", true)
			.put("firstName", "Bình")
			.put("lastName", "Trần")
			.put("email", "officer.mfa@test.loive.invalid")
			.put("emailVerified", true);
		user.putObject("attributes").putArray("area").add("QNG");
		user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
		HttpResponse<String> created = send(adminRequest("/admin/realms/" + realm + "/users").POST(body(user)));
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** RFC 6238 with the realm's policy (HMAC-SHA1, 6 digits, 30 s); Keycloak keys it with the secret's bytes. */
	private static String totp(String secret) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(Instant.now().getEpochSecond() / 30).array());
		int offset = hash[hash.length - 1] & 0xf;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		return "%06d".formatted(binary % 1_000_000);
	}

	private static String adminToken() throws IOException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(TestKeycloak.get().url() + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("client_id", "admin-cli", "grant_type", "password",
					"username", "admin", "password", TestKeycloak.ADMIN_PASSWORD))))
			.build();
		return json.readTree(send(request).body()).get("access_token").asText();
	}

	private HttpRequest.Builder adminRequest(String path) {
		return HttpRequest.newBuilder(URI.create(TestKeycloak.get().url() + path))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json");
	}

	private static HttpRequest.BodyPublisher body(JsonNode node) {
		return HttpRequest.BodyPublishers.ofString(node.toString());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		return send(request.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		return send(HttpClient.newHttpClient(), request);
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * A browser's login through the application's client, following Keycloak's own redirects, not the one back to
	 * the application. It keeps Keycloak's cookies itself:
	 * they are {@code Secure}, which browsers send to http://localhost and Java's cookie manager does not.
	 */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		private final Map<String, String> cookies = new LinkedHashMap<>();
		private final String realm;

		Browser(String realm) {
			this.realm = realm;
		}

		HttpResponse<String> logIn(String username, String password) throws GeneralSecurityException {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
					MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
			Map<String, String> query = new LinkedHashMap<>();
			query.put("client_id", "loive-app");
			query.put("response_type", "code");
			query.put("scope", "openid");
			query.put("redirect_uri", REDIRECT);
			query.put("state", "s" + System.nanoTime());
			query.put("code_challenge", challenge);
			query.put("code_challenge_method", "S256");
			HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(TestKeycloak.get().url() + "/realms/"
					+ realm + "/protocol/openid-connect/auth?" + form(query))).GET());
			assertThat(page.statusCode()).isEqualTo(200);
			return post(action(page.body(), "kc-form-login"), Map.of("username", username, "password", password,
					"credentialId", ""));
		}

		HttpResponse<String> post(String url, Map<String, String> fields) {
			return send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet()
					.stream()
					.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> response = ProductionRealmMfaIT.send(http, request.build());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (value.isEmpty()) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() == 302 && location.startsWith(TestKeycloak.get().url())) {
				return send(HttpRequest.newBuilder(URI.create(location)).GET());
			}
			return response;
		}

		String action(String html, String formId) {
			Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(html);
			assertThat(form.find()).as("form %s on the page", formId).isTrue();
			Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
			assertThat(action.find()).isTrue();
			return action.group(1).replace("&amp;", "&");
		}

		String field(String html, String name) {
			Matcher field = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
			assertThat(field.find()).as("field %s on the page", name).isTrue();
			return field.group(1);
		}
	}
}
