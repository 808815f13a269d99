package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a task's page shows of its case besides the task: where the case stands and the decisions taken on
 * it so far, as the forms wrote them into the case's processes (codes and yes/no answers, never victim data).
 */
@Component
class CaseContext {

	/** A decision: the process variable, the vocabulary of its value (an enum, yes/no, Art 37 services) and the value. */
	record Decision(String name, Class<?> vocabulary, Object value) {
	}

	/** Where the case stands and what was decided. */
	record Context(Stage stage, List<Decision> decisions) {
	}

	/** The decisions the page shows, in the order of the chain, with the vocabulary of their codes. */
	private static final Map<String, Class<?>> DECISIONS = decisions();

	private final TaskService tasks;
	private final HistoryService history;
	private final Stages stages;

	CaseContext(TaskService tasks, HistoryService history, Stages stages) {
		this.tasks = tasks;
		this.history = history;
		this.stages = stages;
	}

	/** The case's stage (the furthest of its open steps) and its decisions, the latest value of each. */
	Context of(String caseId) {
		Stage stage = tasks.createTaskQuery().processInstanceBusinessKey(caseId).list().stream()
			.map(Task::getTaskDefinitionKey).map(stages::of).max(Comparator.naturalOrder()).orElse(Stage.CLOSED);
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseId).list();
		Map<String, Object> latest = new LinkedHashMap<>();
		Date opened = instances.stream().map(HistoricProcessInstance::getStartTime).min(Comparator.naturalOrder()).orElse(null);
		if (opened != null) {
			// the values intake starts the case with are defaults, not decisions: only later updates count
			history.createHistoricDetailQuery()
				.variableUpdates()
				.processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
				.orderByTime()
				.asc()
				.list()
				.stream()
				.map(HistoricVariableUpdate.class::cast)
				.filter(update -> DECISIONS.containsKey(update.getVariableName()) && update.getTime().after(opened))
				.forEach(update -> {
					if (update.getValue() == null) {
						latest.remove(update.getVariableName());
					}
					else {
						latest.put(update.getVariableName(), update.getValue());
					}
				});
		}
		return new Context(stage, DECISIONS.entrySet().stream()
			.filter(decision -> shown(latest.get(decision.getKey())))
			.map(decision -> new Decision(decision.getKey(), decision.getValue(), latest.get(decision.getKey())))
			.toList());
	}

	/** A list nobody filled in is no decision; a "no" is one. */
	private static boolean shown(Object value) {
		return value instanceof List<?> list ? !list.isEmpty() : Objects.nonNull(value);
	}

	private static Map<String, Class<?>> decisions() {
		Map<String, Class<?>> decisions = new LinkedHashMap<>();
		decisions.put(ReferralVariables.CLASSIFICATION, ReferralForms.Classification.class);
		decisions.put(ReferralVariables.RESCUE_NEEDED, Boolean.class);
		decisions.put(ReferralVariables.RESCUE_OUTCOME, RescueForms.RescueResult.class);
		decisions.put(ReferralVariables.FOREIGN_NATIONAL, Boolean.class);
		decisions.put(ReferralVariables.DOCUMENTS_EXIST, Boolean.class);
		decisions.put(ReferralVariables.VICTIM, Boolean.class);
		decisions.put("evidenceKinds", ReferralForms.EvidenceKind.class);
		decisions.put("handedOverTo", ReferralForms.Recipient.class);
		decisions.put(ReferralVariables.RISK_LEVEL, ReferralForms.RiskLevel.class);
		decisions.put("protectionRefused", Boolean.class);
		decisions.put("protectionMeasures", ProtectionForms.ProtectionMeasure.class);
		decisions.put(ReferralVariables.CONSENTED_SERVICES, SupportService.class);
		decisions.put("guardianNotified", ReferralForms.NotifiedParty.class);
		decisions.put(ReferralVariables.REPATRIATED, Boolean.class);
		decisions.put("reintegrationApproved", Boolean.class);
		decisions.put(ReferralVariables.CASE_OUTCOME, ReferralForms.CaseOutcome.class);
		return Collections.unmodifiableMap(decisions);
	}
}
