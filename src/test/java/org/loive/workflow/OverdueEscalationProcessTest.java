package org.loive.workflow;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.loive.workflow.ProcessTestSupport.ESCALATIONS;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.clockAt;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.identify;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.instant;
import static org.loive.workflow.ProcessTestSupport.open;
import static org.loive.workflow.ProcessTestSupport.openAll;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.loive.workflow.ProcessTestSupport.runDueTimers;
import static org.loive.workflow.ProcessTestSupport.start;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.*;

/**
 * Deadlines of the steps: due dates from table step-deadlines, and the non-interrupting overdue timers that
 * raise an escalation to the province's supervisor while the step stays open.
 */
class OverdueEscalationProcessTest extends ProcessTestCase {

	/** Monday 2 March 2026, 09:00 in Vietnam (UTC+7); no holiday in the fortnight after it. */
	private static final Instant MONDAY = Instant.parse("2026-03-02T02:00:00Z");



	@BeforeEach
	void noEscalationsYet() {
		ESCALATIONS.clear();
	}


	@Test
	void initialVerificationOverdueIsEscalatedOnceToTheProvinceAndStaysOpen() {
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(0);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		done(referral, RECEIVE_PERSON, "healthDepartmentNotified", true, "temporaryShelterProvided", false);
		ProcessTestSupport.planInterimSupport(referral);
		waitsFor(referral, INITIAL_VERIFICATION, "health");
		Task verification = open(referral, INITIAL_VERIFICATION);
		// Task_InitialVerification: P3D in calendar days (Art 27(2))
		assertThat(instant(verification.getDueDate())).isEqualTo(MONDAY.plus(Duration.ofDays(3)));
		assertThat(runDueTimers(referral)).isZero();

		clockAt(MONDAY.plus(Duration.ofDays(4)));
		assertThat(runDueTimers(referral)).isEqualTo(1);

		assertThat(ESCALATIONS).singleElement().satisfies(escalation -> {
			assertThat(escalation.taskId()).isEqualTo(verification.getId());
			assertThat(escalation.taskKey()).isEqualTo(INITIAL_VERIFICATION);
			assertThat(escalation.caseId()).isEqualTo(UUID.fromString(referral.getBusinessKey()));
			assertThat(escalation.province()).isEqualTo("QNG");
			assertThat(escalation.candidateGroups()).containsExactly("health");
			assertThat(escalation.dueAt()).isEqualTo(MONDAY.plus(Duration.ofDays(3)));
			assertThat(escalation.raisedAt()).isEqualTo(MONDAY.plus(Duration.ofDays(4)));
		});
		waitsFor(referral, INITIAL_VERIFICATION, "health");
		assertThat(open(referral, INITIAL_VERIFICATION).getId()).isEqualTo(verification.getId());
		assertThat(referral).hasPassed("Timer_InitialVerificationOverdue", "EndEvent_InitialVerificationOverdue",
				NOTIFY_SUPERVISOR, "EndEvent_SupervisorNotified");
		assertThat(runDueTimers(referral)).isZero();

		done(referral, INITIAL_VERIFICATION, "documentsExist", true, "policeConsulted", true);
		waitsFor(referral, IDENTIFY, "police");
		assertThat(ESCALATIONS).hasSize(1);
	}

	@Test
	void overdueTimerFiringExactlyAtTheDeadlineEscalatesTheStep() {
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(0);
		waitsFor(referral, CLASSIFY, "police");

		clockAt(MONDAY.plus(Duration.ofHours(24)));
		assertThat(runDueTimers(referral)).isEqualTo(1);

		assertThat(referral).hasPassed("Timer_ClassifyOverdue", NOTIFY_SUPERVISOR);
		assertThat(ESCALATIONS).extracting(Escalations.Escalation::taskKey).containsExactly(CLASSIFY);
	}

