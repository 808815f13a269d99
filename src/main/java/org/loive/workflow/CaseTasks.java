package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.loive.vault.Vault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caseworker's side of the engine: their agency's tasks in their province, claiming, releasing and
 * completing them. Another agency's or province's task is refused with 403; a task already done with 409.
 */
@Service
class CaseTasks {

	private final TaskService tasks;
	private final RuntimeService runtime;
	private final HistoryService history;
	private final TaskForms forms;
	private final CaseContext context;
	private final JdbcClient jdbc;
	private final Vault vault;
	private final VictimDataAccess access;
	private final AuditLog audit;
	private final Clock clock;

	CaseTasks(TaskService tasks, RuntimeService runtime, HistoryService history, TaskForms forms, CaseContext context,
			JdbcClient jdbc, Vault vault, VictimDataAccess access, AuditLog audit, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.forms = forms;
		this.context = context;
		this.jdbc = jdbc;
		this.vault = vault;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** One page of the officer's tasks as the query narrows and orders them, paged by the database. */
	@Transactional(readOnly = true)
	TaskPage inbox(Officer officer, InboxQuery inbox, int page, int size) {
		if (officer.agencies().isEmpty() || officer.province() == null) {
			return new TaskPage(List.of(), page, size, 0);
		}
		TaskQuery query = actionableBy(officer);
		switch (inbox.filter()) {
			case MINE -> query.taskAssignee(officer.username());
			case UNCLAIMED -> query.taskUnassigned();
			case OVERDUE -> query.dueBefore(Date.from(clock.instant()));
			case ALL -> {
			}
		}
		if (inbox.step() != null) {
			query.taskDefinitionKey(inbox.step());
		}
		if (inbox.caseId() != null) {
			query.processInstanceBusinessKey(inbox.caseId().toString());
		}
		long total = query.count();
		query.orderByDueDate();
		if (inbox.latestFirst()) {
			query.desc();
		}
		else {
			query.asc();
		}
		return new TaskPage(views(query.orderByTaskCreateTime().asc().listPage(page * size, size)), page, size, total);
	}

	/**
	 * An open task for its page: the task, its case's stage and decisions, the services its form offers and the
	 * provider agencies it may choose (another candidate of a declined referral's service, else the candidates of
	 * the eligible services).
	 */
	record TaskDetail(TaskView task, CaseContext.Context context, List<String> eligibleServices, List<String> providers) {
	}

	/** The open task with its case's context, if this officer may act on it; 403, 404 or 409 otherwise. */
	@Transactional(readOnly = true)
	TaskDetail detail(String taskId, Officer officer) {
		TaskView task = view(openTask(taskId, officer));
		Map<String, Object> variables = tasks.getVariables(taskId, List.of(ReferralVariables.ELIGIBLE_SERVICES,
				ReferralVariables.SERVICE, ReferralVariables.PROVIDER_AGENCY));
		List<String> eligible = variables.get(ReferralVariables.ELIGIBLE_SERVICES) instanceof Collection<?> codes
				? codes.stream().map(String::valueOf).toList() : List.of();
		List<String> providers = variables.get(ReferralVariables.SERVICE) != null
				? ServiceReferralForms.otherProviders(variables)
				: eligible.stream().flatMap(code -> SupportService.ofCode(code).stream())
					.flatMap(service -> service.providers().stream()).map(Agency::group).distinct().toList();
		return new TaskDetail(task, context.of(task.caseId()), eligible, providers);
	}

	@Transactional
	TaskView claim(String taskId, Officer officer) {
		lock(taskId);
		try {
			Task task = openTask(taskId, officer);
			if (task.getAssignee() != null && !task.getAssignee().equals(officer.username())) {
				throw ApiException.conflict("task.claimed-by-other", taskId);
			}
			recordTaskEvent(AuditAction.TASK_CLAIM, task, scope(task), officer);
			if (task.getAssignee() == null) {
				tasks.claim(taskId, officer.username());
			}
			return view(tasks.createTaskQuery().taskId(taskId).singleResult());
		}
		catch (TaskAlreadyClaimedException e) {
			throw ApiException.conflict("task.claimed-by-other", taskId);
		}
		catch (NullValueException | NotFoundException | OptimisticLockingException e) {
			throw gone(taskId);
		}
	}

	/** Gives a claimed task back to the agency: only its assignee may, on record as a claim is. */
	@Transactional
	TaskView release(String taskId, Officer officer) {
		lock(taskId);
		try {
			Task task = openTask(taskId, officer);
			if (task.getAssignee() == null) {
				return view(task);
			}
			if (!task.getAssignee().equals(officer.username())) {
				throw ApiException.conflict("task.claimed-by-other", taskId);
			}
			recordTaskEvent(AuditAction.TASK_RELEASE, task, scope(task), officer);
			tasks.setAssignee(taskId, null);
			return view(tasks.createTaskQuery().taskId(taskId).singleResult());
		}
		catch (NullValueException | NotFoundException | OptimisticLockingException e) {
			throw gone(taskId);
		}
	}

	@Transactional
	CompletedTask complete(String taskId, Officer officer, CompleteTaskRequest request) {
		lock(taskId);
		try {
			Task task = openTask(taskId, officer);
			if (task.getAssignee() != null && !task.getAssignee().equals(officer.username())) {
				throw ApiException.conflict("task.claimed-by-other", taskId);
			}
			Map<String, Object> variables = forms.variables(task.getTaskDefinitionKey(), request.decision(),
					tasks.getVariables(taskId));
			VictimDataAccess.CaseScope scope = scope(task);
			recordTaskEvent(AuditAction.TASK_COMPLETE, task, scope, officer);
			recordPersonalData(scope, request.records(), officer);
			if (task.getAssignee() == null) {
				tasks.setAssignee(taskId, officer.username());
			}
			tasks.complete(taskId, variables);
			return new CompletedTask(taskId, scope.caseId().toString(), officer.username(), clock.instant());
		}
		catch (NullValueException | NotFoundException | OptimisticLockingException e) {
			// a concurrent request finished the task first
			throw gone(taskId);
		}
	}

	/** Personal details of the step go to the vault, for persons of the task's case only, each write on record. */
	private void recordPersonalData(VictimDataAccess.CaseScope scope, List<CompleteTaskRequest.PersonRecord> records,
			Officer officer) {
		String caseId = scope.caseId().toString();
		List<Rejection> rejections = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			if (!vault.caseOf(records.get(i).personId()).map(UUID::toString).filter(caseId::equals).isPresent()) {
				rejections.add(new Rejection("personalData[" + i + "].personId", "validation.person-of-case"));
			}
		}
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
		records.forEach(record -> {
			access.authorizeWrite(officer, scope, record.personId(), record.data().sectionCodes(), AuditAction.PERSON_WRITE);
			vault.write(record.personId(), record.data(), officer.username());
		});
	}

