package org.loive.workflow;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.start;

/**
 * The human reference, drawn after the start (intake takes the counter last), is on the case's process at once and
 * on the sub-processes it starts later.
 */
class ReferralReferenceProcessTest extends ProcessTestCase {

	@Test
	void theReferenceDrawnAfterTheStartReachesTheRescueStartedLater() {
		ProcessInstance referral = start(Channel.HOTLINE_111, Place.INLAND, false, 0);
		assertThat(runtimeService().getVariable(referral.getId(), ReferralVariables.REFERENCE)).isEqualTo("QNG-2026-000001");

		done(referral, ReferralProcess.CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", true,
				"foreignNational", false);
		var processes = runtimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(referral.getBusinessKey())
			.list();
		assertThat(processes).extracting(ProcessInstance::getProcessDefinitionId)
			.anyMatch(definition -> definition.startsWith(RescueProcess.KEY + ":"));
		assertThat(processes).allSatisfy(process -> assertThat(
				runtimeService().getVariable(process.getId(), ReferralVariables.REFERENCE)).isEqualTo("QNG-2026-000001"));
	}
}