	@Test
	void everyStepOfAHotlineCaseIsEscalatedWhenOverdueAndTheCaseGoesOn() {
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(0);

		overdue(referral, CLASSIFY, "police");
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		overdue(referral, RECEIVE_PERSON, "commune");
		done(referral, RECEIVE_PERSON, "healthDepartmentNotified", true, "temporaryShelterProvided", true);
		overdue(referral, PLAN_INTERIM_SUPPORT, "health");
		ProcessTestSupport.planInterimSupport(referral);
		overdue(referral, INITIAL_VERIFICATION, "health");
		done(referral, INITIAL_VERIFICATION, "documentsExist", false, "policeConsulted", true);
		overdue(referral, FURTHER_VERIFICATION, "police");
		done(referral, FURTHER_VERIFICATION, "evidenceFound", true);
		overdue(referral, IDENTIFY, "police");
		done(referral, IDENTIFY, "victim", true, "evidenceKinds", List.of("WITNESS_STATEMENT"), "confirmationIssued", true);
		overdue(referral, ASSESS_RISK, "police");
		assessRisk(referral, "relativesThreatened");
		overdue(referral, ProtectionProcess.APPLY_PROTECTION, "police");
		done(referral, ProtectionProcess.APPLY_PROTECTION, "protectionRefused", true, "protectionMeasures", List.of(),
				"writtenCommitmentRecorded", true);
		overdue(referral, PLAN_SUPPORT, "health");
		planSupport(referral, "b");
		overdue(referral, ServiceReferralProcess.RESPOND, "health");
		done(referral, ServiceReferralProcess.RESPOND, "referralAccepted", true, "declineReason", null);
		overdue(referral, ServiceReferralProcess.DELIVER, "health");
		done(referral, ServiceReferralProcess.DELIVER, "serviceOutcome", "PARTIALLY_DELIVERED", "extensionRequested", false);
		overdue(referral, ReintegrationProcess.RECEIVE_APPLICATION, "commune");
		done(referral, ReintegrationProcess.RECEIVE_APPLICATION, "applicationReceived", true);
		overdue(referral, ReintegrationProcess.DECIDE, "health");
		done(referral, ReintegrationProcess.DECIDE, "reintegrationApproved", true);
		overdue(referral, ReintegrationProcess.FOLLOW_UP_VISIT, "commune");
		done(referral, ReintegrationProcess.FOLLOW_UP_VISIT, "reTraffickingRisk", "LOW", "moreVisitsNeeded", false);
		overdue(referral, CLOSE, "health");
		ProcessTestSupport.close(referral, "REINTEGRATED");

		assertThat(ESCALATIONS).extracting(Escalations.Escalation::taskKey)
			.containsExactly(CLASSIFY, RECEIVE_PERSON, PLAN_INTERIM_SUPPORT, INITIAL_VERIFICATION, FURTHER_VERIFICATION,
					IDENTIFY, ASSESS_RISK,
					ProtectionProcess.APPLY_PROTECTION, PLAN_SUPPORT, ServiceReferralProcess.RESPOND,
					ServiceReferralProcess.DELIVER, ReintegrationProcess.RECEIVE_APPLICATION, ReintegrationProcess.DECIDE,
					ReintegrationProcess.FOLLOW_UP_VISIT, CLOSE);
	}

