package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.loive.access.Officer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service referrals sent to a provider agency in its province, open and past, read from the engine:
 * one instance of the service referral process per support service of Art 37, its state from its open
 * step or, once it ended, from the decisions its steps recorded.
 */
@Service
class ServiceReferrals {

	/** Where a referral stands. */
	enum Status { WAITING, ACCEPTED, DECLINED, DELIVERED, PARTIALLY_DELIVERED, NOT_DELIVERED, STOPPED }

	/** One referral: its case, the service, its state, when it was sent and ended, the open task the officer may do. */
	record Referral(String caseId, String reference, String service, Status status, String declineReason,
			Instant sent, Instant ended, String taskId) {
	}

	/** The most recent referrals a page lists. */
	private static final int LIMIT = 200;
	private static final String ACCEPTED = "referralAccepted";
	private static final String DECLINE_REASON = "declineReason";
	private static final String OUTCOME = "serviceOutcome";

	private final TaskService tasks;
	private final HistoryService history;

	ServiceReferrals(TaskService tasks, HistoryService history) {
		this.tasks = tasks;
		this.history = history;
	}

	/** The referrals to the officer's agencies in their province, latest first. */
	@Transactional(readOnly = true)
	List<Referral> of(Officer officer) {
		if (officer.agencies().isEmpty() || officer.province() == null) {
			return List.of();
		}
		Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
		officer.agencies().forEach(agency -> history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ServiceReferralProcess.KEY)
			.variableValueEquals(ReferralVariables.PROVINCE, officer.province())
			.variableValueEquals(ReferralVariables.PROVIDER_AGENCY, agency)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, LIMIT)
			.forEach(instance -> instances.putIfAbsent(instance.getId(), instance)));
		if (instances.isEmpty()) {
			return List.of();
		}
		String[] ids = instances.keySet().toArray(String[]::new);
		Map<String, Map<String, Object>> variables = new HashMap<>();
		history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(ids)
			.variableNameIn(ReferralVariables.CASE_ID, ReferralVariables.REFERENCE, ReferralVariables.SERVICE, ACCEPTED,
					DECLINE_REASON, OUTCOME)
			.disableBinaryFetching()
			.list()
			.forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(),
					v.getValue()));
		Map<String, Task> open = new HashMap<>();
		tasks.createTaskQuery().processInstanceIdIn(ids).list().forEach(task -> open.put(task.getProcessInstanceId(), task));
		Map<String, String> actionable = new HashMap<>();
		tasks.createTaskQuery()
			.processInstanceIdIn(ids)
			.or()
			.taskCandidateGroupIn(new ArrayList<>(officer.agencies()))
			.includeAssignedTasks()
			.taskAssignee(officer.username())
			.endOr()
			.list()
			.forEach(task -> actionable.put(task.getProcessInstanceId(), task.getId()));
		return instances.values().stream()
			.sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
			.map(instance -> referral(instance, variables.getOrDefault(instance.getId(), Map.of()),
					open.get(instance.getId()), actionable.get(instance.getId())))
			.toList();
	}

	private static Referral referral(HistoricProcessInstance instance, Map<String, Object> variables, Task open,
			String taskId) {
		Object reason = variables.get(DECLINE_REASON);
		Status status = status(instance.getEndTime() == null, open, variables);
		return new Referral((String) variables.get(ReferralVariables.CASE_ID),
				(String) variables.get(ReferralVariables.REFERENCE), (String) variables.get(ReferralVariables.SERVICE),
				status, status == Status.DECLINED && reason != null ? reason.toString() : null,
				OpenTasks.instant(instance.getStartTime()), OpenTasks.instant(instance.getEndTime()), taskId);
	}

	/** From the step open now; once ended, from the outcome recorded, else the provider's answer. */
	static Status status(boolean running, Task open, Map<String, Object> variables) {
		if (running && open != null) {
			return switch (open.getTaskDefinitionKey()) {
				case ServiceReferralProcess.DELIVER, ServiceReferralProcess.DECIDE_EXTENSION -> Status.ACCEPTED;
				case ServiceReferralProcess.REVIEW_DECLINED -> Status.DECLINED;
				default -> Status.WAITING;
			};
		}
		Object outcome = variables.get(OUTCOME);
		if (outcome != null) {
			return Status.valueOf(outcome.toString());
		}
		if (Boolean.FALSE.equals(variables.get(ACCEPTED))) {
			return Status.DECLINED;
		}
		return running ? Status.WAITING : Status.STOPPED;
	}
}
