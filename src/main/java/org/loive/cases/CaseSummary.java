package org.loive.cases;

import org.loive.workflow.Stage;

import java.time.Instant;
import java.util.UUID;

/** One line of {@code GET /api/v1/cases}. */
record CaseSummary(UUID caseId, String reference, String channel, String area, Instant receivedAt, Stage stage,
		int openTasks, boolean overdue) {
}
