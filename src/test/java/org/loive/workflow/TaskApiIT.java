package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.Api.token;

/** The task API against the real engine, PostgreSQL and Keycloak, with the demo users' tokens. */
class TaskApiIT extends IntegrationTest {

	@Autowired
	TaskService engineTasks;

	@Test
	void eachStepIsDoneByItsAgencyAndTheChainMovesOn() {
		String caseId = newReferral("HOTLINE_111").get("caseId").asText();

		JsonNode classify = openTask(caseId, "police.qng");
		assertThat(classify.get("taskKey").asText()).isEqualTo(ReferralProcess.CLASSIFY);
		assertThat(classify.get("name").asText()).isEqualTo("Phân loại tin báo");
		assertThat(Api.post(claim(classify), token("police.qng"), null).body().get("assignee").asText())
			.isEqualTo("police.qng");
		Reply done = Api.post(complete(classify), token("police.qng"), "{\"decision\":{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}}");
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body().get("caseId").asText()).isEqualTo(caseId);

		JsonNode receive = openTask(caseId, "commune.qng");
		assertThat(receive.get("taskKey").asText()).isEqualTo(ReferralProcess.RECEIVE_PERSON);
		assertThat(Api.post(complete(receive), token("commune.qng"),
				"{\"decision\":{\"healthDepartmentNotified\":true,\"temporaryShelterProvided\":false}}").status())
			.isEqualTo(200);
		assertThat(taskKeys(caseId, "health.qng")).as("verification beside the plan of support while being identified")
			.containsExactlyInAnyOrder(ReferralProcess.INITIAL_VERIFICATION, ReferralProcess.PLAN_INTERIM_SUPPORT);
	}

	private static List<String> taskKeys(String caseId, String username) {
		List<String> keys = new ArrayList<>();
		for (JsonNode item : Api.get("/api/v1/tasks?size=200&caseId=" + caseId, token(username)).body().get("items")) {
			if (item.get("caseId").asText().equals(caseId)) {
				keys.add(item.get("taskKey").asText());
			}
		}
		return keys;
	}

	@Test
	void secondCompletionOfTheSameTaskIsAConflict() {
		JsonNode task = openTask(newReferral("POLICE").get("caseId").asText(), "police.qng");
		String body = "{\"decision\":{\"classification\":\"OTHER_MATTER\",\"referredTo\":\"POLICE_OTHER_OFFENCE\"}}";

		assertThat(Api.post(complete(task), token("police.qng"), body).status()).isEqualTo(200);
		Reply again = Api.post(complete(task), token("police.qng"), body);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(again.body().get("status").asInt()).isEqualTo(409);
	}

	@RepeatedTest(20)
	void concurrentCompletionsLetExactlyOneThrough() throws Exception {
		JsonNode task = openTask(newReferral("POLICE").get("caseId").asText(), "police.qng");
		String body = "{\"decision\":{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}}";
		Callable<Integer> completion = () -> Api.post(complete(task), token("police.qng"), body).status();

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> results = pool.invokeAll(List.of(completion, completion, completion, completion));
			List<Integer> statuses = results.stream().map(TaskApiIT::value).toList();
			assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anotherAgencyOrProvinceMayNotActOnTheTask() {
		JsonNode task = openTask(newReferral("HOTLINE_111").get("caseId").asText(), "police.qng");
		String body = "{\"decision\":{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}}";

		assertThat(Api.post(complete(task), token("health.qng"), body).status()).isEqualTo(403);
		assertThat(Api.post(claim(task), token("police.gli"), null).status()).isEqualTo(403);
		assertThat(Api.post(complete(task), token("police.gli"), body).status()).isEqualTo(403);
		assertThat(Api.get("/api/v1/tasks?caseId=" + task.get("caseId").asText(), token("police.gli")).body().get("items"))
			.as("another province's case shows none of its tasks").isEmpty();
		assertThat(Api.get("/api/v1/tasks?caseId=not-a-case", token("police.qng")).status()).isEqualTo(400);
	}

	@Test
	void taskClaimedByAColleagueIsAConflict() {
		JsonNode task = openTask(newReferral("POLICE").get("caseId").asText(), "police.qng");
		engineTasks.setAssignee(task.get("id").asText(), "colleague.qng");

		assertThat(Api.post(claim(task), token("police.qng"), null).status()).isEqualTo(409);
		assertThat(Api.post(complete(task), token("police.qng"), "{\"decision\":{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}}")
			.status()).isEqualTo(409);
	}

	@Test
	void decisionsAreCheckedFieldByField() {
		JsonNode task = openTask(newReferral("POLICE").get("caseId").asText(), "police.qng");

		Reply missing = Api.post(complete(task), token("police.qng"), "{\"decision\":{}}");
		Reply conditional = Api.post(complete(task), token("police.qng"),
				"{\"decision\":{\"classification\":\"TRAFFICKING_SUSPECTED\"}}");
		Reply unknown = Api.post(complete(task), token("police.qng"),
				"{\"decision\":{\"classification\":\"OTHER_MATTER\",\"victim\":true}}");
		Reply wrongType = Api.post(complete(task), token("police.qng"), "{\"decision\":{\"classification\":\"có\"}}");

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").findValuesAsText("field")).containsExactly("decision.classification");
		assertThat(conditional.body().get("errors").findValuesAsText("field"))
			.containsExactly("decision.foreignNational", "decision.rescueNeeded");
		assertThat(unknown.body().get("errors").findValuesAsText("field")).containsExactly("decision.victim");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.body().get("errors").findValuesAsText("field")).containsExactly("decision.classification");
		assertThat(openTask(task.get("caseId").asText(), "police.qng").get("id").asText())
			.as("the task is still open after refused completions")
			.isEqualTo(task.get("id").asText());
	}

	@Test
	void unknownTaskIsNotFound() {
		Reply reply = Api.post("/api/v1/tasks/no-such-task/complete", token("police.qng"), null);

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body().get("detail").asText()).contains("no-such-task");
	}

	static JsonNode newReferral(String channel) {
		Reply reply = Api.post("/api/v1/referrals", token(channel.equals("BORDER_GUARD") ? "border.qng" : "police.qng"),
				"""
						{"channel":"%s","area":"QNG","receivedAt":"%s","immediateDanger":false}"""
					.formatted(channel, JUST_RECEIVED));
		assertThat(reply.status()).isEqualTo(201);
		return reply.body();
	}

	static JsonNode openTask(String caseId, String username) {
		JsonNode items = Api.get("/api/v1/tasks?size=200&caseId=" + caseId, token(username)).body().get("items");
		for (JsonNode item : items) {
			if (item.get("caseId").asText().equals(caseId)) {
				return item;
			}
		}
		throw new AssertionError("no open task of case " + caseId + " for " + username);
	}

	private static String claim(JsonNode task) {
		return "/api/v1/tasks/" + task.get("id").asText() + "/claim";
	}

	private static String complete(JsonNode task) {
		return "/api/v1/tasks/" + task.get("id").asText() + "/complete";
	}

	private static int value(Future<Integer> future) {
		try {
			return future.get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
