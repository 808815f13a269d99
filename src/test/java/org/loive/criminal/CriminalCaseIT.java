package org.loive.criminal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.platform.Vietnam;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.workflow.ReferralProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trafficking ring, two victims: a criminal case linked to an open and a closed referral case, moved
 * through initiated, solved, prosecuted and tried by the police, the procuracy and the court, through
 * {@code /api/v1} against the real Keycloak and PostgreSQL; another province's police refused and on record.
 */
class CriminalCaseIT extends IntegrationTest {

	static final Caseworker POLICE = Caseworker.as("police.qng");
	static final Caseworker PROCURACY = Caseworker.as("procuracy.qng");
	static final Caseworker COURT = Caseworker.as("court.qng");
	static final Caseworker HEALTH = Caseworker.as("health.qng");
	static final Caseworker SUPERVISOR = Caseworker.as("supervisor.qng");
	static final Caseworker POLICE_GLI = Caseworker.as("police.gli");

	static final String SUSPECTED = """
			{"classification":"TRAFFICKING_SUSPECTED","rescueNeeded":false,"foreignNational":false}""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRingsCaseLinkedToAnOpenAndAClosedReferralGoesFromInitiationToTrial() {
		String open = POLICE.receives(referral("QNG")).get("caseId").asText();
		POLICE.does(open, ReferralProcess.CLASSIFY, SUSPECTED);
		String closed = POLICE.receives(referral("QNG")).get("caseId").asText();
		POLICE.does(closed, ReferralProcess.CLASSIFY, "{\"classification\":\"OTHER_MATTER\",\"referredTo\":\"OTHER\"}");
		assertThat(SUPERVISOR.caseView(closed).get("stage").asText()).isEqualTo("CLOSED");
		String number = "HS-" + UUID.randomUUID().toString().substring(0, 8) + "/QĐ";

		Reply created = Api.post("/api/v1/criminal-cases", POLICE.token(),
				"{\"reference\":\"" + number + "\",\"charge\":\"ARTICLE_150\"}");
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		String path = "/api/v1/criminal-cases/" + created.body().get("criminalCaseId").asText();
		assertThat(link(path, POLICE, reference(open)).status()).isEqualTo(204);
		assertThat(link(path, POLICE, reference(closed)).status()).isEqualTo(204);
		assertThat(link(path, POLICE, reference(closed)).status()).as("linked already").isEqualTo(409);
		assertThat(Api.post("/api/v1/criminal-cases", POLICE.token(),
				"{\"reference\":\"" + number + "\",\"charge\":\"ARTICLE_151\"}").status()).as("the same number").isEqualTo(409);

		LocalDate today = LocalDate.now(Vietnam.ZONE);
		assertThat(record(path, POLICE, "SOLVED", today, null).status()).as("out of order").isEqualTo(409);
		assertThat(field(record(path, POLICE, "INITIATED", today.plusDays(1), null))).isEqualTo("date");
		assertThat(record(path, PROCURACY, "INITIATED", today.minusDays(20), null).status()).as("the police's act")
			.isEqualTo(403);
		assertThat(record(path, HEALTH, "INITIATED", today.minusDays(20), null).status()).isEqualTo(403);
		assertThat(record(path, POLICE, "INITIATED", today.minusDays(20), null).status()).isEqualTo(204);
		assertThat(field(record(path, POLICE, "SOLVED", today.minusDays(21), null))).isEqualTo("date");
		assertThat(record(path, POLICE, "SOLVED", today.minusDays(12), null).status()).isEqualTo(204);
		assertThat(record(path, POLICE, "PROSECUTED", today.minusDays(5), null).status()).as("the procuracy's act")
			.isEqualTo(403);
		assertThat(record(path, PROCURACY, "PROSECUTED", today.minusDays(5), null).status()).isEqualTo(204);
		assertThat(field(record(path, COURT, "TRIED", today, null))).isEqualTo("outcome");
		assertThat(record(path, COURT, "TRIED", today, "CONVICTED").status()).isEqualTo(204);
		assertThat(record(path, COURT, "TRIED", today, "CONVICTED").status()).as("tried once").isEqualTo(409);

		JsonNode view = Api.get(path, SUPERVISOR.token()).body();
		assertThat(view.get("status").asText()).isEqualTo("TRIED");
		assertThat(view.get("reference").asText()).isEqualTo(number);
		assertThat(view.get("milestones").findValuesAsText("milestone"))
			.containsExactly("INITIATED", "SOLVED", "PROSECUTED", "TRIED");
		assertThat(view.get("milestones").findValuesAsText("recordedBy"))
			.containsExactly("police.qng", "police.qng", "procuracy.qng", "court.qng");
		assertThat(view.get("milestones").findValuesAsText("date")).containsExactly(today.minusDays(20).toString(),
				today.minusDays(12).toString(), today.minusDays(5).toString(), today.toString());
		assertThat(view.at("/milestones/3/outcome").asText()).isEqualTo("CONVICTED");
		assertThat(view.get("referrals").findValuesAsText("reference")).containsExactly(reference(open), reference(closed));
		assertThat(SUPERVISOR.caseView(open).get("stage").asText()).as("the open referral goes on").isNotEqualTo("CLOSED");
		assertThat(SUPERVISOR.caseView(closed).get("stage").asText()).isEqualTo("CLOSED");
		assertThat(Api.get("/api/v1/criminal-cases?size=200", COURT.token()).body().get("items")
			.findValuesAsText("criminalCaseId")).contains(view.get("criminalCaseId").asText());
		assertThat(jdbc.sql("""
				select count(*) from criminal_case_milestone
				where criminal_case_id = :id and milestone = 'TRIED' and occurred_on between :from and :to""")
			.param("id", UUID.fromString(view.get("criminalCaseId").asText()))
			.param("from", java.sql.Date.valueOf(today.withDayOfMonth(1)))
			.param("to", java.sql.Date.valueOf(today))
			.query(Integer.class)
			.single()).as("the reports count it by its day").isEqualTo(1);
		assertThat(actions("procuracy.qng", "CRIMINAL_CASE_MILESTONE")).isEqualTo(1);
		assertThat(actions("court.qng", "CRIMINAL_CASE_MILESTONE")).isEqualTo(1);
	}

	@Test
	void anotherProvincesPoliceIsRefusedOnRecordAndNoOneLinksACaseOfAnotherProvince() {
		String qng = POLICE.receives(referral("QNG")).get("caseId").asText();
		String gli = POLICE_GLI.receives(referral("GLI")).get("reference").asText();
		Reply created = Api.post("/api/v1/criminal-cases", POLICE.token(),
				"{\"reference\":\"HS-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"charge\":\"ARTICLE_151\"}");
		String path = "/api/v1/criminal-cases/" + created.body().get("criminalCaseId").asText();
		long denialsBefore = actions("police.gli", "ACCESS_DENIED");

		assertThat(Api.get(path, POLICE_GLI.token()).status()).isEqualTo(403);
		assertThat(record(path, POLICE_GLI, "INITIATED", LocalDate.now(Vietnam.ZONE), null).status()).isEqualTo(403);
		assertThat(link(path, POLICE_GLI, gli).status()).isEqualTo(403);
		assertThat(link(path, POLICE, gli).status()).as("a referral case of another province").isEqualTo(403);
		assertThat(link(path, POLICE, "QNG-1999-000001").status()).as("no such case").isEqualTo(404);
		assertThat(Api.get("/api/v1/criminal-cases?size=200", POLICE_GLI.token()).body().get("items")
			.findValuesAsText("criminalCaseId")).doesNotContain(created.body().get("criminalCaseId").asText());

		assertThat(actions("police.gli", "ACCESS_DENIED") - denialsBefore).isEqualTo(3);
		assertThat(Api.get(path, POLICE.token()).body().get("referrals")).isEmpty();
		assertThat(link(path, POLICE, reference(qng)).status()).isEqualTo(204);
		assertThat(Api.send(Api.builder(path + "/cases/" + qng, POLICE.token()).DELETE().build()).status())
			.isEqualTo(204);
		assertThat(Api.get(path, POLICE.token()).body().get("referrals")).isEmpty();
	}

	private static Reply link(String path, Caseworker officer, String reference) {
		return Api.post(path + "/cases", officer.token(), "{\"reference\":\"" + reference + "\"}");
	}

	private static Reply record(String path, Caseworker officer, String milestone, LocalDate date, String outcome) {
		return Api.post(path + "/milestones", officer.token(), "{\"milestone\":\"" + milestone + "\",\"date\":\"" + date
				+ "\"" + (outcome == null ? "" : ",\"outcome\":\"" + outcome + "\"") + "}");
	}

	/** The one field a 400 names. */
	private static String field(Reply refused) {
		assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
		assertThat(refused.body().get("errors")).hasSize(1);
		return refused.body().at("/errors/0/field").asText();
	}

	private static String reference(String caseId) {
		return SUPERVISOR.caseView(caseId).get("reference").asText();
	}

	private long actions(String user, String action) {
		return jdbc.sql("select count(*) from audit_event where username = :user and action = :action")
			.param("user", user)
			.param("action", action)
			.query(Long.class)
			.single();
	}

	private static String referral(String area) {
		return """
				{"channel":"POLICE","area":"%s","receivedAt":"2026-11-20T08:30:00Z","immediateDanger":false}"""
			.formatted(area);
	}
}
