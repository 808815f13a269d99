package org.loive.workflow;

import java.time.Instant;

/** Answer to a completion: which task, which case, when and by whom. */
record CompletedTask(String taskId, String caseId, String completedBy, Instant completedAt) {
}
