package org.loive.workflow;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.ended;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.task;
import static org.loive.workflow.ProcessTestSupport.waitsFor;

/**
 * Cases started before the chain corrections keep running on the definitions they started on (the six
 * processes as deployed before, kept in {@code bpmn-before-issue-11/}): with today's beans and tables they still
 * go from intake to their end, and a consent withdrawal still ends them as it did then.
 */
class DefinitionsBeforeTheChainCorrectionsProcessTest extends ProcessTestCase {

	private static final List<String> PROCESSES = List.of("victim-referral", "victim-rescue", "victim-protection",
			"service-referral", "victim-reintegration", "victim-repatriation");

	private Deployment before;

	@BeforeEach
	void theDefinitionsOfBefore() {
		var deployment = repositoryService().createDeployment().name("before the chain corrections");
		PROCESSES.forEach(key -> deployment.addClasspathResource("bpmn-before-issue-11/" + key + ".bpmn"));
		before = deployment.deploy();
	}

	@AfterEach
	void today() {
		repositoryService().deleteDeployment(before.getId(), true);
	}

	@Test
	void aHotlineCaseStartedBeforeGoesFromIntakeToClosureOnTodaysCode() {
		ProcessInstance referral = startedBefore();

		done(referral, ReferralProcess.CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false,
				"crossBorderRescue", false, "foreignNational", false, "duplicateOfCaseId", null);
		done(referral, ReferralProcess.RECEIVE_PERSON, "healthDepartmentNotified", true, "temporaryShelterProvided", true);
		assertThat(referral).as("no support while being identified on the old definition")
			.isWaitingAt(ReferralProcess.INITIAL_VERIFICATION).isNotWaitingAt(ReferralProcess.INTERIM_SUPPORT);
		done(referral, ReferralProcess.INITIAL_VERIFICATION, "documentsExist", true, "policeConsulted", true);
		done(referral, ReferralProcess.IDENTIFY, "victim", true, "evidenceKinds", List.of("OFFICIAL_DOCUMENT"),
				"confirmationIssued", true);
		done(referral, ReferralProcess.ASSESS_RISK, "threatsReceived", false, "traffickersAtLarge", false,
				"traffickersKnowWhereabouts", false, "relativesThreatened", false, "minor", false, "previouslyTrafficked", false);
		done(referral, ReferralProcess.PLAN_SUPPORT, ReferralVariables.CONSENTED_SERVICES, List.of("a"));
		ProcessInstance service = instanceOf(referral, ServiceReferralProcess.KEY);
		waitsFor(service, ServiceReferralProcess.RESPOND, "health");
		done(task(service, ServiceReferralProcess.RESPOND), "referralAccepted", true, "declineReason", null);
		done(task(service, ServiceReferralProcess.DELIVER), "serviceOutcome", "DELIVERED", "extensionRequested", false);
		done(referral, ReintegrationProcess.RECEIVE_APPLICATION, "applicationReceived", true);
		done(referral, ReintegrationProcess.DECIDE, "reintegrationApproved", true);
		done(referral, ReintegrationProcess.FOLLOW_UP_VISIT, "reTraffickingRisk", "LOW", "moreVisitsNeeded", false);
		done(referral, ReferralProcess.CLOSE, ReferralVariables.CASE_OUTCOME, "REINTEGRATED");

		assertThat(referral).isEnded().hasPassed(ReferralProcess.END_CLOSED);
		assertThat(ended(referral, ReferralVariables.CASE_OUTCOME)).isEqualTo("REINTEGRATED");
	}

	@Test
	void aConsentWithdrawnOnACaseStartedBeforeEndsItAsItDidThen() {
		ProcessInstance referral = startedBefore();
		done(referral, ReferralProcess.CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false,
				"crossBorderRescue", false, "foreignNational", false, "duplicateOfCaseId", null);

		new ReferralWorkflow(runtimeService()).withdrawConsent(UUID.fromString(referral.getBusinessKey()), "PERSON_REQUEST");

		assertThat(referral).isEnded().hasPassed("Task_StopServices", "EndEvent_ServicesStopped");
		assertThat(ended(referral, ReferralVariables.CASE_OUTCOME)).isEqualTo("CONSENT_WITHDRAWN");
	}

	/** A case as intake started it before: the variables of then, on the definition of then. */
	private ProcessInstance startedBefore() {
		String definition = repositoryService().createProcessDefinitionQuery()
			.deploymentId(before.getId())
			.processDefinitionKey(ReferralProcess.KEY)
			.singleResult()
			.getId();
		UUID caseId = UUID.randomUUID();
		return runtimeService().startProcessInstanceById(definition, caseId.toString(), Variables.createVariables()
			.putValue(ReferralVariables.CASE_ID, caseId.toString())
			.putValue(ReferralVariables.REFERENCE, "QNG-2026-000002")
			.putValue(ReferralVariables.CHANNEL, Channel.HOTLINE_111.name())
			.putValue(ReferralVariables.PLACE, Place.INLAND.name())
			.putValue(ReferralVariables.AREA, "QNG")
			.putValue(ReferralVariables.PROVINCE, "QNG")
			.putValue(ReferralVariables.IMMEDIATE_DANGER, false)
			.putValue(ReferralVariables.VICTIM_ID, UUID.randomUUID().toString())
			.putValue(ReferralVariables.MINOR_IDS, List.of())
			.putValue(ReferralVariables.RESCUE_NEEDED, false)
			.putValue(ReferralVariables.CROSS_BORDER_RESCUE, false)
			.putValue(ReferralVariables.FOREIGN_NATIONAL, false)
			.putValue(ReferralVariables.REPATRIATED, false));
	}
}
