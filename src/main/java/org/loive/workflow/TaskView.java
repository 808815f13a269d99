package org.loive.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A workflow task as a caseworker sees it in their inbox: what to do, for which case, by when, and
 * which form ({@code form}, a schema of the OpenAPI document) its completion takes; for a service
 * referral, which support service ({@code service}, a code of Art 37).
 */
record TaskView(String id, String taskKey, String name, String caseId, String reference, String service,
		List<String> candidateGroups, String assignee, Instant created, Instant due, boolean overdue, String form) {
}
