package org.loive.workflow;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.clockAt;
import static org.loive.workflow.ProcessTestSupport.close;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.fireTimer;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.instant;
import static org.loive.workflow.ProcessTestSupport.open;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.CLOSE;
import static org.loive.workflow.ReferralProcess.REINTEGRATION;
import static org.loive.workflow.ReintegrationProcess.*;

/** Process victim-reintegration: the decision on support and the follow-up visits. */
class ReintegrationProcessTest extends ProcessTestCase {

	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");




	@Test
	void reintegrationNotApprovedEndsDeclinedAndTheCaseIsClosed() {
		ProcessInstance referral = victimApplyingForReintegration();
		ProcessInstance reintegration = instanceOf(referral, KEY);

		waitsFor(reintegration, DECIDE, "health");
		done(referral, DECIDE, "reintegrationApproved", false);

		assertThat(reintegration).isEnded().hasPassed(END_DECLINED).hasNotPassed(FOLLOW_UP_VISIT, END_REINTEGRATED);
		close(referral, "OTHER");
	}

	@Test
	void approvedReintegrationIsVisitedAgainAfterThreeMonthsUntilThePersonIsSettled() {
		ProcessInstance referral = victimApplyingForReintegration();
		ProcessInstance reintegration = instanceOf(referral, KEY);

		waitsFor(reintegration, DECIDE, "health");
		done(referral, DECIDE, "reintegrationApproved", true);
		waitsFor(reintegration, FOLLOW_UP_VISIT, "commune");
		String firstVisit = open(referral, FOLLOW_UP_VISIT).getId();
		done(referral, FOLLOW_UP_VISIT, "reTraffickingRisk", "MEDIUM", "moreVisitsNeeded", true);
		assertThat(reintegration).isWaitingAt(NEXT_VISIT_DUE).isNotWaitingAt(FOLLOW_UP_VISIT);

		clockAt(NOW.plus(Duration.ofDays(90)));
		Job nextVisit = fireTimer(reintegration, NEXT_VISIT_DUE);
		assertThat(instant(nextVisit.getDuedate())).isEqualTo(NOW.plus(Duration.ofDays(90)));
		waitsFor(reintegration, FOLLOW_UP_VISIT, "commune");
		assertThat(open(referral, FOLLOW_UP_VISIT).getId()).isNotEqualTo(firstVisit);
		done(referral, FOLLOW_UP_VISIT, "reTraffickingRisk", "LOW", "moreVisitsNeeded", false);

		assertThat(reintegration).isEnded()
			.hasPassedInOrder(DECIDE, FOLLOW_UP_VISIT, NEXT_VISIT_DUE, FOLLOW_UP_VISIT, END_REINTEGRATED)
			.hasNotPassed(END_DECLINED);
		close(referral, "REINTEGRATED");
		assertThat(referral).hasPassedInOrder(REINTEGRATION, CLOSE);
	}

	/** A Vietnamese victim with no services consented, whose application for reintegration has been received. */
	private static ProcessInstance victimApplyingForReintegration() {
		clockAt(NOW);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral);
		assertThat(referral).isWaitingAt(REINTEGRATION);
		ProcessInstance reintegration = instanceOf(referral, KEY);
		waitsFor(reintegration, RECEIVE_APPLICATION, "commune");
		done(referral, RECEIVE_APPLICATION, "applicationReceived", true);
		return referral;
	}
}
