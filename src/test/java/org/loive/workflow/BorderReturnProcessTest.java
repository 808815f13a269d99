package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.identify;
import static org.loive.workflow.ProcessTestSupport.start;
import static org.loive.workflow.ProcessTestSupport.waitsFor;
import static org.loive.workflow.ReferralProcess.*;

/**
 * Issue 11, point 6: persons who come back across the border on their own or rescued by the border guard, and
 * those a foreign authority hands over, are received, verified, identified and handed over by the border guard,
 * like consulate returns, whatever channel brought the report; other returns go the way of their channel.
 */
class BorderReturnProcessTest extends ProcessTestCase {

	@ParameterizedTest(name = "{2} through {0} at {1}")
	@CsvSource({
		"SELF_REPORT,       BORDER_AREA, SELF_RETURN",
		"COMMUNE,           INLAND,      SELF_RETURN",
		"BORDER_GUARD,      BORDER_AREA, RESCUED_BY_BORDER_GUARD",
		"HOTLINE_111,       INLAND,      RESCUED_BY_BORDER_GUARD",
		"MASS_ORGANISATION, INLAND,      FOREIGN_AUTHORITY_HANDOVER",
		"POLICE,            BORDER_AREA, VIA_CONSULATE",
	})
	void aPersonReturnedAcrossTheBorderTakesTheBorderGuardsPath(Channel channel, Place place, ReturnMode returnMode) {
		ProcessInstance referral = start(channel, place, returnMode, false, 0);
		assertThat(referral).variables()
			.containsEntry(ReferralVariables.RETURN_MODE, returnMode.name())
			.containsEntry(ReferralVariables.LEAD_AGENCY, "border-guard")
			.containsEntry(ReferralVariables.ENTRY_STEP, "BORDER_RECEPTION")
			.containsEntry(ReferralVariables.IDENTIFYING_AGENCY, "border-guard")
			.containsEntry(ReferralVariables.RESCUE_AGENCY, "border-guard");

		handedOverByTheBorderGuard(referral);
	}

	@Test
	void aPersonHandedOverByAForeignAuthorityTakesTheBorderGuardsPath() {
		ProcessInstance referral = start(Channel.FOREIGN_AUTHORITY_HANDOVER, Place.BORDER_AREA, null, false, 0);

		handedOverByTheBorderGuard(referral);
	}

	@Test
	void aDeportedPersonReportedInlandGoesTheInlandWay() {
		ProcessInstance referral = start(Channel.POLICE, Place.INLAND, ReturnMode.DEPORTED, false, 0);

		waitsFor(referral, CLASSIFY, "police");
		assertThat(referral).isNotWaitingAt(BORDER_RECEPTION);
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		waitsFor(referral, RECEIVE_PERSON, "commune");
	}

	@Test
	void aSocialAssistanceFacilitysReportIsClassifiedByTheHealthDepartment() {
		ProcessInstance referral = start(Channel.SOCIAL_ASSISTANCE_FACILITY, Place.INLAND, null, false, 0);

		waitsFor(referral, CLASSIFY, "health");
		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "crossBorderRescue",
				false, "foreignNational", false, "duplicateOfCaseId", null);
		waitsFor(referral, RECEIVE_PERSON, "commune");
		assertThat(referral).variables().containsEntry(ReferralVariables.IDENTIFYING_AGENCY, "police");
	}

	/** Reception, verification, identification and hand-over by the border guard; then the person's support. */
	private static void handedOverByTheBorderGuard(ProcessInstance referral) {
		waitsFor(referral, BORDER_RECEPTION, "border-guard");
		assertThat(referral).isNotWaitingAt(CLASSIFY);
		done(referral, BORDER_RECEPTION, "foreignNational", false);
		waitsFor(referral, BORDER_VERIFICATION, "border-guard");
		done(referral, BORDER_VERIFICATION, "traffickingSigns", true);
		identify(referral, "border-guard");
		waitsFor(referral, HAND_OVER, "border-guard");
		done(referral, HAND_OVER, "handedOverTo", "COMMUNE");
		assertThat(referral).isWaitingAt(ASSESS_RISK, PLAN_SUPPORT)
			.hasPassedInOrder(BORDER_RECEPTION, BORDER_VERIFICATION, IDENTIFY, HAND_OVER)
			.hasNotPassed(CLASSIFY, RECEIVE_PERSON, INITIAL_VERIFICATION, FURTHER_VERIFICATION);
	}
}
