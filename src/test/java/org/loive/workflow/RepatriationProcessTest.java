package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.loive.workflow.ProcessTestSupport.acceptAndDeliverAll;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.close;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.reintegrate;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.ASSESS_RISK;
import static org.loive.workflow.ReferralProcess.CLOSE;
import static org.loive.workflow.ReferralProcess.PLAN_SUPPORT;
import static org.loive.workflow.ReferralProcess.REINTEGRATION;
import static org.loive.workflow.ReferralProcess.REPATRIATION;
import static org.loive.workflow.ReferralProcess.SERVICE_REFERRAL;
import static org.loive.workflow.RepatriationProcess.*;

/** Process victim-repatriation, called for a foreign victim alongside risk assessment and support. */
class RepatriationProcessTest extends ProcessTestCase {

	@Test
	void foreignVictimRepatriatedAtTheBorderSkipsReintegrationAndIsClosed() {
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, true);

		assertThat(referral).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT, REPATRIATION);
		assertThat(referral).variables()
			.containsEntry(ReferralVariables.SUPPORT_CATEGORY, "FOREIGN")
			.containsEntry(ReferralVariables.ELIGIBLE_SERVICES, List.of("a", "b", "c", "d", "dd", "g"));
		ProcessInstance repatriation = instanceOf(referral, KEY);
		waitsFor(repatriation, REQUEST, "foreign-affairs");
		done(referral, REQUEST, "representationNotified", true);
		waitsFor(repatriation, CONFIRM, "foreign-affairs");
		done(referral, CONFIRM, ReferralVariables.REPATRIATED, true);
		waitsFor(repatriation, HAND_OVER_AT_BORDER, "border-guard");
		assertThat(referral).isWaitingAt(REPATRIATION);
		done(referral, HAND_OVER_AT_BORDER, "handedOverAtBorder", true);

		assertThat(repatriation).isEnded().hasPassedInOrder(REQUEST, CONFIRM, HAND_OVER_AT_BORDER, END_REPATRIATED)
			.hasNotPassed(END_STAYS);
		assertThat(referral).isNotWaitingAt(REPATRIATION).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT);
		assertThat(referral).variables().containsEntry(ReferralVariables.REPATRIATED, true);
		assessRisk(referral);
		planSupport(referral, "c");
		assertThat(referral).isWaitingAt(SERVICE_REFERRAL);
		waitsFor(instanceOf(referral, ServiceReferralProcess.KEY), ServiceReferralProcess.RESPOND, "foreign-affairs");
		acceptAndDeliverAll(referral);
		waitsFor(referral, CLOSE, "health");
		assertThat(referral).hasNotPassed(REINTEGRATION);
		close(referral, "REPATRIATED");
	}

	@Test
	void foreignVictimWhoStaysForSupportIsReintegratedBeforeClosure() {
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, true);

		assertThat(referral).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT, REPATRIATION);
		ProcessInstance repatriation = instanceOf(referral, KEY);
		waitsFor(repatriation, REQUEST, "foreign-affairs");
		done(referral, REQUEST, "representationNotified", true);
		waitsFor(repatriation, CONFIRM, "foreign-affairs");
		done(referral, CONFIRM, ReferralVariables.REPATRIATED, false);

		assertThat(repatriation).isEnded().hasPassed(END_STAYS).hasNotPassed(HAND_OVER_AT_BORDER, END_REPATRIATED);
		assertThat(referral).isNotWaitingAt(REPATRIATION).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT);
		assertThat(referral).variables().containsEntry(ReferralVariables.REPATRIATED, false);
		assessRisk(referral);
		planSupport(referral, "a", "dd");
		acceptAndDeliverAll(referral);
		reintegrate(referral);
		close(referral, "REINTEGRATED");
		assertThat(referral).hasPassedInOrder(REPATRIATION, REINTEGRATION, CLOSE);
	}
}
