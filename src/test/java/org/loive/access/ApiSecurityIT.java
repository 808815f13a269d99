package org.loive.access;

import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.IntegrationTest;
import org.loive.support.TestKeycloak;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.Api.token;

/** Bearer tokens from the real Keycloak against the real application: who gets in, who is refused. */
class ApiSecurityIT extends IntegrationTest {

	@Test
	void healthAndKeycloakDiscoveryAnswer() {
		assertThat(Api.get("/actuator/health", null).body().get("status").asText()).isEqualTo("UP");
		HttpRequest discovery = HttpRequest
			.newBuilder(URI.create(TestKeycloak.get().issuer() + "/.well-known/openid-configuration"))
			.build();
		assertThat(Api.send(discovery).body().get("issuer").asText()).isEqualTo(TestKeycloak.get().issuer());
	}

	@Test
	void caseworkerReadsTheirTasks() {
		Reply reply = Api.get("/api/v1/tasks", token("police.qng"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().has("items")).isTrue();
	}

	@Test
	void noTokenIsUnauthenticatedWithABearerChallenge() {
		Reply reply = Api.get("/api/v1/tasks", null);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.body().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void auditorAndAdminMayNotWorkOnTasks() {
		for (String user : new String[] { "auditor", "admin", "supervisor.qng" }) {
			Reply reply = Api.get("/api/v1/tasks", token(user));
			assertThat(reply.status()).as(user).isEqualTo(403);
			assertThat(reply.body().get("title").asText()).isEqualTo("Không có quyền");
		}
	}

	@Test
	void tamperedTokenIsRefused() {
		String token = token("auditor");
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + Api.token("police.qng").split("\\.")[1] + "." + parts[2];

		assertThat(Api.get("/api/v1/tasks", forged).status()).isEqualTo(401);
		assertThat(Api.get("/api/v1/tasks", "not-a-jwt").status()).isEqualTo(401);
	}

	@Test
	void tokenForAnotherAudienceIsRefused() {
		// admin-cli issues tokens of the same realm and issuer, but without the API audience
		String other = Api.passwordGrant("admin-cli", "police.qng").get("access_token").asText();

		assertThat(Api.get("/api/v1/tasks", other).status()).isEqualTo(401);
	}

	@Test
	void engineRestIsForSupervisorsAndAdministrators() {
		Reply supervisor = Api.get("/engine-rest/process-definition?key=victim-referral", token("supervisor.qng"));

		assertThat(supervisor.status()).isEqualTo(200);
		assertThat(supervisor.body().findValuesAsText("key")).contains("victim-referral");
		assertThat(Api.get("/engine-rest/process-definition", token("police.qng")).status()).isEqualTo(403);
		assertThat(Api.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
	}

	@Test
	void supervisorOnlyReadsTheEngine() {
		Reply start = Api.post("/engine-rest/process-definition/key/victim-referral/start", token("supervisor.qng"),
				"{}");

		assertThat(start.status()).isEqualTo(403);
		assertThat(start.body().get("title").asText()).isEqualTo("Không có quyền");
		assertThat(Api.get("/engine-rest/authorization", token("supervisor.qng")).body().size()).isZero();
	}

	@Test
	void openApiDocumentIsPublished() {
		Reply reply = Api.get("/v3/api-docs", null);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("paths").has("/api/v1/referrals")).isTrue();
		assertThat(reply.body().get("paths").has("/api/v1/tasks/{taskId}/complete")).isTrue();
	}
}
