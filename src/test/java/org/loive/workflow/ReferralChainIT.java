package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loive.platform.Vietnam;
import org.loive.support.Api;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole cases through {@code /api/v1} only, each step by the demo user of the right agency. */
class ReferralChainIT extends IntegrationTest {

	static final Caseworker POLICE = Caseworker.as("police.qng");
	static final Caseworker BORDER = Caseworker.as("border.qng");
	static final Caseworker HEALTH = Caseworker.as("health.qng");
	static final Caseworker LEGAL_AID = Caseworker.as("legalaid.qng");
	static final Caseworker COMMUNE = Caseworker.as("commune.qng");
	static final Caseworker SUPERVISOR = Caseworker.as("supervisor.qng");

	static final String NO_RISK = """
			{"threatsReceived":false,"traffickersAtLarge":false,"traffickersKnowWhereabouts":false,
			 "relativesThreatened":false,"minor":false,"previouslyTrafficked":false}""";
	static final String SUSPECTED = """
			{"classification":"TRAFFICKING_SUSPECTED","rescueNeeded":false,"foreignNational":false}""";
	static final String VICTIM = """
			{"victim":true,"evidenceKinds":["PERSON_STATEMENT","WITNESS_STATEMENT"],"confirmationIssued":true,
			 "exploitationForms":["FORCED_LABOUR"],"destinationCountry":"KH"}""";

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void hotlineCaseGoesFromIntakeToClosureStepByStepThroughTheApi() {
		String caseId = POLICE.receives(referral("HOTLINE_111", "[]")).get("caseId").asText();

		POLICE.does(caseId, ReferralProcess.CLASSIFY, SUSPECTED);
		COMMUNE.does(caseId, ReferralProcess.RECEIVE_PERSON,
				"{\"healthDepartmentNotified\":true,\"temporaryShelterProvided\":true}");
		HEALTH.does(caseId, ReferralProcess.PLAN_INTERIM_SUPPORT, "{\"consentedServices\":[]}");
		HEALTH.does(caseId, ReferralProcess.INITIAL_VERIFICATION, "{\"documentsExist\":true,\"policeConsulted\":true}");
		POLICE.does(caseId, ReferralProcess.IDENTIFY, VICTIM);
		POLICE.does(caseId, ReferralProcess.ASSESS_RISK, NO_RISK);
		HEALTH.does(caseId, ReferralProcess.PLAN_SUPPORT, "{\"consentedServices\":[\"a\",\"d\"]}");
		HEALTH.does(caseId, ServiceReferralProcess.RESPOND, "{\"referralAccepted\":true}");
		HEALTH.does(caseId, ServiceReferralProcess.DELIVER, "{\"outcome\":\"DELIVERED\"}");
		LEGAL_AID.does(caseId, ServiceReferralProcess.RESPOND, "{\"referralAccepted\":true}");
		LEGAL_AID.does(caseId, ServiceReferralProcess.DELIVER, "{\"outcome\":\"DELIVERED\"}");
		COMMUNE.does(caseId, ReintegrationProcess.RECEIVE_APPLICATION,
				"{\"applicationReceived\":true,\"applicationReceivedOn\":\"%s\"}".formatted(LocalDate.now(Vietnam.ZONE)));
		HEALTH.does(caseId, ReintegrationProcess.DECIDE, "{\"reintegrationApproved\":true}");
		COMMUNE.does(caseId, ReintegrationProcess.FOLLOW_UP_VISIT, "{\"reTraffickingRisk\":\"LOW\",\"moreVisitsNeeded\":false}");
		HEALTH.does(caseId, ReferralProcess.CLOSE, "{\"outcome\":\"REINTEGRATED\"}");

		JsonNode view = SUPERVISOR.caseView(caseId);
		assertThat(view.get("stage").asText()).isEqualTo("CLOSED");
		assertThat(view.get("outcome").asText()).isEqualTo("REINTEGRATED");
		assertThat(view.get("openTasks")).isEmpty();
		assertThat(view.get("completedSteps").findValuesAsText("taskKey")).startsWith(ReferralProcess.CLASSIFY,
				ReferralProcess.RECEIVE_PERSON, ReferralProcess.PLAN_INTERIM_SUPPORT, ReferralProcess.INITIAL_VERIFICATION,
				ReferralProcess.IDENTIFY)
			.endsWith(ReferralProcess.CLOSE)
			.hasSize(15);
		JsonNode first = view.get("completedSteps").get(0);
		assertThat(first.get("completedBy").asText()).isEqualTo("police.qng");
		assertThat(first.get("agencies").get(0).asText()).isEqualTo("police");
		assertThat(view.get("persons").findValuesAsText("role")).containsExactly("IDENTIFYING");
		assertThat(facts(caseId)).as("each step's fact written with it, the province then, codes only")
			.containsExactly("REPORT_RECEIVED QNG HOTLINE_111", "CLASSIFIED QNG TRAFFICKING_SUSPECTED",
					"PERSON_RECEIVED QNG -", "SUPPORT_ASSESSED QNG IDENTIFYING_IN_VN", "VERIFIED QNG INITIAL",
					"IDENTIFIED QNG VICTIM", "DOCUMENT_ISSUED QNG -", "SUPPORT_ASSESSED QNG VN_VICTIM", "RISK_ASSESSED QNG LOW",
					"SERVICE_REFERRED QNG a", "SERVICE_REFERRED QNG d", "SERVICE_ACCEPTED QNG a", "SERVICE_DELIVERED QNG a",
					"SERVICE_ACCEPTED QNG d", "SERVICE_DELIVERED QNG d", "REINTEGRATION_APPLIED QNG -",
					"REINTEGRATION_DECIDED QNG APPROVED", "FOLLOW_UP_VISIT QNG LOW", "CASE_CLOSED QNG REINTEGRATED");
		assertThat(jdbc.sql("select count(*) from report_fact where case_id = :case and kind = 'TASK_COMPLETED'")
			.param("case", java.util.UUID.fromString(caseId)).query(Long.class).single()).isEqualTo(15);
		assertThat(jdbc.sql("select role || ' ' || coalesce(support_category, '-') from report_person where case_id = :case")
			.param("case", java.util.UUID.fromString(caseId)).query(String.class).list()).containsExactly("IDENTIFYING VN_VICTIM");
	}

