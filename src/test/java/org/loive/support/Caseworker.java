package org.loive.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.loive.support.Api.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo user working a case through {@code /api/v1} only, as a caseworker would in the inbox. */
public final class Caseworker {

	private final String username;

	private Caseworker(String username) {
		this.username = username;
	}

	public static Caseworker as(String username) {
		return new Caseworker(username);
	}

	/** The demo caseworker of Quảng Ngãi of the agency with this group. */
	public static String demoUserOf(String agencyGroup) {
		String user = DEMO_USERS.get(agencyGroup);
		assertThat(user).as("demo user of agency %s", agencyGroup).isNotNull();
		return user;
	}

	private static final Map<String, String> DEMO_USERS = Map.ofEntries(Map.entry("police", "police.qng"),
			Map.entry("border-guard", "border.qng"), Map.entry("health", "health.qng"),
			Map.entry("legal-aid", "legalaid.qng"), Map.entry("commune", "commune.qng"),
			Map.entry("foreign-affairs", "foreignaffairs.qng"), Map.entry("education", "education.qng"),
			Map.entry("labour", "labour.qng"), Map.entry("womens-union", "womensunion.qng"),
			Map.entry("youth-union", "youthunion.qng"), Map.entry("social-policy-bank", "socialbank.qng"));

	public String token() {
		return Api.token(username);
	}

	/** Opens a referral; returns the 201 body. */
	public JsonNode receives(String body) {
		Reply reply = Api.post("/api/v1/referrals", token(), body);
		assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
		return reply.body();
	}

	/** The open tasks of the case with this key in this officer's inbox. */
	public List<JsonNode> tasks(String caseId, String taskKey) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode item : Api.get("/api/v1/tasks?size=200&caseId=" + caseId, token()).body().get("items")) {
			if (item.get("caseId").asText().equals(caseId) && item.get("taskKey").asText().equals(taskKey)) {
				found.add(item);
			}
		}
		return found;
	}

	public JsonNode task(String caseId, String taskKey) {
		List<JsonNode> found = tasks(caseId, taskKey);
		assertThat(found).as("%s sees task %s of case %s", username, taskKey, caseId).isNotEmpty();
		return found.get(0);
	}

	/** Completes the task with the decision (a JSON object, or null for none); expects 200. */
	public void completes(JsonNode task, String decision) {
		Reply reply = complete(task, decision);
		assertThat(reply.status()).as("%s completes %s: %s", username, task.get("taskKey").asText(), reply.raw().body())
			.isEqualTo(200);
	}

	public Reply complete(JsonNode task, String decision) {
		return Api.post("/api/v1/tasks/" + task.get("id").asText() + "/complete", token(),
				decision == null ? null : "{\"decision\":" + decision + "}");
	}

	/** Finds the case's task with this key in the inbox and completes it. */
	public void does(String caseId, String taskKey, String decision) {
		completes(task(caseId, taskKey), decision);
	}

	public JsonNode caseView(String caseId) {
		Reply reply = Api.get("/api/v1/cases/" + caseId, token());
		assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
		return reply.body();
	}
}
