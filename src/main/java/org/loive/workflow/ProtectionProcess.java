package org.loive.workflow;

/** Ids of the protection process called for a victim at risk. */
final class ProtectionProcess {

	static final String KEY = "victim-protection";
	static final String APPLY_PROTECTION = "Task_ApplyProtection";
	static final String REVIEW_DUE = "Timer_ReviewDue";
	static final String REVIEW_PROTECTION = "Task_ReviewProtection";
	static final String END_REFUSED = "EndEvent_ProtectionRefused";
	static final String END_ENDED = "EndEvent_ProtectionEnded";

	private ProtectionProcess() {
	}
}
