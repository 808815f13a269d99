package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/tasks/{taskId}/complete}: the task's decision, in the form the task names
 * (codes and yes/no answers), e.g. {@code {"decision": {"classification": "TRAFFICKING_SUSPECTED", ...}}}.
 * Its schema is published by {@link TaskFormsOpenApi}.
 */
record CompleteTaskRequest(JsonNode decision) {
}
