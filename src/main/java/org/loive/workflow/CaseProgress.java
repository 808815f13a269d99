package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The state of a case as the engine knows it: stage, steps done, steps open, deadlines, escalations. */
@Service
public class CaseProgress {

	/** A step done: which step, by which agency, by whom, when. */
	public record CompletedStep(String taskKey, String name, List<String> agencies, String completedBy,
			Instant completedAt) {
	}

	/** A step open now, with its deadline. */
	public record OpenStep(String taskId, String taskKey, String name, List<String> agencies, String assignee,
			Instant created, Instant due, boolean overdue) {
	}

	/** An overdue step raised to the supervisor. */
	public record RaisedEscalation(String taskId, String taskKey, String taskName, Instant dueAt, Instant raisedAt) {
	}

	/** Everything the case view shows of the workflow. */
	public record Progress(Stage stage, String outcome, List<CompletedStep> completedSteps, List<OpenStep> openSteps,
			List<RaisedEscalation> escalations) {
	}

	/** One line of the case list: stage and whether anything is overdue. */
	public record Summary(Stage stage, int openSteps, boolean overdue) {
	}

	private final TaskService tasks;
	private final HistoryService history;
	private final JdbcEscalations escalations;
	private final Clock clock;

	CaseProgress(TaskService tasks, HistoryService history, JdbcEscalations escalations, Clock clock) {
		this.tasks = tasks;
		this.history = history;
		this.escalations = escalations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Progress of(UUID caseId) {
		List<OpenStep> open = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId.toString())
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(this::openStep)
			.toList();
		List<CompletedStep> done = history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.asc()
			.list()
			.stream()
			.filter(task -> task.getDeleteReason() == null || "completed".equals(task.getDeleteReason()))
			.map(this::completedStep)
			.toList();
		Stage stage = open.stream().map(step -> Stage.ofTask(step.taskKey())).max(Comparator.naturalOrder())
			.orElse(mainEnded(caseId) ? Stage.CLOSED : Stage.CLASSIFICATION);
		return new Progress(stage, outcome(caseId).orElse(null), done, open, escalations.ofCase(caseId)
			.stream()
			.map(e -> new RaisedEscalation(e.taskId(), e.taskKey(), e.taskName(), e.dueAt(), e.raisedAt()))
			.toList());
	}

	/** Stage and overdue flag of every case of the province that has open steps, by case id. */
	@Transactional(readOnly = true)
	public Map<UUID, Summary> openCasesOf(String province) {
		Map<UUID, List<Task>> byCase = tasks.createTaskQuery()
			.processVariableValueEquals(ReferralVariables.PROVINCE, province)
			.list()
			.stream()
			.filter(task -> businessKey(task) != null)
			.collect(Collectors.groupingBy(task -> UUID.fromString(businessKey(task))));
		Map<UUID, Summary> summaries = new HashMap<>();
		byCase.forEach((caseId, open) -> summaries.put(caseId,
				new Summary(open.stream().map(task -> Stage.ofTask(task.getTaskDefinitionKey())).max(Comparator.naturalOrder())
					.orElseThrow(), open.size(), open.stream().anyMatch(task -> OpenTasks.overdue(task, clock.instant())))));
		return summaries;
	}

	private String businessKey(Task task) {
		return (String) tasks.getVariable(task.getId(), ReferralVariables.CASE_ID);
	}

	/** Whether the case's main process has ended: the case is closed. */
	public boolean closed(UUID caseId) {
		return mainEnded(caseId);
	}

	private boolean mainEnded(UUID caseId) {
		HistoricProcessInstance main = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.processDefinitionKey(ReferralProcess.KEY)
			.singleResult();
		return main != null && main.getEndTime() != null;
	}

	private Optional<String> outcome(UUID caseId) {
		return history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(mainInstanceIds(caseId))
			.variableName(ReferralVariables.CASE_OUTCOME)
			.list()
			.stream()
			.map(HistoricVariableInstance::getValue)
			.map(String.class::cast)
			.findFirst();
	}

	private String[] mainInstanceIds(UUID caseId) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.processDefinitionKey(ReferralProcess.KEY)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toArray(String[]::new);
	}

	private OpenStep openStep(Task task) {
		return new OpenStep(task.getId(), task.getTaskDefinitionKey(), task.getName(),
				OpenTasks.candidateGroups(tasks, task.getId()), task.getAssignee(), OpenTasks.instant(task.getCreateTime()),
				OpenTasks.instant(task.getDueDate()), OpenTasks.overdue(task, clock.instant()));
	}

	private CompletedStep completedStep(HistoricTaskInstance task) {
		List<String> agencies = history.createHistoricIdentityLinkLogQuery()
			.taskId(task.getId())
			.type(IdentityLinkType.CANDIDATE)
			.list()
			.stream()
			.map(HistoricIdentityLinkLog::getGroupId)
			.filter(group -> group != null)
			.distinct()
			.sorted()
			.toList();
		return new CompletedStep(task.getTaskDefinitionKey(), task.getName(), agencies, task.getAssignee(),
				OpenTasks.instant(task.getEndTime()));
	}
}
