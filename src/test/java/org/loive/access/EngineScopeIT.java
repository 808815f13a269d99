package org.loive.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.Api.token;

/**
 * Camunda's own views, attacked: a supervisor reading another province's instances through {@code /engine-rest}
 * and Cockpit's API, anyone acting on a case through the engine instead of the forms, and the engine's errors.
 */
class EngineScopeIT extends IntegrationTest {

	static final Caseworker POLICE_QNG = Caseworker.as("police.qng");
	static final Caseworker POLICE_GLI = Caseworker.as("police.gli");

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSupervisorOfQuangNgaiListsNoInstanceOfGiaLaiThroughTheEngineRestApi() {
		String qng = receivedIn("QNG", POLICE_QNG);
		String gli = receivedIn("GLI", POLICE_GLI);
		String supervisor = token("supervisor.qng");
		String gliInstance = instanceOf(gli);
		String qngInstance = instanceOf(qng);

		assertThat(businessKeys(Api.get("/engine-rest/process-instance?maxResults=100000", supervisor))).contains(qng)
			.doesNotContain(gli);
		assertThat(businessKeys(Api.get("/engine-rest/history/process-instance?maxResults=100000", supervisor)))
			.contains(qng).doesNotContain(gli);
		for (String query : List.of("/engine-rest/process-instance?businessKey=%s",
				"/engine-rest/history/process-instance?processInstanceBusinessKey=%s",
				"/engine-rest/task?processInstanceBusinessKey=%s")) {
			assertThat(Api.get(query.formatted(qng), supervisor).body().size()).as(query).isPositive();
			assertThat(Api.get(query.formatted(gli), supervisor).body().size()).as(query).isZero();
		}
		for (String query : List.of("/engine-rest/variable-instance?processInstanceIdIn=%s",
				"/engine-rest/history/variable-instance?processInstanceId=%s",
				"/engine-rest/history/activity-instance?processInstanceId=%s", "/engine-rest/history/task?processInstanceId=%s",
				"/engine-rest/history/detail?processInstanceId=%s", "/engine-rest/job?processInstanceId=%s")) {
			assertThat(Api.get(query.formatted(qngInstance), supervisor).body().size()).as(query).isPositive();
			assertThat(Api.get(query.formatted(gliInstance), supervisor).body().size()).as(query).isZero();
		}
		Reply single = Api.get("/engine-rest/process-instance/" + gliInstance, supervisor);
		assertThat(single.status()).as("not even its existence").isEqualTo(404);
		assertThat(single.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Api.get("/engine-rest/history/decision-instance?processInstanceId=" + gliInstance, supervisor).body()
			.size()).isZero();
		// the operator sees every province
		assertThat(businessKeys(Api.get("/engine-rest/process-instance?maxResults=100000", token("admin")))).contains(qng,
				gli);
	}

