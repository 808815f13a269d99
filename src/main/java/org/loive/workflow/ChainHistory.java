package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link ChainEvent}s of every process ever run, rebuilt from the engine's history for the reports' rebuild,
 * with the escalations raised: each completed user task, each ended business rule task and start event, each
 * reached end event becomes the steps {@link ChainSteps} reads, with the variables as they stood then (the
 * history keeps every update, full history level). The instant of a step is the one the history kept, a few
 * milliseconds after the one the live event carried (the engine reads its clock for each).
 */
@Component
public class ChainHistory {

	private static final String COMPLETED = "completed";

	private final HistoryService history;
	private final RepositoryServiceImpl repository;
	private final JdbcEscalations escalations;

	ChainHistory(HistoryService history, RepositoryService repository, JdbcEscalations escalations) {
		this.history = history;
		this.repository = (RepositoryServiceImpl) repository;
		this.escalations = escalations;
	}

	/** Every chain event, in the order it happened. */
	public List<ChainEvent> replay() {
		List<ChainEvent> events = new ArrayList<>();
		for (HistoricProcessInstance process : history.createHistoricProcessInstanceQuery().orderByProcessInstanceStartTime().asc().list()) {
			events.addAll(new Process(process).events());
		}
		escalations.all().stream().map(JdbcEscalations::event).forEach(events::add);
		events.sort(Comparator.comparing(ChainEvent::at));
		return events;
	}

	/** One process instance's history: its activity instances and variable updates, read once. */
	private final class Process {

		private final HistoricProcessInstance process;
		private final Map<String, String> parents = new HashMap<>();
		private final Map<String, Boolean> scopes = new HashMap<>();
		private final List<HistoricActivityInstance> activities;
		private final List<HistoricVariableUpdate> updates;

		Process(HistoricProcessInstance process) {
			this.process = process;
			this.activities = history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
				.orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
			activities.forEach(activity -> {
				parents.put(activity.getId(), activity.getParentActivityInstanceId());
				scopes.put(activity.getId(), scope(activity));
			});
			this.updates = history.createHistoricDetailQuery().variableUpdates().processInstanceId(process.getId())
				.orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
				.map(HistoricVariableUpdate.class::cast).toList();
		}

		List<ChainEvent> events() {
			List<ChainEvent> events = new ArrayList<>();
			for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
				.finished().list()) {
				if (COMPLETED.equals(task.getDeleteReason())) {
					Instant at = task.getEndTime().toInstant();
					events.addAll(ChainSteps.of(new ChainSteps.Step(process.getProcessDefinitionKey(),
							task.getTaskDefinitionKey(), task.getId(), true, at, agency(task),
							task.getDueDate() == null ? null : task.getDueDate().toInstant(),
							variables(task.getActivityInstanceId(), task.getId(), at))));
				}
			}
			for (HistoricActivityInstance activity : activities) {
				Instant at = observed(activity);
				if (at != null) {
					events.addAll(ChainSteps.of(new ChainSteps.Step(process.getProcessDefinitionKey(),
							activity.getActivityId(), activity.getId(), false, at, null, null,
							variables(activity.getId(), null, at))));
				}
			}
			return events;
		}

		/**
		 * When the live listener saw the activity: a business rule task or start event as it ended, an end event as
		 * it was reached; null for any other activity, or one that has not ended.
		 */
		private static Instant observed(HistoricActivityInstance activity) {
			String type = activity.getActivityType();
			if (type.endsWith("EndEvent")) {
				return activity.getStartTime().toInstant();
			}
			boolean ending = type.equals("businessRuleTask") || type.toLowerCase(java.util.Locale.ROOT).contains("startevent");
			return ending && activity.getEndTime() != null ? activity.getEndTime().toInstant() : null;
		}

		/** The agency a task was for: its first candidate group, as the live event took it. */
		private String agency(HistoricTaskInstance task) {
			return history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type(IdentityLinkType.CANDIDATE)
				.operationType("add").orderByTime().asc().list().stream()
				.map(HistoricIdentityLinkLog::getGroupId)
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
		}

		/**
		 * The variables visible to a step at its instant: the latest update no later than it, in the step's own
		 * scope, an enclosing one, the process instance or the task.
		 */
		private Function<String, Object> variables(String activityInstanceId, String taskId, Instant at) {
			Set<String> visible = new HashSet<>();
			for (String scope = activityInstanceId; scope != null && visible.add(scope); scope = parents.get(scope)) {
			}
			Date until = Date.from(at);
			Map<String, Object> values = new HashMap<>();
			for (HistoricVariableUpdate update : updates) {
				if (update.getTime().after(until)) {
					break;
				}
				String scope = holder(update.getActivityInstanceId());
				if (update.getTaskId() == null ? scope == null || visible.contains(scope) : update.getTaskId().equals(taskId)) {
					values.put(update.getVariableName(), update.getValue());
				}
			}
			return values::get;
		}

		/**
		 * The scope whose execution holds a variable, from the activity instance the history names: that instance
		 * when it is a scope, else the scope it runs in (the execution ran that activity); null for the process
		 * instance (the variables a process starts with name none).
		 */
		private String holder(String activityInstanceId) {
			if (activityInstanceId == null || !parents.containsKey(activityInstanceId)) {
				return null;
			}
			return scopes.get(activityInstanceId) ? activityInstanceId : holder(parents.get(activityInstanceId));
		}

		private boolean scope(HistoricActivityInstance activity) {
			PvmActivity definition = repository.getDeployedProcessDefinition(process.getProcessDefinitionId())
				.findActivity(activity.getActivityId());
			return definition != null && definition.isScope();
		}
	}
}
