package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.open;
import static org.loive.workflow.ProcessTestSupport.openAll;
import static org.loive.workflow.ProcessTestSupport.start;
import static org.loive.workflow.ReferralProcess.*;

/** The main line of the referral chain, engine only, asserting the wait state after every step. */
class ReferralChainProcessTest extends ProcessTestCase {

	@Test
	void hotlineReportOfAVietnameseVictimGoesFromIntakeToClosure() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, false, 0);

		assertThat(referral).isWaitingAt(CLASSIFY).task().hasCandidateGroup("police");
		assertThat(open(referral, CLASSIFY).getDueDate()).isNotNull();
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "foreignNational", false);
		assertThat(referral).isWaitingAt(RECEIVE_PERSON).task().hasCandidateGroup("commune");
		done(referral, RECEIVE_PERSON);
		assertThat(referral).isWaitingAt(INITIAL_VERIFICATION).task().hasCandidateGroup("health");
		done(referral, INITIAL_VERIFICATION, "documentsExist", true);
		assertThat(referral).isWaitingAt(IDENTIFY).task().hasCandidateGroup("police");
		done(referral, IDENTIFY, "victim", true);
		assertThat(referral).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT);
		done(referral, ASSESS_RISK, "threatsReceived", false, "traffickersAtLarge", false, "traffickersKnowWhereabouts",
				false, "relativesThreatened", false, "minor", false, "previouslyTrafficked", false);
		assertThat(referral).variables().containsEntry(ReferralVariables.RISK_LEVEL, "LOW");
		assertThat(referral).isWaitingAt(PLAN_SUPPORT).task().hasCandidateGroup("health");
		assertThat(referral).variables()
			.containsEntry(ReferralVariables.ELIGIBLE_SERVICES, List.of("a", "b", "c", "d", "dd", "e", "g", "h", "i", "k"));
		done(referral, PLAN_SUPPORT, ReferralVariables.CONSENTED_SERVICES, List.of("a", "d"));
		assertThat(referral).isWaitingAt(SERVICE_REFERRAL);
		assertThat(openAll(referral, ServiceReferralProcess.RESPOND)).extracting(task -> task.getName()).hasSize(2);
		for (int i = 0; i < 2; i++) {
			done(referral, ServiceReferralProcess.RESPOND, "referralAccepted", true);
			done(referral, ServiceReferralProcess.DELIVER, "serviceOutcome", "DELIVERED", "extensionRequested", false);
		}
		assertThat(referral).isWaitingAt(REINTEGRATION);
		done(referral, ReintegrationProcess.RECEIVE_APPLICATION);
		done(referral, ReintegrationProcess.DECIDE, "reintegrationApproved", true);
		done(referral, ReintegrationProcess.FOLLOW_UP_VISIT, "reTraffickingRisk", "LOW", "moreVisitsNeeded", false);
		assertThat(referral).isWaitingAt(CLOSE).task().hasCandidateGroup("health");
		done(referral, CLOSE, ReferralVariables.CASE_OUTCOME, "REINTEGRATED");

		assertThat(referral).isEnded()
			.hasPassedInOrder(START, ROUTE_INTAKE, CLASSIFY, RECEIVE_PERSON, INITIAL_VERIFICATION, IDENTIFY, CLOSE,
					END_CLOSED)
			.hasNotPassed(FURTHER_VERIFICATION, PROTECTION, REPATRIATION, END_NOT_VICTIM);
	}
}