	/** The case's facts but the completed tasks, in the order they happened: kind, province, code. */
	private List<String> facts(String caseId) {
		return jdbc.sql("""
				select kind || ' ' || province || ' ' || coalesce(code, '-') from report_fact
				where case_id = :case and kind <> 'TASK_COMPLETED' order by occurred_at, id""")
			.param("case", java.util.UUID.fromString(caseId))
			.query(String.class)
			.list();
	}

	@Test
	void anotherAgencyMayNotCompleteAStep() {
		String caseId = POLICE.receives(referral("POLICE", "[]")).get("caseId").asText();
		JsonNode classify = POLICE.task(caseId, ReferralProcess.CLASSIFY);

		assertThat(HEALTH.complete(classify, SUSPECTED).status()).isEqualTo(403);
		assertThat(Caseworker.as("police.gli").complete(classify, SUSPECTED).status()).isEqualTo(403);
		assertThat(POLICE.task(caseId, ReferralProcess.CLASSIFY).get("id").asText())
			.isEqualTo(classify.get("id").asText());
	}

	@Test
	void overdueStepIsEscalatedToTheSupervisorWhileItStaysOpen() {
		String caseId = POLICE.receives(referral("POLICE", "[]")).get("caseId").asText();
		POLICE.does(caseId, ReferralProcess.CLASSIFY, SUSPECTED);
		JsonNode receive = COMMUNE.task(caseId, ReferralProcess.RECEIVE_PERSON);
		Instant due = Instant.parse(receive.get("due").asText());

		ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
		Job timer = management.createJobQuery()
			.processInstanceId(processInstance(receive))
			.timers()
			.duedateLowerThan(ClockUtil.getCurrentTime())
			.singleResult();
		management.executeJob(timer.getId());

		JsonNode escalations = Api.get("/api/v1/escalations", SUPERVISOR.token()).body();
		assertThat(escalations.findValuesAsText("taskId")).contains(receive.get("id").asText());
		JsonNode view = SUPERVISOR.caseView(caseId);
		assertThat(view.get("escalations").findValuesAsText("taskKey")).containsExactly(ReferralProcess.RECEIVE_PERSON);
		assertThat(view.get("openTasks").findValuesAsText("taskId")).containsExactly(receive.get("id").asText());
		assertThat(facts(caseId)).contains("ESCALATED QNG " + ReferralProcess.RECEIVE_PERSON);
		assertThat(Api.get("/api/v1/escalations", POLICE.token()).status()).isEqualTo(403);
		assertThat(Api.get("/api/v1/escalations", Caseworker.as("police.gli").token()).status()).isEqualTo(403);
	}

