package org.loive.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.access.Agency;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The production realm has neither the public CLI client nor demo users; the dev import adds both. */
class RealmImportTest {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void productionRealmHasNoDevClientAndNoUsers() throws IOException {
		JsonNode realm = json.readTree(Path.of("keycloak-realm/loive-realm.json").toFile());

		assertThat(realm.get("clients").findValuesAsText("clientId")).containsExactlyInAnyOrder("loive-app", "loive-api")
			.doesNotContain("loive-cli");
		assertThat(realm.has("users")).isFalse();
		assertThat(realm.get("roles").get("realm").findValuesAsText("name"))
			.containsExactlyInAnyOrder("caseworker", "supervisor", "auditor", "admin");
		assertThat(realm.get("groups").findValuesAsText("name")).containsExactlyInAnyOrder("police", "border-guard",
				"health", "legal-aid", "commune", "foreign-affairs", "education", "labour", "womens-union", "youth-union",
				"social-policy-bank", "procuracy", "court");
		JsonNode app = client(realm, "loive-app");
		assertThat(app.get("publicClient").asBoolean()).isFalse();
		assertThat(app.get("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(app.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
		assertThat(app.get("secret").asText()).isEqualTo("${LOIVE_OIDC_CLIENT_SECRET}");
	}

	@Test
	void devImportAddsTheCliClientAndTheDemoUsers(@TempDir Path directory) throws IOException {
		KeycloakServer.writeRealmImport(directory, "loive", false);
		JsonNode realm = json.readTree(directory.resolve("loive-realm.json").toFile());

		assertThat(realm.get("clients").findValuesAsText("clientId")).contains("loive-app", "loive-api", "loive-cli");
		assertThat(client(realm, "loive-cli").get("directAccessGrantsEnabled").asBoolean()).isTrue();
		assertThat(realm.get("users").findValuesAsText("username")).containsExactlyInAnyOrder("police.qng",
				"border.qng", "health.qng", "legalaid.qng", "commune.qng", "foreignaffairs.qng", "education.qng", "labour.qng",
				"womensunion.qng", "youthunion.qng", "socialbank.qng", "procuracy.qng", "court.qng", "supervisor.qng", "auditor", "admin", "police.gli");
		assertThat(realm.get("groups").size()).as("groups are not duplicated by the merge").isEqualTo(13);
	}

	@Test
	void everyAgencyIsAGroupWithADemoCaseworkerOfQuangNgai(@TempDir Path directory) throws IOException {
		KeycloakServer.writeRealmImport(directory, "loive", false);
		JsonNode realm = json.readTree(directory.resolve("loive-realm.json").toFile());

		for (Agency agency : Agency.values()) {
			assertThat(realm.get("groups").findValuesAsText("name")).as("group of %s", agency).contains(agency.group());
			List<JsonNode> caseworkers = new ArrayList<>();
			realm.get("users").forEach(user -> {
				if (texts(user.get("groups")).contains("/" + agency.group())
						&& texts(user.get("realmRoles")).equals(List.of("caseworker"))
						&& texts(user.path("attributes").path("area")).equals(List.of("QNG"))
						&& user.get("credentials").get(0).get("value").asText().equals("demo")) {
					caseworkers.add(user);
				}
			});
			assertThat(caseworkers).as("demo caseworkers of %s in QNG, password demo", agency).isNotEmpty();
		}
	}

	@Test
	void everyClientOfTheRealmCarriesTheOfficerClaims(@TempDir Path directory) throws IOException {
		KeycloakServer.writeRealmImport(directory, "loive", false);
		JsonNode realm = json.readTree(directory.resolve("loive-realm.json").toFile());

		for (String clientId : List.of("loive-app", "loive-cli")) {
			assertThat(client(realm, clientId).get("protocolMappers").findValuesAsText("claim.name")).as(clientId)
				.contains("groups", "roles", "area");
			assertThat(client(realm, clientId).get("protocolMappers").findValuesAsText("included.client.audience"))
				.containsExactly("loive-api");
		}
	}

	/** An officer who has no second factor cannot log in to production: the one way in asks for the OTP. */
	@Test
	void productionBrowserLoginRequiresAOneTimeCode() throws IOException {
		JsonNode realm = json.readTree(Path.of("keycloak-realm/loive-realm.json").toFile());

		JsonNode browser = flow(realm, realm.get("browserFlow").asText());
		assertThat(browser.get("topLevel").asBoolean()).isTrue();
		// every way through the top level is the session cookie (of a login that gave its OTP) or the forms
		assertThat(browser.get("authenticationExecutions")).allSatisfy(execution -> {
			assertThat(execution.get("requirement").asText()).isEqualTo("ALTERNATIVE");
			assertThat(execution.path("authenticator").asText(execution.path("flowAlias").asText()))
				.isIn("auth-cookie", "loive browser forms");
		});
		JsonNode forms = flow(realm, "loive browser forms");
		assertThat(requirement(forms, "auth-username-password-form")).isEqualTo("REQUIRED");
		assertThat(requirement(forms, "auth-otp-form")).isEqualTo("REQUIRED");
		assertThat(forms.get("authenticationExecutions").findValuesAsText("requirement"))
			.as("nothing in the forms may stand in for the OTP").doesNotContain("ALTERNATIVE");
		// a registered security key is asked for as well
		JsonNode key = flow(realm, "loive browser security key");
		assertThat(requirement(key, "conditional-user-configured")).isEqualTo("REQUIRED");
		assertThat(requirement(key, "webauthn-authenticator")).isEqualTo("REQUIRED");

		JsonNode totp = requiredAction(realm, "CONFIGURE_TOTP");
		assertThat(totp.get("enabled").asBoolean()).isTrue();
		assertThat(totp.get("defaultAction").asBoolean()).isTrue();
		assertThat(requiredAction(realm, "webauthn-register").get("enabled").asBoolean()).isTrue();
		// what every authenticator app understands (README, "Second factor")
		assertThat(List.of(realm.get("otpPolicyType").asText(), realm.get("otpPolicyAlgorithm").asText(),
				realm.get("otpPolicyDigits").asText(), realm.get("otpPolicyPeriod").asText()))
			.containsExactly("totp", "HmacSHA1", "6", "30");
		assertThat(realm.get("otpPolicyCodeReusable").asBoolean()).isFalse();
	}

	/** The realm import replaces every flow: those Keycloak's clients and settings point to must all be there. */
	@Test
	void productionRealmKeepsEveryBuiltInFlow() throws IOException {
		JsonNode realm = json.readTree(Path.of("keycloak-realm/loive-realm.json").toFile());

		assertThat(realm.get("authenticationFlows").findValuesAsText("alias")).contains("browser", "direct grant",
				"registration", "reset credentials", "clients", "first broker login", "docker auth");
		realm.get("authenticationFlows").forEach(flow -> flow.get("authenticationExecutions").forEach(execution -> {
			if (execution.has("flowAlias")) {
				flow(realm, execution.get("flowAlias").asText());
			}
		}));
	}

	@Test
	void devImportLogsInByPasswordUnlessMfaIsAsked(@TempDir Path directory) throws IOException {
		KeycloakServer.writeRealmImport(directory.resolve("password"), "loive", false);
		KeycloakServer.writeRealmImport(directory.resolve("mfa"), "loive", true);

		assertThat(json.readTree(directory.resolve("password/loive-realm.json").toFile()).get("browserFlow").asText())
			.isEqualTo("browser");
		assertThat(json.readTree(directory.resolve("mfa/loive-realm.json").toFile()).get("browserFlow").asText())
			.isEqualTo("loive browser");
	}

	private static JsonNode flow(JsonNode realm, String alias) {
		for (JsonNode flow : realm.get("authenticationFlows")) {
			if (flow.get("alias").asText().equals(alias)) {
				return flow;
			}
		}
		throw new AssertionError("no flow " + alias);
	}

	private static String requirement(JsonNode flow, String authenticator) {
		for (JsonNode execution : flow.get("authenticationExecutions")) {
			if (execution.path("authenticator").asText().equals(authenticator)) {
				return execution.get("requirement").asText();
			}
		}
		throw new AssertionError("no " + authenticator + " in " + flow.get("alias").asText());
	}

	private static JsonNode requiredAction(JsonNode realm, String alias) {
		for (JsonNode action : realm.get("requiredActions")) {
			if (action.get("alias").asText().equals(alias)) {
				return action;
			}
		}
		throw new AssertionError("no required action " + alias);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(item.asText()));
		return texts;
	}

	private static JsonNode client(JsonNode realm, String clientId) {
		for (JsonNode client : realm.get("clients")) {
			if (client.get("clientId").asText().equals(clientId)) {
				return client;
			}
		}
		throw new AssertionError("no client " + clientId);
	}
}