	@Test
	void everyBorderStepOfAConsulateReturnIsEscalatedWhenOverdue() {
		clockAt(MONDAY);
		ProcessInstance referral = start(Channel.CONSULATE_RETURN, Place.BORDER_AREA, false, 0);

		overdue(referral, BORDER_RECEPTION, "border-guard");
		done(referral, BORDER_RECEPTION, "foreignNational", true);
		overdue(referral, BORDER_VERIFICATION, "border-guard");
		done(referral, BORDER_VERIFICATION, "traffickingSigns", true);
		identify(referral, "border-guard");
		overdue(referral, HAND_OVER, "border-guard");
		done(referral, HAND_OVER, "handedOverTo", "SOCIAL_ASSISTANCE_FACILITY");
		overdue(referral, RepatriationProcess.REQUEST, "foreign-affairs");
		done(referral, RepatriationProcess.REQUEST, "representationNotified", true);
		overdue(referral, RepatriationProcess.CONFIRM, "foreign-affairs");
		done(referral, RepatriationProcess.CONFIRM, ReferralVariables.REPATRIATED, true);
		overdue(referral, RepatriationProcess.HAND_OVER_AT_BORDER, "border-guard");
		done(referral, RepatriationProcess.HAND_OVER_AT_BORDER, "handedOverAtBorder", true);
		assessRisk(referral);
		planSupport(referral);
		ProcessTestSupport.close(referral, "REPATRIATED");

		assertThat(ESCALATIONS).extracting(Escalations.Escalation::taskKey)
			.containsSubsequence(BORDER_RECEPTION, BORDER_VERIFICATION, HAND_OVER, RepatriationProcess.REQUEST,
					RepatriationProcess.CONFIRM, RepatriationProcess.HAND_OVER_AT_BORDER);
		assertThat(ESCALATIONS).filteredOn(escalation -> escalation.taskKey().equals(RepatriationProcess.REQUEST))
			.singleElement()
			.satisfies(escalation -> assertThat(escalation.candidateGroups()).containsExactly("foreign-affairs"));
	}

	@Test
	void classificationIsDueTwentyFourHoursAfterTheReportWasReceivedNotAfterItWasRegistered() {
		clockAt(MONDAY);
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, null, false, 0, MONDAY.minus(Duration.ofHours(20)));

