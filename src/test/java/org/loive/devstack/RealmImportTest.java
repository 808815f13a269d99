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
		KeycloakServer.writeRealmImport(directory, "loive");
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
		KeycloakServer.writeRealmImport(directory, "loive");
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
		KeycloakServer.writeRealmImport(directory, "loive");
		JsonNode realm = json.readTree(directory.resolve("loive-realm.json").toFile());

		for (String clientId : List.of("loive-app", "loive-cli")) {
			assertThat(client(realm, clientId).get("protocolMappers").findValuesAsText("claim.name")).as(clientId)
				.contains("groups", "roles", "area");
			assertThat(client(realm, clientId).get("protocolMappers").findValuesAsText("included.client.audience"))
				.containsExactly("loive-api");
		}
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
