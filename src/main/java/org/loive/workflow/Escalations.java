package org.loive.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where overdue steps are recorded for the supervisors; one record per overdue task. */
interface Escalations {

	/** An overdue step of a case. */
	record Escalation(String taskId, UUID caseId, String province, String taskKey, String taskName,
			List<String> candidateGroups, Instant dueAt, Instant raisedAt) {
	}

	/** Records the escalation unless the task was escalated already. */
	void raise(Escalation escalation);
}
