package org.loive.workflow;

/** Ids of the repatriation process of a foreign victim. */
final class RepatriationProcess {

	static final String KEY = "victim-repatriation";
	static final String REQUEST = "Task_RequestRepatriation";
	static final String CONFIRM = "Task_ConfirmRepatriation";
	static final String HAND_OVER_AT_BORDER = "Task_HandOverAtBorder";
	static final String END_REPATRIATED = "EndEvent_Repatriated";
	static final String END_STAYS = "EndEvent_StaysForSupport";

	private RepatriationProcess() {
	}
}
