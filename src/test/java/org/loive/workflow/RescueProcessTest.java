package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.instanceOf;
import static org.loive.workflow.ProcessTestSupport.open;
import static org.loive.workflow.ProcessTestSupport.start;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.CLASSIFY;
import static org.loive.workflow.ReferralProcess.RECEIVE_PERSON;
import static org.loive.workflow.ReferralProcess.RESCUE;
import static org.loive.workflow.RescueProcess.COORDINATE_FOREIGN_RESCUE;
import static org.loive.workflow.RescueProcess.END_RESCUED;

/** Process victim-rescue, called from the main process when the person is still held or in danger. */
class RescueProcessTest extends ProcessTestCase {

	@Test
	void domesticRescueByThePoliceIsAttemptedAgainUntilThePersonIsRescuedThenReceived() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, true, 0);
		waitsFor(referral, CLASSIFY, "police");
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);

		assertThat(referral).isWaitingAt(RESCUE).isNotWaitingAt(RECEIVE_PERSON);
		ProcessInstance rescue = instanceOf(referral, RescueProcess.KEY);
		waitsFor(rescue, RescueProcess.RESCUE, "police");
		String firstAttempt = open(referral, RescueProcess.RESCUE).getId();
		done(referral, RescueProcess.RESCUE, "rescueOutcome", "CONTINUE_SEARCH");
		waitsFor(rescue, RescueProcess.RESCUE, "police");
		assertThat(open(referral, RescueProcess.RESCUE).getId()).isNotEqualTo(firstAttempt);
		assertThat(referral).isWaitingAt(RESCUE);
		done(referral, RescueProcess.RESCUE, "rescueOutcome", "RESCUED");

		assertThat(rescue).isEnded().hasPassed(END_RESCUED).hasNotPassed(COORDINATE_FOREIGN_RESCUE);
		waitsFor(referral, RECEIVE_PERSON, "commune");
		assertThat(referral).hasPassedInOrder(CLASSIFY, RESCUE);
	}

	@Test
	void rescueAbroadIsCoordinatedByForeignAffairsBeforeThePoliceRescue() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.ABROAD, true, 0);
		waitsFor(referral, CLASSIFY, "police");
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true, "crossBorderRescue",
				true, "foreignNational", false, "duplicateOfCaseId", null);

		assertThat(referral).isWaitingAt(RESCUE);
		ProcessInstance rescue = instanceOf(referral, RescueProcess.KEY);
		waitsFor(rescue, COORDINATE_FOREIGN_RESCUE, "foreign-affairs");
		assertThat(rescue).isNotWaitingAt(RescueProcess.RESCUE);
		done(referral, COORDINATE_FOREIGN_RESCUE, "foreignAuthoritiesRequested", true);
		waitsFor(rescue, RescueProcess.RESCUE, "police");
		done(referral, RescueProcess.RESCUE, "rescueOutcome", "RESCUED");

		assertThat(rescue).isEnded().hasPassedInOrder(COORDINATE_FOREIGN_RESCUE, RescueProcess.RESCUE, END_RESCUED);
		waitsFor(referral, RECEIVE_PERSON, "commune");
	}

	@Test
	void reportTakenByTheBorderGuardIsClassifiedAndRescuedByTheBorderGuard() {
		ProcessInstance referral = start(Channel.BORDER_GUARD, Place.BORDER_AREA, true, 0);
		waitsFor(referral, CLASSIFY, "border-guard");
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);

		assertThat(referral).isWaitingAt(RESCUE);
		ProcessInstance rescue = instanceOf(referral, RescueProcess.KEY);
		waitsFor(rescue, RescueProcess.RESCUE, "border-guard");
		done(referral, RescueProcess.RESCUE, "rescueOutcome", "RESCUED");

		assertThat(rescue).isEnded().hasPassed(END_RESCUED);
		waitsFor(referral, RECEIVE_PERSON, "commune");
	}
}