	@Test
	void consulateReturnIsReceivedVerifiedConfirmedAndHandedOverByTheBorderGuard() {
		String caseId = BORDER.receives(referral("CONSULATE_RETURN", "[]")).get("caseId").asText();

		assertThat(POLICE.tasks(caseId, ReferralProcess.CLASSIFY)).isEmpty();
		BORDER.does(caseId, ReferralProcess.BORDER_RECEPTION, "{\"foreignNational\":false}");
		BORDER.does(caseId, ReferralProcess.BORDER_VERIFICATION, "{\"traffickingSigns\":true}");
		assertThat(POLICE.tasks(caseId, ReferralProcess.IDENTIFY)).isEmpty();
		BORDER.does(caseId, ReferralProcess.IDENTIFY, VICTIM);
		BORDER.does(caseId, ReferralProcess.HAND_OVER, "{\"handedOverTo\":\"COMMUNE\"}");

		assertThat(POLICE.task(caseId, ReferralProcess.ASSESS_RISK)).isNotNull();
		assertThat(HEALTH.task(caseId, ReferralProcess.PLAN_SUPPORT)).isNotNull();
		assertThat(SUPERVISOR.caseView(caseId).get("completedSteps").findValuesAsText("completedBy"))
			.containsOnly("border.qng");
	}

	@Test
	void twoAccompanyingMinorsEachGetServicesAToHOnly() {
		String caseId = POLICE.receives(referral("POLICE",
				"[{\"sex\":\"F\",\"ageBand\":\"6-11\"},{\"sex\":\"M\",\"ageBand\":\"12-15\"}]")).get("caseId").asText();
		POLICE.does(caseId, ReferralProcess.CLASSIFY, SUSPECTED);
		COMMUNE.does(caseId, ReferralProcess.RECEIVE_PERSON,
				"{\"healthDepartmentNotified\":true,\"temporaryShelterProvided\":false}");
		HEALTH.does(caseId, ReferralProcess.INITIAL_VERIFICATION, "{\"documentsExist\":true,\"policeConsulted\":true}");
		POLICE.does(caseId, ReferralProcess.IDENTIFY, VICTIM);

		List<JsonNode> notifications = COMMUNE.tasks(caseId, ReferralProcess.NOTIFY_GUARDIAN);
		assertThat(notifications).hasSize(2);
		for (JsonNode notification : notifications) {
			COMMUNE.completes(notification, "{\"notified\":\"PARENTS\"}");
		}

		Map<Object, List<Object>> servicesByMinor = runtime.createProcessInstanceQuery()
			.processDefinitionKey(ServiceReferralProcess.KEY)
			.processInstanceBusinessKey(caseId)
			.list()
			.stream()
			.map(instance -> runtime.getVariables(instance.getId()))
			.collect(Collectors.groupingBy(variables -> variables.get("personId"),
					Collectors.mapping(variables -> variables.get(ReferralVariables.SERVICE), Collectors.toList())));
		assertThat(servicesByMinor).as("the victim's own plan is not made yet: these are the minors' referrals")
			.hasSize(2)
			.allSatisfy((minor, services) -> assertThat(services).containsExactlyInAnyOrder("a", "b", "c", "d", "dd",
					"e", "g", "h"));
		List<String> offeredToHealth = HEALTH.tasks(caseId, ServiceReferralProcess.RESPOND)
			.stream()
			.map(referral -> referral.get("service").asText())
			.toList();
		assertThat(offeredToHealth).containsExactlyInAnyOrder("a", "a", "b", "b", "g", "g");
		assertThat(SUPERVISOR.caseView(caseId).get("persons").findValuesAsText("role"))
			.containsExactly("IDENTIFYING", "ACCOMPANYING_MINOR", "ACCOMPANYING_MINOR");
	}

	private String processInstance(JsonNode task) {
		return taskService.createTaskQuery().taskId(task.get("id").asText()).singleResult().getProcessInstanceId();
	}

	static String referral(String channel, String minors) {
		return """
				{"channel":"%s","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "accompanyingMinors":%s}""".formatted(channel, JUST_RECEIVED, minors);
	}
}
