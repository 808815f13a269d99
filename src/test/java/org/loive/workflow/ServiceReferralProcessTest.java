package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.REINTEGRATION;
import static org.loive.workflow.ReferralProcess.SERVICE_REFERRAL;
import static org.loive.workflow.ServiceReferralProcess.*;

/** Process service-referral: one support service, accepted or declined by its provider. */
class ServiceReferralProcessTest extends ProcessTestCase {

	@Test
	void declinedReferralReassignedToTheCommuneIsAcceptedAndDeliveredThere() {
		ProcessInstance referral = victimConsentingToEssentialNeeds();
		ProcessInstance service = instanceOf(referral, KEY);

		waitsFor(service, RESPOND, "health");
		done(referral, RESPOND, "referralAccepted", false, "declineReason", "NO_CAPACITY");
		waitsFor(service, REVIEW_DECLINED, "health");
		done(referral, REVIEW_DECLINED, "reassigned", true, ReferralVariables.PROVIDER_AGENCY, "commune");
		waitsFor(service, RESPOND, "commune");
		assertThat(taskService().createTaskQuery().processInstanceId(service.getId()).taskCandidateGroup("health").count())
			.isZero();
		done(referral, RESPOND, "referralAccepted", true, "declineReason", null);
		waitsFor(service, DELIVER, "commune");
		done(referral, DELIVER, "serviceOutcome", "DELIVERED", "extensionRequested", false);

		assertThat(service).isEnded()
			.hasPassedInOrder(RESPOND, REVIEW_DECLINED, RESPOND, DELIVER, END_RECORDED)
			.hasNotPassed(END_UNMET);
		assertThat(referral).isNotWaitingAt(SERVICE_REFERRAL).isWaitingAt(REINTEGRATION);
	}

	@Test
	void declinedReferralThatNoOtherProviderCanTakeIsRecordedUnmet() {
		ProcessInstance referral = victimConsentingToEssentialNeeds();
		ProcessInstance service = instanceOf(referral, KEY);

		waitsFor(service, RESPOND, "health");
		done(referral, RESPOND, "referralAccepted", false, "declineReason", "NOT_ELIGIBLE");
		waitsFor(service, REVIEW_DECLINED, "health");
		done(referral, REVIEW_DECLINED, "reassigned", false);

		assertThat(service).isEnded().hasPassed(END_UNMET).hasNotPassed(DELIVER, END_RECORDED);
		assertThat(referral).isNotWaitingAt(SERVICE_REFERRAL).isWaitingAt(REINTEGRATION);
	}

	/** A victim whose plan has only service "a" (essential needs, provided by health). */
	private static ProcessInstance victimConsentingToEssentialNeeds() {
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral, "a");
		assertThat(referral).isWaitingAt(SERVICE_REFERRAL);
		assertThat(instanceOf(referral, KEY)).variables()
			.containsEntry(ReferralVariables.SERVICE, "a")
			.containsEntry(ReferralVariables.PROVIDER_AGENCY, "health")
			.containsEntry(ReferralVariables.PROVINCE, "QNG");
		return referral;
	}
}
