package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.loive.platform.ApiException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.authorizationService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.caseInstances;
import static org.loive.workflow.ProcessTestSupport.correlate;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.ended;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.identify;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.instancesOf;
import static org.loive.workflow.ProcessTestSupport.openAll;
import static org.loive.workflow.ProcessTestSupport.openTasks;
import static org.loive.workflow.ProcessTestSupport.planInterimSupport;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.receiveAndVerify;
import static org.loive.workflow.ProcessTestSupport.variableOf;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.*;

/** What happens to a running case from outside its tasks: consent withdrawn, transfer. */
class CaseEventsProcessTest extends ProcessTestCase {

	private static final String END_TRANSFERRED = "EndEvent_Transferred";




	@Test
	void consentWithdrawnWhileServicesAreUnderwayStopsThemButNotProtectionNorTheCase() {
		ProcessInstance referral = hotlineReport(1);
		identifyVictim(referral, false);
		waitsFor(referral, NOTIFY_GUARDIAN, "commune");
		done(referral, NOTIFY_GUARDIAN, "guardianNotified", "RELATIVES");
		assessRisk(referral, "threatsReceived", "traffickersKnowWhereabouts");
		planSupport(referral, "a", "d");
		assertThat(referral).isWaitingAt(PROTECTION, SERVICE_REFERRAL, MINOR_SERVICE_REFERRAL);
		List<ProcessInstance> services = instancesOf(referral, ServiceReferralProcess.KEY);
		assertThat(services).hasSize(10);

		withdrawConsent(referral);

		services.forEach(service -> assertThat(service).isEnded());
		assertThat(referral).isNotEnded()
			.hasPassed(SERVICES_CONSENT_WITHDRAWN, MINOR_SERVICES_CONSENT_WITHDRAWN, "EndEvent_MinorServicesStopped")
			.isWaitingAt(PROTECTION)
			.isNotWaitingAt(SERVICE_REFERRAL, MINOR_SERVICE_REFERRAL);
		ProcessTestSupport.assessMinorRisks(referral);
		ProcessInstance protection = instanceOf(referral, ProtectionProcess.KEY);
		done(referral, ProtectionProcess.APPLY_PROTECTION, "protectionRefused", true, "protectionMeasures", List.of(),
				"writtenCommitmentRecorded", true);
		assertThat(protection).isEnded();
		waitsFor(referral, CLOSE, "health");
		assertThat(referral).hasNotPassed(REINTEGRATION);
		done(referral, CLOSE, ReferralVariables.CASE_OUTCOME, "CONSENT_WITHDRAWN");
		assertThat(referral).isEnded().hasPassed(END_CLOSED);
		assertThat(ended(referral, ReferralVariables.CASE_OUTCOME)).isEqualTo("CONSENT_WITHDRAWN");
	}

	@Test
	void consentWithdrawnBeforeIdentificationLetsTheChainGoOnAndOffersNoSupport() {
		ProcessInstance referral = hotlineReport(0);
		waitsFor(referral, CLASSIFY, "police");
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		receiveAndVerify(referral);
		waitsFor(referral, IDENTIFY, "police");

		withdrawConsent(referral);

		identify(referral, "police");
		assessRisk(referral);
		assertThatThrownBy(() -> new ReferralForms.PlanSupport(List.of("a"), null, null).variables(
				java.util.Map.of(ReferralVariables.CONSENT_WITHDRAWN, true, ReferralVariables.ELIGIBLE_SERVICES, List.of("a"))))
			.isInstanceOf(org.loive.platform.InvalidRequestException.class);
		planSupport(referral);
		waitsFor(referral, CLOSE, "health");
		assertThat(referral).hasNotPassed(REINTEGRATION, SERVICE_REFERRAL);
	}

	@Test
	void consentWithdrawnDuringReintegrationStopsItAndTheCaseIsClosed() {
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral);
		ProcessInstance reintegration = instanceOf(referral, ReintegrationProcess.KEY);
		waitsFor(reintegration, ReintegrationProcess.RECEIVE_APPLICATION, "commune");

		withdrawConsent(referral);