	@Test
	void cockpitShowsASupervisorTheirProvinceOnly() {
		String qng = receivedIn("QNG", POLICE_QNG);
		String gli = receivedIn("GLI", POLICE_GLI);
		String definition = Api.get("/engine-rest/process-instance/" + instanceOf(gli), token("admin")).body()
			.get("definitionId").asText();
		WebSession cockpit = WebSession.logIn(BASE, "supervisor.qng");

		assertThat(cockpit.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + gli).body())
			.isEqualTo("[]");
		assertThat(cockpit.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + qng).body())
			.contains(qng);
		assertThat(cockpit.get("/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKey="
				+ gli).body()).isEqualTo("[]");
		long cockpitCount = count(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-instance/count"
				+ "?processDefinitionId=" + definition).body());
		long supervisorCount = Api.get("/engine-rest/process-instance/count?processDefinitionId=" + definition,
				token("supervisor.qng")).body().get("count").asLong();
		long allCount = Api.get("/engine-rest/process-instance/count?processDefinitionId=" + definition, token("admin"))
			.body().get("count").asLong();
		assertThat(cockpitCount).isEqualTo(supervisorCount).isLessThan(allCount);
	}

	@Test
	void aTransferMovesTheEnginesGrantsToTheNewProvince() {
		String caseId = receivedIn("QNG", POLICE_QNG);
		String instance = instanceOf(caseId);
		String supervisor = token("supervisor.qng");
		assertThat(Api.get("/engine-rest/process-instance?businessKey=" + caseId, supervisor).body().size()).isOne();

		assertThat(Api.post("/api/v1/cases/" + caseId + "/transfer", supervisor, "{\"area\":\"GLI\"}").status())
			.isEqualTo(204);

		assertThat(Api.get("/engine-rest/process-instance?businessKey=" + caseId, supervisor).body().size()).isZero();
		assertThat(Api.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseId, supervisor)
			.body().size()).isZero();
		assertThat(Api.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, supervisor).body().size()).isZero();
		assertThat(Api.get("/engine-rest/authorization?resourceId=" + instance, token("admin")).body()
			.findValuesAsText("groupId")).containsOnly("province-GLI");
	}

	@Test
	void noOneCompletesATaskOrWritesAVariableThroughTheEngine() throws InterruptedException {
		String caseId = receivedIn("QNG", POLICE_QNG);
		String task = POLICE_QNG.task(caseId, "Task_Classify").get("id").asText();
		String instance = instanceOf(caseId);
		for (String user : List.of("admin", "supervisor.qng")) {
			List<Reply> attempts = List.of(
					Api.post("/engine-rest/task/" + task + "/complete", token(user), "{\"variables\":{}}"),
					send("PUT", "/engine-rest/process-instance/" + instance + "/variables/classification", token(user),
							"{\"value\":\"NOT_TRAFFICKING\",\"type\":\"String\"}"),
					Api.post("/engine-rest/process-definition/key/victim-referral/start", token(user), "{}"),
					Api.post("/engine-rest/message", token(user), "{\"messageName\":\"Message_ConsentWithdrawn\"}"),
					send("DELETE", "/engine-rest/process-instance/" + instance, token(user), null));
			for (Reply attempt : attempts) {
				assertThat(attempt.status()).as("%s %s", user, attempt.raw().uri()).isEqualTo(403);
				assertThat(attempt.header("Content-Type")).startsWith("application/problem+json");
			}
		}
		assertThat(awaitDenied("admin", "POST /engine-rest/task/" + task + "/complete")).isOne();
		assertThat(POLICE_QNG.task(caseId, "Task_Classify").get("id").asText()).as("the task is still open")
			.isEqualTo(task);

		HttpResponse<String> inCockpit = WebSession.logIn(BASE, "admin")
			.postRaw("/camunda/api/engine/engine/default/task/" + task + "/complete", java.util.Map.of());
		assertThat(inCockpit.statusCode()).isEqualTo(403);
		assertThat(POLICE_QNG.task(caseId, "Task_Classify").get("id").asText()).isEqualTo(task);
	}

	@Test
	void anAdministratorOperatesJobsAndEveryOperationIsOnRecord() throws InterruptedException {
		String caseId = receivedIn("QNG", POLICE_QNG);
		JsonNode jobs = Api.get("/engine-rest/job?processInstanceId=" + instanceOf(caseId), token("admin")).body();
		assertThat(jobs.size()).as("the deadline timers of the open steps").isPositive();
		String job = jobs.get(0).get("id").asText();

		assertThat(send("PUT", "/engine-rest/job/" + job + "/retries", token("supervisor.qng"), "{\"retries\":3}")
			.status()).isEqualTo(403);
		assertThat(send("PUT", "/engine-rest/job/" + job + "/retries", token("admin"), "{\"retries\":3}").status())
			.isEqualTo(204);

		assertThat(awaitOperations("PUT /engine-rest/job/" + job + "/retries → 204")).isOne();
	}

	@Test
	void theEnginesErrorsAreProblemDetailsWithTheStatusTheyDeserve() {
		String admin = token("admin");
		Reply unknownTask = Api.get("/engine-rest/task/00000000-no-such-task", admin);
		Reply unknownJob = send("PUT", "/engine-rest/job/00000000-no-such-job/retries", admin, "{\"retries\":1}");
		Reply badQuery = Api.get("/engine-rest/process-instance?maxResults=many", admin);

		for (Reply reply : List.of(unknownTask, unknownJob, badQuery)) {
			assertThat(reply.header("Content-Type")).as(reply.raw().uri().toString()).startsWith("application/problem+json");
			assertThat(reply.body().get("status").asInt()).isEqualTo(reply.status());
			assertThat(reply.body().get("title").asText()).isNotBlank();
		}
		assertThat(unknownTask.status()).isEqualTo(404);
		assertThat(unknownJob.status()).isEqualTo(404);
		assertThat(badQuery.status()).as(badQuery.raw().body()).isEqualTo(400);
		assertThat(unknownTask.body().get("engineType").asText()).isNotBlank();
	}

	private static String receivedIn(String area, Caseworker police) {
		return police.receives("""
				{"channel":"HOTLINE_111","area":"%s","place":"INLAND","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"Lê Thị Hoa","sex":"F"},"narrative":"Bị dụ dỗ đi làm xa"}"""
			.formatted(area, JUST_RECEIVED)).get("caseId").asText();
	}

	private static String instanceOf(String caseId) {
		JsonNode instances = Api.get("/engine-rest/process-instance?processDefinitionKey=victim-referral&businessKey="
				+ caseId, token("admin")).body();
		assertThat(instances.size()).as("the referral instance of %s", caseId).isOne();
		return instances.get(0).get("id").asText();
	}

	private static List<String> businessKeys(Reply reply) {
		assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
		return reply.body().findValuesAsText("businessKey");
	}

	private static long count(String json) {
		return Long.parseLong(json.replaceAll("\\D", ""));
	}

	private static Reply send(String method, String path, String token, String body) {
		HttpRequest.Builder request = Api.builder(path, token)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return Api.send(request.build());
	}

	private int awaitDenied(String user, String purpose) throws InterruptedException {
		return await("""
				select count(*) from audit_event where username = :user and action = 'ACCESS_DENIED' and purpose = :purpose""",
				user, purpose);
	}

	private int awaitOperations(String purpose) throws InterruptedException {
		return await("""
				select count(*) from audit_event where username = :user and action = 'ENGINE_OPERATION'
				    and outcome = 'SUCCESS' and purpose = :purpose""", "admin", purpose);
	}

	private int await(String sql, String user, String purpose) throws InterruptedException {
		for (int attempt = 0; attempt < 60; attempt++) {
			int found = jdbc.sql(sql).param("user", user).param("purpose", purpose).query(Integer.class).single();
			if (found > 0) {
				return found;
			}
			Thread.sleep(50);
		}
		return 0;
	}
}
