package org.loive.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.UUID;

/**
 * Task "Báo lãnh đạo địa bàn": every open step of this process instance that is past due is raised to
 * the supervisor of the case's province. The steps stay open: the work goes on.
 */
@Component("overdueEscalationDelegate")
class OverdueEscalationDelegate implements JavaDelegate {

	private final Escalations escalations;

	OverdueEscalationDelegate(Escalations escalations) {
		this.escalations = escalations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		Date now = ClockUtil.getCurrentTime();
		// due at or before now: the timer fires exactly at the step's due instant
		Date dueUpTo = new Date(now.getTime() + 1);
		for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).dueBefore(dueUpTo).list()) {
			escalations.raise(new Escalations.Escalation(task.getId(),
					UUID.fromString((String) execution.getVariable(ReferralVariables.CASE_ID)),
					(String) execution.getVariable(ReferralVariables.PROVINCE), task.getTaskDefinitionKey(), task.getName(),
					OpenTasks.candidateGroups(tasks, task.getId()),
					task.getDueDate().toInstant(), now.toInstant()));
		}
	}
}
