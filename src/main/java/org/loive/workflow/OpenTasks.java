package org.loive.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** What every view of an open task needs: the agencies it is offered to, and whether it is overdue. */
final class OpenTasks {

	private OpenTasks() {
	}

	/** The candidate groups of the task, i.e. the agencies it is offered to, sorted. */
	static List<String> candidateGroups(TaskService tasks, String taskId) {
		return tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.toList();
	}

	static boolean overdue(Task task, Instant now) {
		return task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now);
	}

	static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}
}