		waitsFor(referral, CLASSIFY, "police");
		Instant due = MONDAY.plus(Duration.ofHours(4));
		assertThat(instant(open(referral, CLASSIFY).getDueDate())).isEqualTo(due);
		Job overdue = managementService().createJobQuery()
			.processInstanceId(referral.getId())
			.activityId("Timer_ClassifyOverdue")
			.singleResult();
		assertThat(instant(overdue.getDuedate())).isEqualTo(due);
	}

	@Test
	void reintegrationDecisionIsDueAtTheEndOfTheNinthWorkingDay() {
		// Opened Monday 2026-03-02 02:00Z = 09:00 in Vietnam. The days after it that are working days: Tue 3, Wed 4,
		// Thu 5, Fri 6, (weekend 7-8 skipped) Mon 9, Tue 10, Wed 11, Thu 12, Fri 13 (no holiday in March 2026).
		// The 9th is Friday 2026-03-13, due by the end of that day in Vietnam.
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral);
		ProcessInstance reintegration = instanceOf(referral, ReintegrationProcess.KEY);
		waitsFor(reintegration, ReintegrationProcess.RECEIVE_APPLICATION, "commune");
		done(referral, ReintegrationProcess.RECEIVE_APPLICATION, "applicationReceived", true);

		waitsFor(reintegration, ReintegrationProcess.DECIDE, "health");
		assertThat(instant(open(referral, ReintegrationProcess.DECIDE).getDueDate()))
			.as("without the application's day, from the day the commune recorded it: the end of the 9th working day")
			.isEqualTo(Instant.parse("2026-03-13T16:59:59Z"));
	}

	@Test
	void reintegrationDecisionIsDueNineWorkingDaysAfterTheDayTheApplicationWasReceived() {
		// Received Friday 2026-02-27, recorded on Monday 2026-03-02. Working days after the 27th: Mon 2, Tue 3, Wed 4,
		// Thu 5, Fri 6, Mon 9, Tue 10, Wed 11, Thu 12: due at the end of Thursday 2026-03-12 in Vietnam (16:59:59Z),
		// a day before the nine working days counted from the step.
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral);
		ProcessInstance reintegration = instanceOf(referral, ReintegrationProcess.KEY);
		done(referral, ReintegrationProcess.RECEIVE_APPLICATION, "applicationReceived", true,
				ReferralVariables.APPLICATION_RECEIVED_ON, "2026-02-27");

		waitsFor(reintegration, ReintegrationProcess.DECIDE, "health");
		Instant due = Instant.parse("2026-03-12T16:59:59Z");
		assertThat(instant(open(referral, ReintegrationProcess.DECIDE).getDueDate())).isEqualTo(due);
		assertThat(instant(managementService().createJobQuery().processInstanceId(reintegration.getId())
			.activityId("Timer_DecideReintegrationOverdue").singleResult().getDuedate())).isEqualTo(due);
	}

	@Test
	void protectionReviewIsDueThirtyDaysAfterProtectionAndEscalatedWhenOverdue() {
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral, "relativesThreatened");
		done(referral, ProtectionProcess.APPLY_PROTECTION, "protectionRefused", false, "protectionMeasures",
				List.of("SAFE_REFUGE"), "writtenCommitmentRecorded", false);
		ProcessInstance protection = instanceOf(referral, ProtectionProcess.KEY);
		Job review = managementService().createJobQuery().processInstanceId(protection.getId())
			.activityId(ProtectionProcess.REVIEW_DUE).singleResult();
		assertThat(instant(review.getDuedate())).isEqualTo(MONDAY.plus(Duration.ofDays(30)));
		clockAt(MONDAY.plus(Duration.ofDays(30)));
		managementService().executeJob(review.getId());
		ESCALATIONS.clear();

		overdue(referral, ProtectionProcess.REVIEW_PROTECTION, "police");

		assertThat(protection).hasPassed("Timer_ReviewProtectionOverdue", "EndEvent_ReviewProtectionOverdue");
	}

	@Test
	void foreignRescueCoordinationIsEscalatedWhenOverdue() {
		clockAt(MONDAY);
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, true, 0);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true, "crossBorderRescue",
				true, "foreignNational", false, "duplicateOfCaseId", null);
		ProcessInstance rescue = instanceOf(referral, RescueProcess.KEY);
		waitsFor(rescue, RescueProcess.COORDINATE_FOREIGN_RESCUE, "foreign-affairs");
		// P2D in working days from Monday 09:00: Wednesday 09:00.
		assertThat(instant(open(referral, RescueProcess.COORDINATE_FOREIGN_RESCUE).getDueDate()))
			.isEqualTo(MONDAY.plus(Duration.ofDays(2)));

		overdue(referral, RescueProcess.COORDINATE_FOREIGN_RESCUE, "foreign-affairs");

		assertThat(rescue).hasPassed("Timer_CoordinateForeignRescueOverdue", "EndEvent_CoordinateForeignRescueOverdue");
	}

	@Test
	void declinedReferralReviewAndExtensionDecisionAreEscalatedWhenOverdue() {
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(0);
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral, "a");
		done(referral, ServiceReferralProcess.RESPOND, "referralAccepted", false, "declineReason", "NO_CAPACITY");
		overdue(referral, ServiceReferralProcess.REVIEW_DECLINED, "health");
		done(referral, ServiceReferralProcess.REVIEW_DECLINED, "reassigned", true, ReferralVariables.PROVIDER_AGENCY,
				"health");
		done(referral, ServiceReferralProcess.RESPOND, "referralAccepted", true, "declineReason", null);
		done(referral, ServiceReferralProcess.DELIVER, "serviceOutcome", "PARTIALLY_DELIVERED", "extensionRequested", true);
		overdue(referral, ServiceReferralProcess.DECIDE_EXTENSION, "health");

		assertThat(ESCALATIONS).extracting(Escalations.Escalation::taskKey)
			.containsExactly(ServiceReferralProcess.REVIEW_DECLINED, ServiceReferralProcess.DECIDE_EXTENSION);
	}

	@Test
	void overdueRescueIsEscalatedByTheRescueProcessWithTheCaseProvince() {
		clockAt(MONDAY);
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, true, 0);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		ProcessInstance rescue = instanceOf(referral, RescueProcess.KEY);
		waitsFor(rescue, RescueProcess.RESCUE, "police");

		clockAt(MONDAY.plus(Duration.ofHours(25)));
		assertThat(runDueTimers(referral)).isEqualTo(1);

		assertThat(ESCALATIONS).singleElement().satisfies(escalation -> {
			assertThat(escalation.taskKey()).isEqualTo(RescueProcess.RESCUE);
			assertThat(escalation.caseId()).isEqualTo(UUID.fromString(referral.getBusinessKey()));
			assertThat(escalation.province()).isEqualTo("QNG");
			assertThat(escalation.candidateGroups()).containsExactly("police");
			assertThat(escalation.dueAt()).isEqualTo(MONDAY.plus(Duration.ofHours(24)));
		});
		assertThat(rescue).hasPassed(NOTIFY_SUPERVISOR);
		waitsFor(rescue, RescueProcess.RESCUE, "police");
		assertThat(referral).isWaitingAt(RESCUE);
	}

	@Test
	void overdueGuardianNotificationInsideTheMinorsSubProcessIsEscalatedByTheMainProcess() {
		clockAt(MONDAY);
		ProcessInstance referral = hotlineReport(1);
		identifyVictim(referral, false);
		assertThat(referral).isWaitingAt(NOTIFY_GUARDIAN, ASSESS_RISK, PLAN_SUPPORT);

		// 25 hours later: Task_NotifyGuardian, Task_AssessRisk and the minor's Task_AssessMinorRisk (24 hours) are
		// overdue, Task_PlanSupport (3 working days: Thursday 5 March) is not.
		clockAt(MONDAY.plus(Duration.ofHours(25)));
		assertThat(runDueTimers(referral)).isEqualTo(3);

		assertThat(ESCALATIONS).extracting(Escalations.Escalation::taskKey)
			.containsExactlyInAnyOrder(NOTIFY_GUARDIAN, ASSESS_RISK, ASSESS_MINOR_RISK);
		assertThat(ESCALATIONS).filteredOn(escalation -> escalation.taskKey().equals(NOTIFY_GUARDIAN))
			.singleElement()
			.satisfies(escalation -> assertThat(escalation.candidateGroups()).containsExactly("commune"));
		assertThat(referral).hasPassed("EndEvent_NotifyGuardianOverdue", NOTIFY_SUPERVISOR)
			.isWaitingAt(NOTIFY_GUARDIAN, ASSESS_RISK, PLAN_SUPPORT);
		assertThat(openAll(referral, NOTIFY_GUARDIAN)).hasSize(1);
		List<String> escalated = ESCALATIONS.stream().map(Escalations.Escalation::taskKey).toList();
		assertThat(escalated).doesNotContain(PLAN_SUPPORT);
	}

	/**
	 * Moves the clock a minute past the due date of the open step, runs the timers then due, and asserts the step
	 * was escalated to the province with its agency and is still open.
	 */
	private static void overdue(ProcessInstance referral, String taskKey, String candidateGroup) {
		Task step = open(referral, taskKey);
		assertThat(step.getDueDate()).as("due date of %s", taskKey).isNotNull();
		clockAt(instant(step.getDueDate()).plus(Duration.ofMinutes(1)));
		assertThat(runDueTimers(referral)).isPositive();
		assertThat(ESCALATIONS).filteredOn(escalation -> escalation.taskId().equals(step.getId()))
			.singleElement()
			.satisfies(escalation -> {
				assertThat(escalation.taskKey()).isEqualTo(taskKey);
				assertThat(escalation.province()).isEqualTo("QNG");
				assertThat(escalation.caseId()).isEqualTo(UUID.fromString(referral.getBusinessKey()));
				assertThat(escalation.candidateGroups()).containsExactly(candidateGroup);
			});
		assertThat(open(referral, taskKey).getId()).isEqualTo(step.getId());
	}
}
