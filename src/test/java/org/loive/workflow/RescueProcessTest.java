package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
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
	void aVietnameseStillAbroadIsSupportedThroughTheRepresentationUntilRescued() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.ABROAD, true, 0);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true, "crossBorderRescue",
				true, "foreignNational", false, "duplicateOfCaseId", null);
		ProcessInstance rescue = instanceOf(referral, RescueProcess.KEY);
		waitsFor(rescue, RescueProcess.PLAN_CONSULAR_SUPPORT, "foreign-affairs");
		Task plan = ProcessTestSupport.task(rescue, RescueProcess.PLAN_CONSULAR_SUPPORT);
		assertThat(runtimeService().getVariable(plan.getExecutionId(), ReferralVariables.ELIGIBLE_SERVICES))
			.as("a Vietnamese person being identified abroad: a b c d").isEqualTo(List.of("a", "b", "c", "d"));
		done(plan, ReferralVariables.CONSENTED_SERVICES, List.of("a", "d"));

		List<ProcessInstance> consular = ProcessTestSupport.instancesOf(referral, ServiceReferralProcess.KEY);
		assertThat(consular).hasSize(2).allSatisfy(service -> assertThat(runtimeService()
			.getVariable(service.getId(), ReferralVariables.PROVIDER_AGENCY)).isEqualTo("foreign-affairs"));
		ProcessInstance essentialNeeds = consular.stream()
			.filter(service -> "a".equals(runtimeService().getVariable(service.getId(), ReferralVariables.SERVICE)))
			.findFirst().orElseThrow();
		done(ProcessTestSupport.task(essentialNeeds, ServiceReferralProcess.RESPOND), "referralAccepted", true,
				"declineReason", null);
		done(ProcessTestSupport.task(essentialNeeds, ServiceReferralProcess.DELIVER), "serviceOutcome", "DELIVERED",
				"extensionRequested", false);
		ProcessInstance legalInformation = consular.stream().filter(service -> service != essentialNeeds).findFirst()
			.orElseThrow();
		done(ProcessTestSupport.task(legalInformation, ServiceReferralProcess.RESPOND), "referralAccepted", true,
				"declineReason", null);
		done(ProcessTestSupport.task(legalInformation, ServiceReferralProcess.DELIVER), "serviceOutcome", "DELIVERED",
				"extensionRequested", false);
		assertThat(rescue).hasPassed(RescueProcess.CONSULAR_SERVICE_REFERRAL, "EndEvent_Consular");

		done(referral, COORDINATE_FOREIGN_RESCUE, "foreignAuthoritiesRequested", true);
		done(referral, RescueProcess.RESCUE, "rescueOutcome", "RESCUED");
		assertThat(rescue).isEnded().hasPassed(END_RESCUED);
		waitsFor(referral, RECEIVE_PERSON, "commune");
	}

	@Test
	void supportAbroadStillOpenEndsWhenThePersonIsRescued() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.ABROAD, true, 0);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true, "crossBorderRescue",
				true, "foreignNational", false, "duplicateOfCaseId", null);
		ProcessInstance rescue = instanceOf(referral, RescueProcess.KEY);
		done(ProcessTestSupport.task(rescue, RescueProcess.PLAN_CONSULAR_SUPPORT), ReferralVariables.CONSENTED_SERVICES,
				List.of("b"));
		ProcessInstance medical = instanceOf(referral, ServiceReferralProcess.KEY);

		done(referral, COORDINATE_FOREIGN_RESCUE, "foreignAuthoritiesRequested", true);
		done(referral, RescueProcess.RESCUE, "rescueOutcome", "RESCUED");

		assertThat(rescue).isEnded().hasPassed(END_RESCUED).hasNotPassed("EndEvent_Consular");
		assertThat(medical).isEnded();
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
