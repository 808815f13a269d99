package org.loive.platform;

import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What an orchestrator and a monitoring system see: probes that mean something, metrics behind a token. */
class HealthAndMetricsIT extends IntegrationTest {

	@Test
	void readinessNeedsTheDatabaseAndTheVaultLivenessOnlyTheProcess() {
		Reply readiness = Api.get("/actuator/health/readiness", null);
		Reply liveness = Api.get("/actuator/health/liveness", null);

		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body().get("components").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("readinessState", "db", "vault");
		assertThat(readiness.body().at("/components/vault/status").asText()).isEqualTo("UP");
		assertThat(liveness.body().get("components").fieldNames()).toIterable().containsExactly("livenessState");
	}

	@Test
	void prometheusScrapesWithItsTokenAndNobodyElse() throws IOException, InterruptedException {
		Caseworker police = Caseworker.as("police.qng");
		String caseId = police.receives("""
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false}""".formatted(JUST_RECEIVED))
			.get("caseId").asText();
		police.does(caseId, "Task_Classify", """
				{"classification":"TRAFFICKING_SUSPECTED","rescueNeeded":false,"foreignNational":false}""");

		assertThat(scrape(null).statusCode()).isIn(401, 403);
		assertThat(scrape("Bearer wrong-token").statusCode()).isIn(401, 403);
		assertThat(scrape("Bearer " + Api.token("admin")).statusCode()).as("not even an administrator's token")
			.isIn(401, 403);
		HttpResponse<String> metrics = scrape("Bearer " + SCRAPE_TOKEN);
		assertThat(metrics.statusCode()).isEqualTo(200);
		String text = metrics.body();
		assertThat(text).contains("loive_steps_overdue", "loive_audit_checkpoint_lag_events", "loive_audit_witness_lag_events")
			.containsPattern("loive_audit_appends_total [1-9]").containsPattern(
				"loive_steps_completed_total\\{agency=\"police\",[^}]*step=\"Task_Classify\"[^}]*} [1-9]");
	}

	/** The exposition format is text, not JSON. */
	private static HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = Api.builder("/actuator/prometheus", null).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
