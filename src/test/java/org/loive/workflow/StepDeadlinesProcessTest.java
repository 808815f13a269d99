package org.loive.workflow;

import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.loive.workflow.ProcessTestSupport.hotlineReport;
import static org.loive.workflow.ProcessTestSupport.open;

/** The deadlines table is evaluated once per version and inputs, and a new version of it counts at once. */
class StepDeadlinesProcessTest extends ProcessTestCase {

	@Test
	void theSameStepWithTheSameInputsIsLookedUpOnceAndANewVersionOfTheTableCountsAtOnce() throws IOException {
		assertThat(classifyWithin(hotlineReport(0))).isEqualTo(Duration.ofHours(24));
		long evaluations = evaluations();
		assertThat(classifyWithin(hotlineReport(0))).isEqualTo(Duration.ofHours(24));
		assertThat(evaluations()).as("the second report's deadline from the first's answer").isEqualTo(evaluations);

		Deployment shorter = deployClassifyWithin("PT12H");
		try {
			assertThat(classifyWithin(hotlineReport(0))).isEqualTo(Duration.ofHours(12));
		}
		finally {
			repositoryService().deleteDeployment(shorter.getId(), true);
		}
		assertThat(classifyWithin(hotlineReport(0))).isEqualTo(Duration.ofHours(24));
	}

	private static Duration classifyWithin(org.camunda.bpm.engine.runtime.ProcessInstance referral) {
		Instant received = ((java.util.Date) ProcessTestSupport.variableOf(referral, ReferralVariables.RECEIVED_AT)).toInstant();
		return Duration.between(received, open(referral, ReferralProcess.CLASSIFY).getDueDate().toInstant());
	}

	private static long evaluations() {
		return historyService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(Decisions.STEP_DEADLINES).count();
	}

	private static Deployment deployClassifyWithin(String duration) throws IOException {
		try (InputStream table = StepDeadlinesProcessTest.class.getResourceAsStream("/bpmn/step-deadlines.dmn")) {
			String xml = new String(table.readAllBytes(), StandardCharsets.UTF_8);
			String rule = "<outputEntry id=\"OutputEntry_Deadline_Classify_Duration\"><text>\"PT24H\"</text></outputEntry>";
			assertThat(xml).contains(rule);
			return repositoryService().createDeployment()
				.addString("step-deadlines.dmn", xml.replace(rule, rule.replace("PT24H", duration)))
				.deploy();
		}
	}
}
