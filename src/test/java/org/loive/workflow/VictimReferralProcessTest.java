package org.loive.workflow;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loive.support.TestEngines;

import java.util.Map;
import java.util.UUID;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.loive.workflow.ReferralProcess.*;

/** The coarse referral chain, engine only, on PostgreSQL: the wait state after every step of every path. */
@Deployment(resources = VictimReferralProcessTest.BPMN)
class VictimReferralProcessTest {

	static final String BPMN = "bpmn/victim-referral.bpmn";

	@RegisterExtension
	static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.useProcessEngine(TestEngines.postgres("victim-referral-test",
				Map.of("intakeRoutingDelegate", new IntakeRoutingDelegate())))
		.build();

	@BeforeAll
	static void assertions() {
		init(extension.getProcessEngine());
	}

	@Test
	void victimGoesThroughTheWholeChainToClosure() {
		ProcessInstance referral = start(Channel.HOTLINE_111);

		assertThat(referral).isWaitingAt(CLASSIFY).task().hasCandidateGroup("police");
		complete(task(referral), withVariables(ReferralVariables.TRAFFICKING_SUSPECTED, true));
		assertThat(referral).isWaitingAt(VERIFY).task().hasCandidateGroup("health");
		complete(task(referral));
		assertThat(referral).isWaitingAt(IDENTIFY).task().hasCandidateGroup("police");
		complete(task(referral), withVariables(ReferralVariables.VICTIM, true));
		assertThat(referral).isWaitingAt(PROTECT).task().hasCandidateGroup("police");
		complete(task(referral));
		assertThat(referral).isWaitingAt(SUPPORT).task().hasCandidateGroup("health");
		complete(task(referral));
		assertThat(referral).isWaitingAt(REINTEGRATE).task().hasCandidateGroup("commune");
		complete(task(referral));
		assertThat(referral).isWaitingAt(CLOSE).task().hasCandidateGroup("health");
		complete(task(referral));

		assertThat(referral).isEnded()
			.hasPassedInOrder(START, ROUTE_INTAKE, CLASSIFY, VERIFY, IDENTIFY, PROTECT, SUPPORT, REINTEGRATE, CLOSE,
					END_CLOSED)
			.hasNotPassed(END_REFERRED_OUT, END_NOT_VICTIM);
	}

	@Test
	void reportWithoutSignsOfTraffickingIsReferredOut() {
		ProcessInstance referral = start(Channel.COMMUNE);

		assertThat(referral).isWaitingAt(CLASSIFY).task().hasCandidateGroup("commune");
		complete(task(referral), withVariables(ReferralVariables.TRAFFICKING_SUSPECTED, false));

		assertThat(referral).isEnded().hasPassed(END_REFERRED_OUT).hasNotPassed(VERIFY);
	}

	@Test
	void personFoundNotToBeAVictimIsClosedAfterIdentification() {
		ProcessInstance referral = start(Channel.POLICE);

		assertThat(referral).isWaitingAt(CLASSIFY);
		complete(task(referral), withVariables(ReferralVariables.TRAFFICKING_SUSPECTED, true));
		assertThat(referral).isWaitingAt(VERIFY);
		complete(task(referral));
		assertThat(referral).isWaitingAt(IDENTIFY);
		complete(task(referral), withVariables(ReferralVariables.VICTIM, false));

		assertThat(referral).isEnded().hasPassed(END_NOT_VICTIM).hasNotPassed(PROTECT);
	}

	@ParameterizedTest
	@CsvSource({ "HOTLINE_111, police", "POLICE, police", "BORDER_GUARD, border-guard", "COMMUNE, commune",
			"SELF_REPORT, police", "CONSULATE_RETURN, border-guard" })
	void receivingAgencyOfTheChannelClassifies(Channel channel, String agency) {
		ProcessInstance referral = start(channel);

		assertThat(referral).isWaitingAt(CLASSIFY).task().hasCandidateGroup(agency);
		assertThat(referral).variables().containsEntry(ReferralVariables.LEAD_AGENCY, agency);
	}

	@Test
	void everyProcessKeepsItsHistoryForALimitedTime() {
		org.assertj.core.api.Assertions.assertThat(repositoryService().createProcessDefinitionQuery().list())
			.isNotEmpty()
			.allSatisfy(definition -> org.assertj.core.api.Assertions.assertThat(definition.getHistoryTimeToLive())
				.isNotNull()
				.isPositive())
			.extracting(ProcessDefinition::getKey)
			.contains(KEY);
	}

	private static ProcessInstance start(Channel channel) {
		UUID caseId = UUID.randomUUID();
		return runtimeService().startProcessInstanceByKey(KEY, caseId.toString(),
				Variables.createVariables()
					.putValue(ReferralVariables.CASE_ID, caseId.toString())
					.putValue(ReferralVariables.REFERENCE, "QNG-2026-000001")
					.putValue(ReferralVariables.CHANNEL, channel.name())
					.putValue(ReferralVariables.AREA, "QNG")
					.putValue(ReferralVariables.PROVINCE, "QNG")
					.putValue(ReferralVariables.IMMEDIATE_DANGER, false));
	}
}
