package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.loive.platform.InvalidRequestException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.clockAt;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.instant;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.task;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.REINTEGRATION;
import static org.loive.workflow.ReferralProcess.SERVICE_REFERRAL;
import static org.loive.workflow.ServiceReferralProcess.*;

/** Process service-referral: one support service, accepted or declined by its provider. */
class ServiceReferralProcessTest extends ProcessTestCase {

	/** Monday 2 March 2026, 09:00 in Vietnam. */
	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

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

	@Test
	void essentialNeedsAreDueIn120DaysAndEachExtensionDecidedByHealthGivesSixtyMore() {
		clockAt(NOW);
		ProcessInstance referral = victimConsentingToEssentialNeeds();
		ProcessInstance service = instanceOf(referral, KEY);
		done(referral, RESPOND, "referralAccepted", true, "declineReason", null);
		waitsFor(service, DELIVER, "health");
		assertThat(instant(task(service, DELIVER).getDueDate())).isEqualTo(NOW.plus(Duration.ofDays(120)));

		Instant askedAt = NOW.plus(Duration.ofDays(110));
		clockAt(askedAt);
		done(referral, DELIVER, "serviceOutcome", "PARTIALLY_DELIVERED", "extensionRequested", true);
		waitsFor(service, DECIDE_EXTENSION, "health");
		done(referral, DECIDE_EXTENSION, "extensionGranted", true, ReferralVariables.EXTENSIONS, 1);
		waitsFor(service, DELIVER, "health");
		assertThat(instant(task(service, DELIVER).getDueDate())).as("an extension's deadline, from the decision")
			.isEqualTo(askedAt.plus(Duration.ofDays(60)));
		done(referral, DELIVER, "serviceOutcome", "PARTIALLY_DELIVERED", "extensionRequested", true);
		done(referral, DECIDE_EXTENSION, "extensionGranted", false, ReferralVariables.EXTENSIONS, 1);

		assertThat(service).isEnded()
			.hasPassedInOrder(DELIVER, DECIDE_EXTENSION, DELIVER, DECIDE_EXTENSION, END_NOT_EXTENDED)
			.hasNotPassed(END_RECORDED);
		assertThat(referral).isWaitingAt(REINTEGRATION);
	}

	@Test
	void otherServicesHaveTheirOwnDeadline() {
		clockAt(NOW);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral, "c");
		ProcessInstance service = instanceOf(referral, KEY);
		done(referral, RESPOND, "referralAccepted", true, "declineReason", null);

		waitsFor(service, DELIVER, "foreign-affairs");
		assertThat(instant(task(service, DELIVER).getDueDate())).as("interpreting: 3 working days, Monday to Thursday")
			.isEqualTo(NOW.plus(Duration.ofDays(3)));
	}

	@Test
	void onlyEssentialNeedsCanBeExtended() {
		ServiceReferralForms.DeliverService outcome = new ServiceReferralForms.DeliverService(
				ServiceReferralForms.DeliveryOutcome.PARTIALLY_DELIVERED, true);

		assertThat(outcome.variables(Map.of(ReferralVariables.SERVICE, "a"))).containsEntry("extensionRequested", true);
		assertThatThrownBy(() -> outcome.variables(Map.of(ReferralVariables.SERVICE, "b")))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rejections())
				.containsExactly(new InvalidRequestException.Rejection("decision.extensionRequested",
						"validation.extension-essential-needs-only")));
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
