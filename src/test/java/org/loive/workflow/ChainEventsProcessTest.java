package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.loive.workflow.ChainEvent.Kind;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.loive.workflow.ProcessTestSupport.CHAIN_EVENTS;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.open;
import static org.loive.workflow.ProcessTestSupport.start;
import static org.loive.workflow.ProcessTestSupport.variableOf;
import static org.loive.workflow.ReferralProcess.*;

/** What the chain publishes for the reports, step by step, on the engine alone. */
class ChainEventsProcessTest extends ProcessTestCase {

	@Test
	void theMainLinePublishesEachCountedStepOnceWithItsCodesAgencyAndDeadline() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, false, 0);
		UUID caseId = UUID.fromString((String) variableOf(referral, ReferralVariables.CASE_ID));
		UUID victimId = UUID.fromString((String) variableOf(referral, ReferralVariables.VICTIM_ID));

		done(referral, CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false, "foreignNational", false);
		assertThat(of(caseId)).extracting(ChainEvent::kind, ChainEvent::code, ChainEvent::agency)
			.containsExactly(tuple(Kind.TASK_COMPLETED, CLASSIFY, "police"),
					tuple(Kind.CLASSIFIED, "TRAFFICKING_SUSPECTED", "police"));
		assertThat(of(caseId)).allSatisfy(event -> {
			assertThat(event.dueAt()).as("the classification's deadline").isNotNull();
			assertThat(event.personId()).isEqualTo(victimId);
			assertThat(event.area()).isEqualTo("QNG");
		});
		// the classification carries its task's deadline: R3 counts it on time by that alone
		assertThat(of(caseId)).extracting(ChainEvent::dueAt).containsOnly(of(caseId).get(0).dueAt());

		done(referral, RECEIVE_PERSON);
		done(open(referral, PLAN_INTERIM_SUPPORT), ReferralVariables.CONSENTED_SERVICES, List.of("a"),
				ReferralVariables.INTERIM_SERVICES, List.of("a"));
		done(referral, INITIAL_VERIFICATION, "documentsExist", true);
		done(referral, IDENTIFY, "victim", true, "evidenceKinds", List.of("OFFICIAL_DOCUMENT", "PERSON_STATEMENT"),
				"confirmationIssued", true);
		done(referral, ASSESS_RISK, "threatsReceived", true, "traffickersAtLarge", true, "traffickersKnowWhereabouts",
				true, "relativesThreatened", false, "minor", false, "previouslyTrafficked", false);

		assertThat(of(caseId)).filteredOn(event -> event.kind() != Kind.TASK_COMPLETED)
			.extracting(ChainEvent::kind, ChainEvent::code, ChainEvent::detail)
			.containsExactly(tuple(Kind.CLASSIFIED, "TRAFFICKING_SUSPECTED", null),
					tuple(Kind.PERSON_RECEIVED, null, RECEIVE_PERSON),
					tuple(Kind.SUPPORT_ASSESSED, "IDENTIFYING_IN_VN", "a+b+c+d+dd+e+g"),
					tuple(Kind.SERVICE_REFERRED, "a", "health"),
					tuple(Kind.VERIFIED, "INITIAL", null),
					tuple(Kind.IDENTIFIED, "VICTIM", "OFFICIAL_DOCUMENT+PERSON_STATEMENT"),
					tuple(Kind.DOCUMENT_ISSUED, null, null),
					tuple(Kind.SUPPORT_ASSESSED, "VN_VICTIM", "b+c+d+dd+e+g+h+i+k"),
					tuple(Kind.RISK_ASSESSED, "HIGH", null));
		assertThat(of(caseId)).extracting(ChainEvent::sourceKey).doesNotHaveDuplicates();
	}

	@Test
	void aDuplicateNamesTheCaseItDuplicatesAndClosesWithThatOutcome() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, false, 0);
		UUID caseId = UUID.fromString((String) variableOf(referral, ReferralVariables.CASE_ID));
		String original = UUID.randomUUID().toString();

		done(referral, CLASSIFY, "classification", "DUPLICATE", ReferralVariables.DUPLICATE_OF, original);

		assertThat(referral).isEnded();
		assertThat(of(caseId)).filteredOn(event -> event.kind() != Kind.TASK_COMPLETED)
			.extracting(ChainEvent::kind, ChainEvent::code, ChainEvent::detail)
			.containsExactly(tuple(Kind.CLASSIFIED, "DUPLICATE", original), tuple(Kind.CASE_CLOSED, "DUPLICATE", null));
	}

	private static List<ChainEvent> of(UUID caseId) {
		return CHAIN_EVENTS.stream().filter(event -> event.caseId().equals(caseId)).toList();
	}
}
