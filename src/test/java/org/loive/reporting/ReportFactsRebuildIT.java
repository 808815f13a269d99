package org.loive.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loive.platform.Vietnam;
import org.loive.support.Api;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.workflow.ReferralProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports' read model rebuilt from the application's tables and the engine's history says what the live
 * events wrote: cases driven through the API (steps, a minor, a resolution, a transfer, an escalation, a consent
 * withdrawal, a criminal case with milestones and links, one of them taken back), the tables emptied, rebuilt as
 * on a start that finds no fact, and rebuilt again.
 */
class ReportFactsRebuildIT extends IntegrationTest {

	static final Caseworker POLICE = Caseworker.as("police.qng");
	static final Caseworker POLICE_GLI = Caseworker.as("police.gli");
	static final Caseworker COMMUNE = Caseworker.as("commune.qng");
	static final Caseworker HEALTH = Caseworker.as("health.qng");
	static final Caseworker SUPERVISOR = Caseworker.as("supervisor.qng");

	static final String SUSPECTED = """
			{"classification":"TRAFFICKING_SUSPECTED","rescueNeeded":false,"foreignNational":false}""";
	static final String VICTIM = """
			{"victim":true,"evidenceKinds":["PERSON_STATEMENT","WITNESS_STATEMENT"],"confirmationIssued":true,
			 "exploitationForms":["FORCED_LABOUR"],"destinationCountry":"KH"}""";
	static final String NO_RISK = """
			{"threatsReceived":false,"traffickersAtLarge":false,"traffickersKnowWhereabouts":false,
			 "relativesThreatened":false,"minor":false,"previouslyTrafficked":false}""";

	/**
	 * Facts whose instant the application's tables keep as the live event carried it; a step of the engine is
	 * dated by its history, a moment after the engine's clock was read for the live event.
	 */
	static final Set<String> EXACT = Set.of("REPORT_RECEIVED", "REPORT_RESOLVED", "TRANSFERRED", "CONSENT_WITHDRAWN",
			"ESCALATED", "CRIMINAL_INITIATED", "CRIMINAL_SOLVED", "CRIMINAL_LINKED");

	@Autowired
	ReportFactsRebuild rebuild;

