package org.loive.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.loive.platform.WorkingCalendar;
import org.loive.support.TestEngines;
import org.springframework.core.io.ClassPathResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * The engine of the process tests: every process and table of {@code bpmn/} with the application's own
 * delegates, on PostgreSQL. Overdue steps are collected in memory instead of the application's table.
 */
final class ProcessTestSupport {

	static final String[] RESOURCES = { "bpmn/victim-referral.bpmn", "bpmn/victim-rescue.bpmn",
			"bpmn/victim-protection.bpmn", "bpmn/service-referral.bpmn", "bpmn/victim-reintegration.bpmn",
			"bpmn/victim-repatriation.bpmn", "bpmn/intake-routing.dmn", "bpmn/support-eligibility.dmn",
			"bpmn/risk-level.dmn", "bpmn/step-deadlines.dmn" };

	/** Escalations raised during a test. */
	static final List<Escalations.Escalation> ESCALATIONS = new CopyOnWriteArrayList<>();

	private ProcessTestSupport() {
	}

	static ProcessEngine engine() {
		WorkingCalendar calendar = WorkingCalendar.load(new ClassPathResource("calendar/holidays-vn.yml"));
		Map<Object, Object> beans = new HashMap<>();
		beans.put("intakeRoutingDelegate", new IntakeRoutingDelegate());
		beans.put("riskLevelDelegate", new RiskLevelDelegate());
		beans.put("supportEligibilityDelegate", new SupportEligibilityDelegate());
		beans.put("consentWithdrawalDelegate", new ConsentWithdrawalDelegate());
		beans.put("caseTransferDelegate", new CaseTransferDelegate());
		beans.put("overdueEscalationDelegate", new OverdueEscalationDelegate(ESCALATIONS::add));
		beans.put("stepDeadlines", new StepDeadlines(calendar));
		beans.put("supportServices", new SupportServices());
		return TestEngines.postgres("referral-chain-test", beans);
	}

	/** Starts a case as intake does, with {@code minors} accompanying minors. */
	static ProcessInstance start(Channel channel, Place place, boolean immediateDanger, int minors) {
		UUID caseId = UUID.randomUUID();
		List<String> minorIds = new ArrayList<>();
		for (int i = 0; i < minors; i++) {
			minorIds.add(UUID.randomUUID().toString());
		}
		return runtimeService().startProcessInstanceByKey(ReferralProcess.KEY, caseId.toString(),
				Variables.createVariables()
					.putValue(ReferralVariables.CASE_ID, caseId.toString())
					.putValue(ReferralVariables.REFERENCE, "QNG-2026-000001")
					.putValue(ReferralVariables.CHANNEL, channel.name())
					.putValue(ReferralVariables.PLACE, place.name())
					.putValue(ReferralVariables.AREA, "QNG")
					.putValue(ReferralVariables.PROVINCE, "QNG")
					.putValue(ReferralVariables.IMMEDIATE_DANGER, immediateDanger)
					.putValue(ReferralVariables.VICTIM_ID, UUID.randomUUID().toString())
					.putValue(ReferralVariables.MINOR_IDS, minorIds)
					.putValue(ReferralVariables.RESCUE_NEEDED, immediateDanger)
					.putValue(ReferralVariables.CROSS_BORDER_RESCUE, false)
					.putValue(ReferralVariables.FOREIGN_NATIONAL, false)
					.putValue(ReferralVariables.REPATRIATED, false));
	}

	/** The open task of the case with this key, in whichever process of the case it is. */
	static Task open(ProcessInstance referral, String taskKey) {
		List<Task> tasks = taskService().createTaskQuery()
			.processInstanceBusinessKey(referral.getBusinessKey())
			.taskDefinitionKey(taskKey)
			.list();
		if (tasks.isEmpty()) {
			throw new AssertionError("no open task " + taskKey);
		}
		return tasks.get(0);
	}

	static List<Task> openAll(ProcessInstance referral, String taskKey) {
		return taskService().createTaskQuery()
			.processInstanceBusinessKey(referral.getBusinessKey())
			.taskDefinitionKey(taskKey)
			.list();
	}

	/** Completes the open task with the given key, with the variables its form would produce. */
	static void done(ProcessInstance referral, String taskKey, Object... variables) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		taskService().complete(open(referral, taskKey).getId(), values);
	}
}
