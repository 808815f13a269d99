package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The caseworker's side of the engine: their agency's tasks in their province, claiming, releasing and
 * completing them. Another agency's or province's task is refused with 403; a task already done with 409.
 */
@Service
class CaseTasks {

	/** How often an action on a task is tried while the engine finds its process changed under it. */
	static final int ATTEMPTS = 3;

	private final TaskService tasks;
	private final HistoryService history;
	private final TaskForms forms;
	private final CaseContext context;
	private final ActionableTask actionable;
	private final JdbcClient jdbc;
	private final Vault vault;
	private final VictimDataAccess access;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transaction;

	CaseTasks(TaskService tasks, HistoryService history, TaskForms forms, CaseContext context,
			ActionableTask actionable, JdbcClient jdbc, Vault vault, VictimDataAccess access, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.tasks = tasks;
		this.history = history;
		this.forms = forms;
		this.context = context;
		this.actionable = actionable;
		this.jdbc = jdbc;
		this.vault = vault;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.transaction = transactions == null ? null : new TransactionTemplate(transactions);
	}

	/** One page of the officer's tasks as the query narrows and orders them, paged by the database. */
	@Transactional(readOnly = true)
	TaskPage inbox(Officer officer, InboxQuery inbox, int page, int size) {
		if (officer.agencies().isEmpty() || officer.province() == null) {
			return new TaskPage(List.of(), page, size, 0);
		}
		return actionable.page(officer, inbox, page, size, clock.instant());
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
		TaskView task = openTask(taskId, officer).view(clock.instant());
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

	TaskView claim(String taskId, Officer officer) {
		return onTask(taskId, () -> {
			ActionableTask.Row task = openTask(taskId, officer);
			if (task.assignee() != null && !task.assignee().equals(officer.username())) {
				throw ApiException.conflict("task.claimed-by-other", taskId);
			}
			recordTaskEvent(AuditAction.TASK_CLAIM, task, officer);
			if (task.assignee() == null) {
				try {
					tasks.claim(taskId, officer.username());
				}
				catch (TaskAlreadyClaimedException e) {
					throw ApiException.conflict("task.claimed-by-other", taskId);
				}
			}
			return task.assignedTo(officer.username()).view(clock.instant());
		});
	}

	/** Gives a claimed task back to the agency: only its assignee may, on record as a claim is. */
	TaskView release(String taskId, Officer officer) {
		return onTask(taskId, () -> {
			ActionableTask.Row task = openTask(taskId, officer);
			if (task.assignee() == null) {
				return task.view(clock.instant());
			}
			if (!task.assignee().equals(officer.username())) {
				throw ApiException.conflict("task.claimed-by-other", taskId);
			}
			recordTaskEvent(AuditAction.TASK_RELEASE, task, officer);
			tasks.setAssignee(taskId, null);
			return task.assignedTo(null).view(clock.instant());
		});
	}

	CompletedTask complete(String taskId, Officer officer, CompleteTaskRequest request) {
		return onTask(taskId, () -> {
			ActionableTask.Row task = openTask(taskId, officer);
			if (task.assignee() != null && !task.assignee().equals(officer.username())) {
				throw ApiException.conflict("task.claimed-by-other", taskId);
			}
			Map<String, Object> variables = forms.variables(task.taskKey(), request.decision(),
					reads -> tasks.getVariables(taskId, reads));
			VictimDataAccess.CaseScope scope = task.scope();
			recordTaskEvent(AuditAction.TASK_COMPLETE, task, officer);
			recordPersonalData(scope, request.records(), officer);
			if (task.assignee() == null) {
				tasks.setAssignee(taskId, officer.username());
			}
			tasks.complete(taskId, variables);
			return new CompletedTask(taskId, scope.caseId().toString(), officer.username(), clock.instant());
		});
	}

	/**
	 * The action in a transaction of its own, tried again (all of it: the checks, the record, the engine's step)
	 * when the engine found the task or its process changed under it, say its overdue timer fired that instant:
	 * the next attempt sees the task as it now is, open still or done (409) or gone (404).
	 */
	private <T> T onTask(String taskId, Supplier<T> action) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> {
					lock(taskId);
					return action.get();
				});
			}
			catch (NullValueException | NotFoundException | OptimisticLockingException e) {
				if (attempt == ATTEMPTS) {
					throw ApiException.conflict("task.changed-concurrently", taskId);
				}
			}
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
	private void recordTaskEvent(AuditAction action, ActionableTask.Row task, Officer officer) {
		audit.record(AuditEvent.of(action, officer.actor())
			.onCase(task.scope().caseId())
			.purpose("task:" + task.id() + ":" + task.taskKey()));
	}

	/**
	 * The open task, if this officer may act on it; otherwise 404, 409 (done already) or 403. One query
	 * decides, so a task finished concurrently is never mistaken for another agency's.
	 */
	private ActionableTask.Row openTask(String taskId, Officer officer) {
		Optional<ActionableTask.Row> task = actionable.of(taskId, officer);
		if (task.isPresent()) {
			return task.get();
		}
		if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
			throw gone(taskId);
		}
		throw ApiException.forbidden("task.forbidden", taskId);
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
}
