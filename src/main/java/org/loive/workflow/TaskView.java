package org.loive.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A workflow task as a caseworker sees it in their inbox: what to do, for which case, by when, and
 * which yes/no decisions completing it records.
 */
record TaskView(String id, String taskKey, String name, String caseId, String reference, List<String> candidateGroups,
		String assignee, Instant created, Instant due, Set<String> decisions) {
}
