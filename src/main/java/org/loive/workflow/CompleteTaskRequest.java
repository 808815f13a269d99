package org.loive.workflow;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/tasks/{taskId}/complete}: the task's yes/no decisions, e.g.
 * {@code {"decision": {"traffickingSuspected": true}}}; empty or absent for tasks that record none.
 */
record CompleteTaskRequest(Map<String, Boolean> decision) {

	Map<String, Boolean> decisionOrEmpty() {
		return decision == null ? Map.of() : decision;
	}
}