		assertThat(reintegration).isEnded();
		assertThat(referral).hasPassed(REINTEGRATION_CONSENT_WITHDRAWN).isWaitingAt(CLOSE);
		assertThatThrownBy(() -> withdrawConsent(referral)).as("already withdrawn").isInstanceOf(ApiException.class);
	}

	@Test
	void notAVictimEndsTheCaseAndTheServicesReferredWhileBeingIdentified() {
		ProcessInstance referral = hotlineReport(0);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		receiveAndVerify(referral);
		planInterimSupport(referral, "a", "b");
		List<ProcessInstance> interim = instancesOf(referral, ServiceReferralProcess.KEY);
		assertThat(interim).hasSize(2);

		done(referral, IDENTIFY, "victim", false, "evidenceKinds", List.of(), "confirmationIssued", false,
				"personNotified", true, ReferralVariables.REFERRED_TO, "NOT_REFERRED");

		assertThat(referral).isEnded().hasPassed(END_NOT_VICTIM).hasNotPassed(END_CLOSED, "EndEvent_Interim");
		interim.forEach(service -> assertThat(service).isEnded().hasNotPassed(ServiceReferralProcess.END_RECORDED));
		assertThat(caseInstances(referral)).isEmpty();
		assertThat(ended(referral, ReferralVariables.CASE_OUTCOME)).isEqualTo("NOT_A_VICTIM");
	}

	@Test
	void consentWithdrawnStopsTheServicesOfAPersonBeingIdentifiedAndVerificationGoesOn() {
		ProcessInstance referral = hotlineReport(0);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		receiveAndVerify(referral);
		planInterimSupport(referral, "g");
		ProcessInstance service = instanceOf(referral, ServiceReferralProcess.KEY);

		withdrawConsent(referral);

		assertThat(service).isEnded();
		assertThat(referral).hasPassed(INTERIM_SERVICES_CONSENT_WITHDRAWN, "EndEvent_InterimServicesStopped")
			.isWaitingAt(IDENTIFY);
	}

	private static void withdrawConsent(ProcessInstance referral) {
		new ReferralWorkflow(runtimeService()).withdrawConsent(java.util.UUID.fromString(referral.getBusinessKey()),
				"PERSON_REQUEST");
	}

	@Test
	void caseTransferredToAnotherProvinceMovesTheMainProcessAndOpenServiceReferralsWithTheirTasks() {
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral, "a", "e");
		assertThat(referral).isWaitingAt(SERVICE_REFERRAL);
		List<ProcessInstance> services = instancesOf(referral, ServiceReferralProcess.KEY);
		assertThat(services).hasSize(2);
		List<String> openBefore = openTasks(referral).stream().map(Task::getId).toList();
		assertThat(openBefore).hasSize(2);
		List<String> instances = new ArrayList<>(services.stream().map(ProcessInstance::getId).toList());
		instances.add(referral.getId());
		assertThat(provinceGrants(instances, openBefore)).as("each instance, its history and each open task")
			.hasSize(instances.size() * 2 + openBefore.size()).containsOnly("province-QNG");

		correlate(referral, MESSAGE_CASE_TRANSFERRED, ReferralVariables.TRANSFER_TO, "GLI");
		assertThat(provinceGrants(instances, openBefore)).as("the engine's grants moved with the case")
			.hasSize(instances.size() * 2 + openBefore.size()).containsOnly("province-GLI");

		assertThat(referral).hasPassedInOrder(TRANSFER_CASE, END_TRANSFERRED).isWaitingAt(SERVICE_REFERRAL);
		assertThat(referral).variables()
			.containsEntry(ReferralVariables.PROVINCE, "GLI")
			.containsEntry(ReferralVariables.AREA, "GLI");
		for (ProcessInstance service : services) {
			assertThat(service).isNotEnded().variables()
				.containsEntry(ReferralVariables.PROVINCE, "GLI")
				.containsEntry(ReferralVariables.AREA, "GLI");
		}
		waitsFor(instanceWithService(services, "a"), ServiceReferralProcess.RESPOND, "health");
		waitsFor(instanceWithService(services, "e"), ServiceReferralProcess.RESPOND, "commune");
		assertThat(openTasks(referral)).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(openBefore);
		// the task list of an officer filters on the province of the task's process: the tasks moved with the case
		assertThat(taskService().createTaskQuery()
			.processVariableValueEquals(ReferralVariables.PROVINCE, "GLI")
			.processInstanceBusinessKey(referral.getBusinessKey())
			.list()).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(openBefore);
		assertThat(taskService().createTaskQuery()
			.processVariableValueEquals(ReferralVariables.PROVINCE, "QNG")
			.processInstanceBusinessKey(referral.getBusinessKey())
			.count()).isZero();
	}

	/** The province groups granted on the instances, their history and the tasks. */
	private static List<String> provinceGrants(List<String> instances, List<String> tasks) {
		List<String> groups = new ArrayList<>();
		for (String instance : instances) {
			groups.addAll(grantsOn(Resources.PROCESS_INSTANCE, instance));
			groups.addAll(grantsOn(Resources.HISTORIC_PROCESS_INSTANCE, instance));
		}
		tasks.forEach(task -> groups.addAll(grantsOn(Resources.TASK, task)));
		return groups;
	}

	private static List<String> grantsOn(Resources resource, String id) {
		return authorizationService().createAuthorizationQuery().resourceType(resource).resourceId(id).list().stream()
			.map(Authorization::getGroupId)
			.filter(group -> group != null && group.startsWith("province-"))
			.toList();
	}

	private static ProcessInstance instanceWithService(List<ProcessInstance> services, String code) {
		return services.stream()
			.filter(service -> code.equals(variableOf(service, ReferralVariables.SERVICE)))
			.findFirst()
			.orElseThrow();
	}
}
