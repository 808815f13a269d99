package org.loive.workflow;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Base of the engine-only process tests: every process and table of {@code bpmn/} deployed on the
 * shared PostgreSQL engine, process coverage recorded, the engine's clock back to real time after each test.
 */
@Deployment(resources = { "bpmn/victim-referral.bpmn", "bpmn/victim-rescue.bpmn", "bpmn/victim-protection.bpmn",
		"bpmn/service-referral.bpmn", "bpmn/victim-reintegration.bpmn", "bpmn/victim-repatriation.bpmn",
		"bpmn/intake-routing.dmn", "bpmn/support-eligibility.dmn", "bpmn/risk-level.dmn", "bpmn/step-deadlines.dmn" })
abstract class ProcessTestCase {

	@RegisterExtension
	static final ProcessEngineExtension extension = ProcessTestSupport.extension();

	@BeforeAll
	static void assertions() {
		init(extension.getProcessEngine());
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}
}
