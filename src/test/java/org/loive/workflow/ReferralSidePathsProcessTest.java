package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.loive.workflow.ProcessTestSupport.acceptAndDeliverAll;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.caseInstances;
import static org.loive.workflow.ProcessTestSupport.close;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.fireTimer;
import static org.loive.workflow.ProcessTestSupport.assessMinorRisks;
import static org.loive.workflow.ProcessTestSupport.ended;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.identify;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.instancesOf;
import static org.loive.workflow.ProcessTestSupport.openAll;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.reintegrate;
import static org.loive.workflow.ProcessTestSupport.start;
import static org.loive.workflow.ProcessTestSupport.variableOf;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.*;

/** The ends of the main process other than closure, the consulate return and accompanying minors. */
class ReferralSidePathsProcessTest extends ProcessTestCase {

	/** Art 37: what an accompanying minor receives, and who provides it. */
	private static final Map<String, String> MINOR_SERVICE_PROVIDERS = Map.of("a", "health", "b", "health", "c",
			"foreign-affairs", "d", "legal-aid", "dd", "legal-aid", "e", "commune", "g", "health", "h", "education");




	@Test
	void personWithoutDocumentsIsVerifiedFurtherByThePoliceAndFoundNoVictim() {
		ProcessInstance referral = hotlineReport(0);

		waitsFor(referral, CLASSIFY, "police");
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		waitsFor(referral, RECEIVE_PERSON, "commune");
		done(referral, RECEIVE_PERSON, "healthDepartmentNotified", true, "temporaryShelterProvided", false);
		waitsFor(referral, INITIAL_VERIFICATION, "health");
		done(referral, INITIAL_VERIFICATION, "documentsExist", false, "policeConsulted", true);
		waitsFor(referral, FURTHER_VERIFICATION, "police");
		done(referral, FURTHER_VERIFICATION, "evidenceFound", false);
		waitsFor(referral, IDENTIFY, "police");
		done(referral, IDENTIFY, "victim", false, "evidenceKinds", List.of(), "confirmationIssued", false,
				"personNotified", true, ReferralVariables.REFERRED_TO, "SOCIAL_ASSISTANCE_FACILITY");

		assertThat(referral).isEnded()
			.hasPassedInOrder(CLASSIFY, RECEIVE_PERSON, INITIAL_VERIFICATION, FURTHER_VERIFICATION, IDENTIFY,
					END_NOT_VICTIM)
			.hasNotPassed(RESCUE, HAND_OVER, ASSESS_RISK, PLAN_SUPPORT, END_CLOSED);
		assertThat(caseInstances(referral)).isEmpty();
		assertThat(ended(referral, ReferralVariables.CASE_OUTCOME)).isEqualTo("NOT_A_VICTIM");
		assertThat(ended(referral, ReferralVariables.REFERRED_TO)).isEqualTo("SOCIAL_ASSISTANCE_FACILITY");
	}

	@Test
	void otherMatterIsReferredOutAtClassification() {
		ProcessInstance referral = hotlineReport(0);

		waitsFor(referral, CLASSIFY, "police");
		done(referral, CLASSIFY, "classification", "OTHER_MATTER", "rescueNeeded", false, "crossBorderRescue", false,
				"foreignNational", false, "duplicateOfCaseId", null, ReferralVariables.REFERRED_TO, "LABOUR_AUTHORITY");

		assertThat(referral).isEnded().hasPassed(END_REFERRED_OUT).hasNotPassed(RECEIVE_PERSON, END_DUPLICATE);
		assertThat(ended(referral, ReferralVariables.CASE_OUTCOME)).isEqualTo("REFERRED_OUT");
		assertThat(ended(referral, ReferralVariables.REFERRED_TO)).isEqualTo("LABOUR_AUTHORITY");
	}

	@Test
	void duplicateReportIsMergedAtClassification() {
		ProcessInstance referral = hotlineReport(0);

		waitsFor(referral, CLASSIFY, "police");
		done(referral, CLASSIFY, "classification", "DUPLICATE", "rescueNeeded", false, "crossBorderRescue", false,
				"foreignNational", false, "duplicateOfCaseId", UUID.randomUUID().toString());

		assertThat(referral).isEnded().hasPassed(END_DUPLICATE).hasNotPassed(RECEIVE_PERSON, END_REFERRED_OUT);
		assertThat(ended(referral, ReferralVariables.CASE_OUTCOME)).isEqualTo("DUPLICATE");
	}

	@Test
	void citizenReturnedThroughTheConsulateIsReceivedIdentifiedAndHandedOverByTheBorderGuardThenClosed() {
		ProcessInstance referral = start(Channel.CONSULATE_RETURN, Place.BORDER_AREA, false, 0);
		assertThat(referral).variables()
			.containsEntry(ReferralVariables.ENTRY_STEP, "BORDER_RECEPTION")
			.containsEntry(ReferralVariables.IDENTIFYING_AGENCY, "border-guard");

		waitsFor(referral, BORDER_RECEPTION, "border-guard");
		done(referral, BORDER_RECEPTION, "foreignNational", false);
		waitsFor(referral, BORDER_VERIFICATION, "border-guard");
		done(referral, BORDER_VERIFICATION, "traffickingSigns", true);
		identify(referral, "border-guard");
		waitsFor(referral, HAND_OVER, "border-guard");
		assertThat(referral).isNotWaitingAt(ASSESS_RISK, PLAN_SUPPORT);
		done(referral, HAND_OVER, "handedOverTo", "COMMUNE");
		assertThat(referral).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT).isNotWaitingAt(HAND_OVER);
		waitsFor(referral, PLAN_SUPPORT, "health");
		assessRisk(referral);
		assertThat(referral).isWaitingAt(PLAN_SUPPORT).hasNotPassed(PROTECTION);
		planSupport(referral, "a", "g");
		assertThat(referral).isWaitingAt(SERVICE_REFERRAL);
		assertThat(instancesOf(referral, ServiceReferralProcess.KEY)).hasSize(2);
		acceptAndDeliverAll(referral);
		reintegrate(referral);
		close(referral, "REINTEGRATED");

