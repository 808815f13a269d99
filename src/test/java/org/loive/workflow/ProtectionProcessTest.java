package org.loive.workflow;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.reintegrate;
import static org.loive.workflow.ProtectionProcess.*;
import static org.loive.workflow.ReferralProcess.PLAN_SUPPORT;
import static org.loive.workflow.ReferralProcess.PROTECTION;
import static org.loive.workflow.ReferralProcess.REINTEGRATION;

/** Process victim-protection, called when the risk assessment requires protection. */
class ProtectionProcessTest extends ProcessTestCase {

	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");




	@Test
	void protectionStillNeededAtReviewIsAppliedAgainUntilThePersonRefusesIt() {
		ProcessInstance referral = threatenedVictim();
		ProcessInstance protection = instanceOf(referral, KEY);

		waitsForApply(protection);
		done(referral, APPLY_PROTECTION, "protectionRefused", false, "protectionMeasures",
				List.of("SAFE_REFUGE", "IDENTITY_CONFIDENTIALITY"), "writtenCommitmentRecorded", false);
		reviewAfterThirtyDays(protection);
		done(referral, REVIEW_PROTECTION, "stillAtRisk", true);
		waitsForApply(protection);
		done(referral, APPLY_PROTECTION, "protectionRefused", true, "protectionMeasures", List.of(),
				"writtenCommitmentRecorded", true);

		assertThat(protection).isEnded()
			.hasPassedInOrder(APPLY_PROTECTION, REVIEW_DUE, REVIEW_PROTECTION, APPLY_PROTECTION, END_REFUSED)
			.hasNotPassed(END_ENDED);
		assertThat(referral).isNotWaitingAt(PROTECTION).isWaitingAt(PLAN_SUPPORT).hasPassed(PROTECTION);
	}

	@Test
	void protectionNoLongerNeededAtReviewEndsAndTheCaseGoesOn() {
		ProcessInstance referral = threatenedVictim();
		ProcessInstance protection = instanceOf(referral, KEY);

		waitsForApply(protection);
		done(referral, APPLY_PROTECTION, "protectionRefused", false, "protectionMeasures", List.of("RESIDENCE_PROTECTION"),
				"writtenCommitmentRecorded", false);
		reviewAfterThirtyDays(protection);
		done(referral, REVIEW_PROTECTION, "stillAtRisk", false);

		assertThat(protection).isEnded().hasPassed(END_ENDED).hasNotPassed(END_REFUSED);
		assertThat(referral).isNotWaitingAt(PROTECTION).isWaitingAt(PLAN_SUPPORT);
		planSupport(referral);
		reintegrate(referral);
		close(referral, "REINTEGRATED");
		assertThat(referral).hasPassedInOrder(PROTECTION, REINTEGRATION);
	}

	@Test
	void aHighRiskIsDueForProtectionTheSameCalendarDayInVietnam() {
		ProcessInstance protection = instanceOf(threatenedVictim(), KEY);

		Instant endOfToday = Instant.parse("2026-03-02T16:59:59Z");
		assertThat(instant(ProcessTestSupport.task(protection, APPLY_PROTECTION).getDueDate()))
			.as("assessed at 09:00 in Vietnam: due by 23:59:59 the same day").isEqualTo(endOfToday);
		assertThat(instant(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery()
			.processInstanceId(protection.getId()).timers().activityId("Timer_ApplyProtectionOverdue").singleResult()
			.getDuedate())).as("the overdue timer fires then").isEqualTo(endOfToday);
	}

	@Test
	void aMediumRiskIsDueForProtectionInTwentyFourHours() {
		clockAt(NOW);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral, "threatsReceived");
		assertThat(referral).variables().containsEntry(ReferralVariables.RISK_LEVEL, "MEDIUM");

		assertThat(instant(ProcessTestSupport.task(instanceOf(referral, KEY), APPLY_PROTECTION).getDueDate()))
			.isEqualTo(NOW.plus(Duration.ofHours(24)));
	}

	/** A victim threatened by traffickers who know where the victim lives: high risk, protection required. */
	private static ProcessInstance threatenedVictim() {
		clockAt(NOW);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral, "threatsReceived", "traffickersKnowWhereabouts");
		assertThat(referral).variables()
			.containsEntry(ReferralVariables.RISK_LEVEL, "HIGH")
			.containsEntry(ReferralVariables.PROTECTION_REQUIRED, true);
		assertThat(referral).isWaitingAt(PROTECTION, PLAN_SUPPORT);
		return referral;
	}

	private static void waitsForApply(ProcessInstance protection) {
		ProcessTestSupport.waitsFor(protection, APPLY_PROTECTION, "police");
	}

	/** The review is due 30 days after protection was applied; the clock moves there and the timer fires. */
	private static void reviewAfterThirtyDays(ProcessInstance protection) {
		assertThat(protection).isWaitingAt(REVIEW_DUE).isNotWaitingAt(APPLY_PROTECTION);
		Instant applied = ClockUtil.getCurrentTime().toInstant();
		clockAt(applied.plus(Duration.ofDays(30)));
		Job review = fireTimer(protection, REVIEW_DUE);
		assertThat(instant(review.getDuedate())).isEqualTo(applied.plus(Duration.ofDays(30)));
		ProcessTestSupport.waitsFor(protection, REVIEW_PROTECTION, "police");
	}
}
