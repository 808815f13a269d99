package org.loive.access;

import java.util.Map;
import java.util.UUID;

/**
 * Which agencies have or had work on a case, from its workflow history: a task open now or done before
 * (a service referral included), implemented by the workflow module.
 */
public interface CaseInvolvement {

	/** Each involved agency's group, with the id of its open task on the case, or null if none is open. */
	Map<String, String> agencies(UUID caseId);
}