	/** Recorded before the engine writes, as every audited action does, so the chain's lock is always taken first. */
	private void recordTaskEvent(AuditAction action, Task task, VictimDataAccess.CaseScope scope, Officer officer) {
		audit.record(AuditEvent.of(action, officer.actor())
			.onCase(scope.caseId())
			.purpose("task:" + task.getId() + ":" + task.getTaskDefinitionKey()));
	}

	/** The task's case and province, read together (one engine command). */
	private VictimDataAccess.CaseScope scope(Task task) {
		Map<String, Object> variables = tasks.getVariables(task.getId(),
				List.of(ReferralVariables.CASE_ID, ReferralVariables.PROVINCE));
		return new VictimDataAccess.CaseScope(UUID.fromString((String) variables.get(ReferralVariables.CASE_ID)),
				(String) variables.get(ReferralVariables.PROVINCE));
	}

	/**
	 * The open task, if this officer may act on it; otherwise 404, 409 (done already) or 403. One query
	 * decides, so a task finished concurrently is never mistaken for another agency's.
	 */
	private Task openTask(String taskId, Officer officer) {
		Task task = officer.agencies().isEmpty() || officer.province() == null ? null
				: actionableBy(officer).taskId(taskId).singleResult();
		if (task != null) {
			return task;
		}
		if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
			throw gone(taskId);
		}
		throw ApiException.forbidden("task.forbidden", taskId);
	}

	/** Tasks of the officer's province offered to one of their agencies, or assigned to them. */
	private TaskQuery actionableBy(Officer officer) {
		return tasks.createTaskQuery()
			.processVariableValueEquals(ReferralVariables.PROVINCE, officer.province())
			.or()
			.taskCandidateGroupIn(new ArrayList<>(officer.agencies()))
			.includeAssignedTasks()
			.taskAssignee(officer.username())
			.endOr();
	}

	/**
	 * Requests on the same task wait for each other until the first commits, on every node of a cluster:
	 * the later one then finds the task done (409) instead of racing the engine half-way through.
	 */
	private void lock(String taskId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:task))").param("task", taskId).query().singleRow();
	}

	/** 409 for a task completed already (its history says so), 404 for one that never was. */
	private ApiException gone(String taskId) {
		HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
		return done != null && done.getEndTime() != null ? ApiException.conflict("task.already-completed", taskId)
				: ApiException.notFound("task.not-found", taskId);
	}

	private TaskView view(Task task) {
		return views(List.of(task)).get(0);
	}

	/**
	 * The tasks as views, with the case's variables of all of them read in one query rather than one per
	 * task; only the process instance's own: a sub-scope's {@code service} (a multi-instance's element) is not the
	 * task's.
	 */
	private List<TaskView> views(List<Task> page) {
		if (page.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, Object>> byInstance = new HashMap<>();
		runtime.createVariableInstanceQuery()
			.processInstanceIdIn(page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
			.variableNameIn(ReferralVariables.CASE_ID, ReferralVariables.REFERENCE, ReferralVariables.SERVICE)
			.disableBinaryFetching()
			.list()
			.stream()
			.filter(v -> v.getProcessInstanceId().equals(v.getExecutionId()))
			.forEach(v -> byInstance.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
				.put(v.getName(), v.getValue()));
		Instant now = clock.instant();
		return page.stream().map(task -> {
			Map<String, Object> variables = byInstance.getOrDefault(task.getProcessInstanceId(), Map.of());
			return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
					(String) variables.get(ReferralVariables.CASE_ID), (String) variables.get(ReferralVariables.REFERENCE),
					(String) variables.get(ReferralVariables.SERVICE), OpenTasks.candidateGroups(tasks, task.getId()),
					task.getAssignee(), OpenTasks.instant(task.getCreateTime()), OpenTasks.instant(task.getDueDate()),
					OpenTasks.overdue(task, now), TaskForms.schemaName(task.getTaskDefinitionKey()));
		}).toList();
	}
}