		assertThat(referral)
			.hasPassedInOrder(BORDER_RECEPTION, BORDER_VERIFICATION, IDENTIFY, HAND_OVER, ASSESS_RISK, REINTEGRATION,
					CLOSE, END_CLOSED)
			.hasNotPassed(CLASSIFY, RECEIVE_PERSON, INITIAL_VERIFICATION, FURTHER_VERIFICATION, REPATRIATION);
	}

	@Test
	void twoAccompanyingMinorsEachGetTheServicesOfAMinorFromTheirProviders() {
		ProcessInstance referral = hotlineReport(2);
		@SuppressWarnings("unchecked")
		List<String> minorIds = (List<String>) runtimeService().getVariable(referral.getId(), ReferralVariables.MINOR_IDS);
		String victimId = (String) runtimeService().getVariable(referral.getId(), ReferralVariables.VICTIM_ID);

		identifyVictim(referral, false);
		assertThat(referral).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT, NOTIFY_GUARDIAN);
		waitsFor(referral, NOTIFY_GUARDIAN, "commune");
		List<Task> notifications = openAll(referral, NOTIFY_GUARDIAN);
		assertThat(notifications).hasSize(2);
		done(notifications.get(0), "guardianNotified", "PARENTS");
		assertThat(referral).isWaitingAt(NOTIFY_GUARDIAN, MINOR_SERVICE_REFERRAL);
		done(notifications.get(1), "guardianNotified", "NONE_FOUND");
		assertThat(referral).isNotWaitingAt(NOTIFY_GUARDIAN).isWaitingAt(MINOR_SERVICE_REFERRAL);

		List<ProcessInstance> minorReferrals = instancesOf(referral, ServiceReferralProcess.KEY);
		assertThat(minorReferrals).hasSize(16);
		for (String minorId : minorIds) {
			assertThat(minorReferrals.stream()
				.filter(service -> minorId.equals(variableOf(service, "personId")))
				.map(service -> variableOf(service, ReferralVariables.SERVICE)))
				.as("services of minor %s", minorId)
				.containsExactlyInAnyOrder("a", "b", "c", "d", "dd", "e", "g", "h");
		}
		for (ProcessInstance service : minorReferrals) {
			String code = (String) variableOf(service, ReferralVariables.SERVICE);
			assertThat(code).isNotIn("i", "k");
			assertThat(variableOf(service, ReferralVariables.PROVIDER_AGENCY)).isEqualTo(MINOR_SERVICE_PROVIDERS.get(code));
			waitsFor(service, ServiceReferralProcess.RESPOND, MINOR_SERVICE_PROVIDERS.get(code));
		}

		assessRisk(referral);
		assertThat(openAll(referral, ASSESS_MINOR_RISK)).as("each minor is assessed like the victim").hasSize(2);
		done(openAll(referral, ASSESS_MINOR_RISK).get(0), "threatsReceived", true, "traffickersAtLarge", false,
				"traffickersKnowWhereabouts", true, "relativesThreatened", false, "minor", true, "previouslyTrafficked", false);
		assessMinorRisks(referral);
		ProcessInstance minorProtection = instanceOf(referral, ProtectionProcess.KEY);
		assertThat(minorIds).contains((String) variableOf(minorProtection, "personId"));
		assertThat(variableOf(minorProtection, ReferralVariables.RISK_LEVEL)).isEqualTo("HIGH");
		assertThat(runtimeService().getVariable(referral.getId(), ReferralVariables.RISK_LEVEL))
			.as("the victim's own risk stays hers").isEqualTo("LOW");
		done(referral, ProtectionProcess.APPLY_PROTECTION, "protectionRefused", false, "protectionMeasures",
				List.of("SAFE_REFUGE"), "writtenCommitmentRecorded", false);
		fireTimer(minorProtection, ProtectionProcess.REVIEW_DUE);
		done(referral, ProtectionProcess.REVIEW_PROTECTION, "stillAtRisk", false);
		assertThat(minorProtection).isEnded();
		planSupport(referral, "i", "k");
		List<ProcessInstance> all = instancesOf(referral, ServiceReferralProcess.KEY);
		assertThat(all).hasSize(18);
		assertThat(all.stream().filter(service -> victimId.equals(variableOf(service, "personId")))
			.map(service -> variableOf(service, ReferralVariables.SERVICE))).containsExactlyInAnyOrder("i", "k");
		assertThat(referral).isWaitingAt(SERVICE_REFERRAL, MINOR_SERVICE_REFERRAL);

		acceptAndDeliverAll(referral);
		reintegrate(referral);
		close(referral, "REINTEGRATED");
		assertThat(referral).hasPassed(MINORS, MINOR_ELIGIBILITY, MINOR_SERVICE_REFERRAL, SERVICE_REFERRAL, ASSESS_MINOR_RISK,
				MINOR_PROTECTION, "EndEvent_MinorRiskHandled");
	}
}