	@Autowired
	ReportFactsCommand command;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void theRebuiltReadModelSaysWhatTheLiveEventsWroteAndRebuildingAgainChangesNothing() {
		String moved = POLICE.receives(referral("POLICE", "[{\"sex\":\"F\",\"ageBand\":\"12-15\"}]")).get("caseId").asText();
		POLICE.does(moved, ReferralProcess.CLASSIFY, SUSPECTED);
		COMMUNE.does(moved, ReferralProcess.RECEIVE_PERSON,
				"{\"healthDepartmentNotified\":true,\"temporaryShelterProvided\":true}");
		HEALTH.does(moved, ReferralProcess.INITIAL_VERIFICATION, "{\"documentsExist\":true,\"policeConsulted\":true}");
		POLICE.does(moved, ReferralProcess.IDENTIFY, VICTIM);
		COMMUNE.does(moved, ReferralProcess.NOTIFY_GUARDIAN, "{\"notified\":\"PARENTS\"}");
		assertThat(Api.post("/api/v1/cases/" + moved + "/report-resolution", POLICE.token(),
				"{\"outcome\":\"INITIATED\",\"decidedOn\":\"" + LocalDate.now(Vietnam.ZONE) + "\"}").status()).isEqualTo(204);

		String other = POLICE.receives(referral("POLICE", "[]")).get("caseId").asText();
		POLICE.does(other, ReferralProcess.CLASSIFY, "{\"classification\":\"OTHER_MATTER\",\"referredTo\":\"OTHER\"}");
		String criminal = criminalCaseLinkedTo(moved, other);

		assertThat(Api.post("/api/v1/cases/" + moved + "/transfer", SUPERVISOR.token(), "{\"area\":\"GLI\"}").status())
			.isEqualTo(204);
		POLICE_GLI.does(moved, ReferralProcess.ASSESS_RISK, NO_RISK);

		String withdrawn = POLICE.receives(referral("HOTLINE_111", "[]")).get("caseId").asText();
		POLICE.does(withdrawn, ReferralProcess.CLASSIFY, SUSPECTED);
		escalate(COMMUNE.task(withdrawn, ReferralProcess.RECEIVE_PERSON));
		assertThat(Api.post("/api/v1/cases/" + withdrawn + "/consent-withdrawal", POLICE.token(),
				"{\"reason\":\"PERSON_DECLINED\"}").status()).isEqualTo(204);

		String criminalPath = "/api/v1/criminal-cases/" + criminal;
		assertThat(Api.post(criminalPath + "/cases", POLICE.token(),
				"{\"reference\":\"" + SUPERVISOR.caseView(withdrawn).get("reference").asText() + "\"}").status())
			.isEqualTo(204);
		assertThat(Api.send(Api.builder(criminalPath + "/cases/" + withdrawn, POLICE.token()).DELETE().build()).status())
			.as("a link made by mistake, taken back").isEqualTo(204);

		Snapshot live = snapshot();
		assertThat(live.facts().keySet()).as("the link taken back counts nowhere")
			.doesNotContain("CRIMINAL_LINKED:" + criminal + ":" + withdrawn);
		assertThat(live.facts().keySet()).as("the scenario reached what the rebuild must find again")
			.anyMatch(key -> key.startsWith("TRANSFERRED:")).anyMatch(key -> key.startsWith("ESCALATED:"))
			.anyMatch(key -> key.startsWith("CONSENT_WITHDRAWN:")).anyMatch(key -> key.startsWith("REPORT_RESOLVED:"))
			.anyMatch(key -> key.startsWith("CRIMINAL_SOLVED:" + criminal)).anyMatch(key -> key.startsWith("CRIMINAL_LINKED:"))
			.anyMatch(key -> key.startsWith("GUARDIAN_NOTIFIED:")).anyMatch(key -> key.startsWith("SERVICE_REFERRED:"));
		assertThat(live.facts().values()).as("the risk assessed after the transfer counts in the new province")
			.anyMatch(fact -> fact.get("kind").equals("RISK_ASSESSED") && fact.get("province").equals("GLI"));

		jdbc.sql("delete from report_fact").update();
		jdbc.sql("delete from report_person").update();
		jdbc.sql("delete from report_case").update();
		assertThat(rebuild.needed()).as("no fact, yet cases: the data from before is missing").isTrue();
		command.run(new DefaultApplicationArguments());
		Snapshot rebuilt = snapshot();

		assertThat(rebuilt.facts().keySet()).containsExactlyElementsOf(live.facts().keySet());
		assertThat(rebuilt.cases()).isEqualTo(live.cases());
		assertThat(rebuild.needed()).isFalse();
		live.facts().forEach((key, fact) -> {
			Map<String, Object> again = rebuilt.facts().get(key);
			assertThat(withoutInstant(again)).as(key).isEqualTo(withoutInstant(fact));
			Duration apart = Duration.between(instant(fact), instant(again)).abs();
			if (EXACT.contains((String) fact.get("kind"))) {
				assertThat(apart).as(key).isZero();
			}
			else {
				assertThat(apart).as("%s: the history's instant of the step", key).isLessThan(Duration.ofSeconds(1));
			}
		});
		assertThat(rebuilt.persons()).isEqualTo(live.persons());

		// what the suite's other tests left in the database is rebuilt too: the counts are of the whole tables
		ReportFactsRebuild.Counts all = new ReportFactsRebuild.Counts(count("report_case"), count("report_person"),
				count("report_fact"));
		assertThat(rebuild.rebuild()).isEqualTo(all);
		assertThat(snapshot()).as("rebuilding twice gives the same rows").isEqualTo(rebuilt);
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	/** A criminal case of the province, linked to both referral cases, initiated and solved. */
	private String criminalCaseLinkedTo(String... caseIds) {
		Api.Reply created = Api.post("/api/v1/criminal-cases", POLICE.token(), "{\"reference\":\"HS-"
				+ UUID.randomUUID().toString().substring(0, 8) + "/QĐ\",\"charge\":\"ARTICLE_150\"}");
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		String id = created.body().get("criminalCaseId").asText();
		String path = "/api/v1/criminal-cases/" + id;
		for (String caseId : caseIds) {
			String reference = SUPERVISOR.caseView(caseId).get("reference").asText();
			assertThat(Api.post(path + "/cases", POLICE.token(), "{\"reference\":\"" + reference + "\"}").status())
				.isEqualTo(204);
		}
		LocalDate today = LocalDate.now(Vietnam.ZONE);
		for (String milestone : List.of("INITIATED", "SOLVED")) {
			assertThat(Api.post(path + "/milestones", POLICE.token(),
					"{\"milestone\":\"" + milestone + "\",\"date\":\"" + today + "\"}").status()).isEqualTo(204);
		}
		return id;
	}

	/** The step's deadline passes: its timer raises it to the supervisor. */
	private void escalate(JsonNode task) {
		Instant due = Instant.parse(task.get("due").asText());
		String process = taskService.createTaskQuery().taskId(task.get("id").asText()).singleResult().getProcessInstanceId();
		ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
		management.executeJob(management.createJobQuery().processInstanceId(process).timers()
			.duedateLowerThan(ClockUtil.getCurrentTime()).singleResult().getId());
		ClockUtil.reset();
	}

	/** The read model's rows but the facts' ids: the cases and persons by id, the facts by source key. */
	private record Snapshot(List<Map<String, Object>> cases, List<Map<String, Object>> persons,
			Map<String, Map<String, Object>> facts) {
	}

	private Snapshot snapshot() {
		Map<String, Map<String, Object>> facts = new LinkedHashMap<>();
		jdbc.sql("select * from report_fact order by source_key").query().listOfRows().forEach(row -> {
			Map<String, Object> fact = new LinkedHashMap<>(row);
			fact.remove("id");
			facts.put((String) fact.get("source_key"), fact);
		});
		return new Snapshot(rows("select * from report_case order by case_id"),
				rows("select * from report_person order by person_id"), facts);
	}

	/** Rows with their arrays as lists, so that two reads compare equal. */
	private List<Map<String, Object>> rows(String sql) {
		return jdbc.sql(sql).query().listOfRows().stream().map(row -> {
			Map<String, Object> copy = new LinkedHashMap<>();
			row.forEach((column, value) -> copy.put(column, value instanceof java.sql.Array array ? list(array) : value));
			return copy;
		}).toList();
	}

	private static List<Object> list(java.sql.Array array) {
		try {
			return List.of((Object[]) array.getArray());
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, Object> withoutInstant(Map<String, Object> fact) {
		Map<String, Object> copy = new LinkedHashMap<>(fact);
		copy.remove("occurred_at");
		return copy;
	}

	private static Instant instant(Map<String, Object> fact) {
		return ((Timestamp) fact.get("occurred_at")).toInstant();
	}

	static String referral(String channel, String minors) {
		return """
				{"channel":"%s","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "accompanyingMinors":%s}""".formatted(channel, JUST_RECEIVED, minors);
	}
}
