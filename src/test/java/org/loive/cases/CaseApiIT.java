package org.loive.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.platform.Vietnam;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The case API: the province's cases, their view, and what happens to a case outside its tasks. */
class CaseApiIT extends IntegrationTest {

	static final Caseworker POLICE = Caseworker.as("police.qng");
	static final Caseworker POLICE_GLI = Caseworker.as("police.gli");
	static final Caseworker HEALTH = Caseworker.as("health.qng");
	static final Caseworker SUPERVISOR = Caseworker.as("supervisor.qng");
	static final String REFERRAL = """
			{"channel":"POLICE","area":"QNG","receivedAt":"%s","immediateDanger":false}""".formatted(JUST_RECEIVED);

	@Test
	void casesAreListedForTheirProvinceByStage() {
		String caseId = POLICE.receives(REFERRAL).get("caseId").asText();

		JsonNode classification = Api.get("/api/v1/cases?stage=CLASSIFICATION&size=200", SUPERVISOR.token()).body();
		JsonNode closed = Api.get("/api/v1/cases?stage=CLOSED&size=200", SUPERVISOR.token()).body();
		JsonNode elsewhere = Api.get("/api/v1/cases?size=200", POLICE_GLI.token()).body();

		assertThat(classification.get("items").findValuesAsText("caseId")).contains(caseId);
		assertThat(classification.get("items").findValuesAsText("stage")).containsOnly("CLASSIFICATION");
		assertThat(closed.get("items").findValuesAsText("caseId")).doesNotContain(caseId);
		assertThat(elsewhere.get("items").findValuesAsText("caseId")).doesNotContain(caseId);
		assertThat(Api.get("/api/v1/cases?stage=NOPE", SUPERVISOR.token()).status()).isEqualTo(400);
	}

	@Test
	void caseViewShowsNoPersonalDataAndStaysInItsProvince() {
		String caseId = POLICE.receives(REFERRAL).get("caseId").asText();

		JsonNode view = POLICE.caseView(caseId);
		assertThat(view.get("stage").asText()).isEqualTo("CLASSIFICATION");
		assertThat(view.get("openTasks").findValuesAsText("taskKey")).containsExactly("Task_Classify");
		assertThat(view.get("openTasks").get(0).get("due").asText()).isNotBlank();
		assertThat(view.get("persons").get(0).fieldNames()).toIterable().containsExactly("personId", "role");
		assertThat(Api.get("/api/v1/cases/" + caseId, POLICE_GLI.token()).status()).isEqualTo(403);
		assertThat(Api.get("/api/v1/cases/" + caseId, Caseworker.as("auditor").token()).status()).isEqualTo(403);
		assertThat(Api.get("/api/v1/cases/00000000-0000-0000-0000-000000000000", POLICE.token()).status())
			.isEqualTo(404);
		assertThat(Api.get("/api/v1/cases/not-a-uuid", POLICE.token()).status()).isEqualTo(400);
	}

	@Test
	void transferMovesTheCaseAndItsOpenTasksToTheOtherProvince() {
		String caseId = POLICE.receives(REFERRAL).get("caseId").asText();
		String taskId = POLICE.task(caseId, "Task_Classify").get("id").asText();

		assertThat(Api.post("/api/v1/cases/" + caseId + "/transfer", POLICE.token(), "{\"area\":\"GLI\"}").status())
			.isEqualTo(403);
		assertThat(Api.post("/api/v1/cases/" + caseId + "/transfer", SUPERVISOR.token(), "{\"area\":\"GLI\"}").status())
			.isEqualTo(204);

		assertThat(POLICE.tasks(caseId, "Task_Classify")).isEmpty();
		assertThat(POLICE_GLI.task(caseId, "Task_Classify").get("id").asText()).isEqualTo(taskId);
		JsonNode view = POLICE_GLI.caseView(caseId);
		assertThat(view.get("area").asText()).isEqualTo("GLI");
		assertThat(view.get("intakeArea").asText()).as("the area of intake stays").isEqualTo("QNG");
		assertThat(view.get("milestones").findValuesAsText("kind")).containsExactly("TRANSFERRED");
		assertThat(Api.get("/api/v1/cases/" + caseId, POLICE.token()).status()).isEqualTo(403);
	}

	@Test
	void thePoliceRecordHowTheReportWasResolvedAndOthersCannot() {
		String caseId = POLICE.receives(REFERRAL).get("caseId").asText();
		String path = "/api/v1/cases/" + caseId + "/report-resolution";
		String today = LocalDate.now(Vietnam.ZONE).toString();

		assertThat(Api.post(path, HEALTH.token(), "{\"outcome\":\"INITIATED\",\"decidedOn\":\"" + today + "\"}").status())
			.isEqualTo(403);
		Reply beforeReceipt = Api.post(path, POLICE.token(), "{\"outcome\":\"INITIATED\",\"decidedOn\":\"2000-01-01\"}");
		assertThat(beforeReceipt.status()).as(beforeReceipt.body().toString()).isEqualTo(400);
		assertThat(beforeReceipt.body().get("errors").findValuesAsText("field")).containsExactly("decidedOn");
		assertThat(Api.post(path, POLICE.token(), "{\"outcome\":\"DROPPED\",\"decidedOn\":\"2999-01-01\"}")
			.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("outcome");
		assertThat(SUPERVISOR.caseView(caseId).path("reportResolution").asText(null)).as("nothing recorded").isNull();

		assertThat(Api.post(path, POLICE.token(), "{\"outcome\":\"SUSPENDED\",\"decidedOn\":\"" + today + "\"}").status())
			.isEqualTo(204);
		assertThat(Api.post(path, POLICE.token(), "{\"outcome\":\"INITIATED\",\"decidedOn\":\"" + today + "\"}").status())
			.as("a later decision replaces it").isEqualTo(204);
		JsonNode resolution = SUPERVISOR.caseView(caseId).get("reportResolution");
		assertThat(resolution.get("outcome").asText()).isEqualTo("INITIATED");
		assertThat(resolution.get("decidedOn").asText()).isEqualTo(today);
		assertThat(resolution.get("recordedBy").asText()).isEqualTo("police.qng");
	}

	@Test
	void withdrawnConsentIsRecordedAndTheCaseGoesOn() {
		String caseId = POLICE.receives(REFERRAL).get("caseId").asText();
		assertThat(Api.post("/api/v1/cases/" + caseId + "/consent-withdrawal", HEALTH.token(),
				"{\"reason\":\"PERSON_DECLINED\"}").status()).as("health has no work on the case yet").isEqualTo(403);

		Reply withdrawn = Api.post("/api/v1/cases/" + caseId + "/consent-withdrawal", POLICE.token(),
				"{\"reason\":\"PERSON_DECLINED\"}");

		assertThat(withdrawn.status()).isEqualTo(204);
		JsonNode view = SUPERVISOR.caseView(caseId);
		assertThat(view.get("stage").asText()).as("the State's duties go on").isEqualTo("CLASSIFICATION");
		assertThat(view.path("outcome").asText(null)).isNull();
		assertThat(view.get("openTasks").findValuesAsText("taskKey")).containsExactly("Task_Classify");
		assertThat(view.get("milestones").findValuesAsText("code")).containsExactly("PERSON_DECLINED");
		assertThat(Api.post("/api/v1/cases/" + caseId + "/consent-withdrawal", POLICE.token(),
				"{\"reason\":\"PERSON_DECLINED\"}").status()).as("already withdrawn").isEqualTo(409);
	}
}
