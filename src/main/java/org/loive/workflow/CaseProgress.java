package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** The state of a case as the engine knows it: stage, steps done, steps open, deadlines, escalations. */
@Service
public class CaseProgress {

	/** A step done: which step, by which agency, by whom, when. */
	public record CompletedStep(String taskKey, String name, List<String> agencies, String completedBy,
			Instant completedAt) {
	}

	/** A step open now, with its deadline, and the process it belongs to (whose diagram shows it). */
	public record OpenStep(String taskId, String processKey, String taskKey, String name, List<String> agencies,
			String assignee, Instant created, Instant due, boolean overdue) {
	}

	/** An open step of a province, as lists and counts need it: whose case, which step, which agencies, due when. */
	public record ProvinceStep(UUID caseId, String taskKey, String name, List<String> agencies, String assignee,
			Instant due, boolean overdue, Stage stage) {
	}

	/** An overdue step of a province raised to its supervisors. */
	public record ProvinceEscalation(UUID caseId, String taskKey, String taskName, Instant dueAt, Instant raisedAt) {
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
	private final RepositoryService repository;
	private final RuntimeService runtime;
	private final JdbcEscalations escalations;
	private final JdbcClient jdbc;
	private final Stages stages;
	private final Clock clock;

	CaseProgress(TaskService tasks, HistoryService history, RepositoryService repository, RuntimeService runtime,
			JdbcEscalations escalations, JdbcClient jdbc, Stages stages, Clock clock) {
		this.stages = stages;
		this.tasks = tasks;
		this.history = history;
		this.repository = repository;
		this.runtime = runtime;
		this.escalations = escalations;
		this.jdbc = jdbc;
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
		Stage stage = open.stream().map(step -> stages.of(step.taskKey())).max(Comparator.naturalOrder())
			.orElse(mainEnded(caseId) ? Stage.CLOSED : Stage.CLASSIFICATION);
		return new Progress(stage, outcome(caseId).orElse(null), done, open, escalations.ofCase(caseId)
			.stream()
			.map(e -> new RaisedEscalation(e.taskId(), e.taskKey(), e.taskName(), e.dueAt(), e.raisedAt()))
			.toList());
	}

	/**
	 * Where the case's processes wait now, by process key: open steps, and the call activities, events and
	 * timers they wait in; the ids are those of the BPMN elements, as the diagrams name their shapes.
	 */
	@Transactional(readOnly = true)
	public Map<String, Set<String>> currentActivities(UUID caseId) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.active()
			.list()
			.stream()
			.collect(Collectors.groupingBy(instance -> repository.getProcessDefinition(instance.getProcessDefinitionId())
				.getKey(), TreeMap::new, Collectors.flatMapping(instance -> runtime.getActiveActivityIds(instance.getId())
					.stream(), Collectors.toCollection(TreeSet::new))));
	}

	/** Stage, open steps and overdue flag of every case of the province that has open steps, by case id. */
	@Transactional(readOnly = true)
	public Map<UUID, Summary> openCasesOf(String province) {
		return openStepsOf(province).stream()
			.collect(Collectors.groupingBy(ProvinceStep::caseId, Collectors.collectingAndThen(Collectors.toList(),
					steps -> new Summary(steps.stream().map(ProvinceStep::stage).max(Comparator.naturalOrder()).orElseThrow(),
							steps.size(), steps.stream().anyMatch(ProvinceStep::overdue)))));
	}

	/**
	 * Every open step of the province's cases in one query over the engine's runtime tables, rather than a
	 * task query and a variable read per task: the case is the business key of the step's process instance,
	 * the province a variable of that instance, the agencies the candidate groups.
	 */
	@Transactional(readOnly = true)
	public List<ProvinceStep> openStepsOf(String province) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select e.business_key_, t.task_def_key_, t.name_, t.assignee_, t.due_date_,
				       (select string_agg(l.group_id_, ',' order by l.group_id_) from act_ru_identitylink l
				        where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null) as agencies
				from act_ru_task t
				join act_ru_execution e on e.id_ = t.proc_inst_id_
				where e.business_key_ is not null
				  and exists (select 1 from act_ru_variable v
				              where v.execution_id_ = t.proc_inst_id_ and v.name_ = :name and v.text_ = :province)""")
			.param("name", ReferralVariables.PROVINCE)
			.param("province", province)
			.query((row, n) -> provinceStep(row, now))
			.list();
	}

	/** The latest escalations raised in the province. */
	@Transactional(readOnly = true)
	public List<ProvinceEscalation> latestEscalationsOf(String province, int limit) {
		return escalations.ofProvince(province, limit)
			.stream()
			.map(e -> new ProvinceEscalation(e.caseId(), e.taskKey(), e.taskName(), e.dueAt(), e.raisedAt()))
			.toList();
	}

	/** How many escalations were ever raised in the province (counted on the escalations' province index). */
	@Transactional(readOnly = true)
	public long escalationCountOf(String province) {
		return jdbc.sql("select count(*) from escalation where province = :province")
			.param("province", province)
			.query(Long.class)
			.single();
	}

	private ProvinceStep provinceStep(ResultSet row, Instant now) throws SQLException {
		String agencies = row.getString("agencies");
		Timestamp due = row.getTimestamp("due_date_");
		String taskKey = row.getString("task_def_key_");
		return new ProvinceStep(UUID.fromString(row.getString("business_key_")), taskKey, row.getString("name_"),
				agencies == null ? List.of() : Arrays.asList(agencies.split(",")), row.getString("assignee_"),
				due == null ? null : due.toInstant(), due != null && due.toInstant().isBefore(now), stages.of(taskKey));
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
		return new OpenStep(task.getId(), repository.getProcessDefinition(task.getProcessDefinitionId()).getKey(),
				task.getTaskDefinitionKey(), task.getName(),
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
