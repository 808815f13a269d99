package org.loive.workflow;

/** Ids of the reintegration process with its follow-up visits. */
final class ReintegrationProcess {

	static final String KEY = "victim-reintegration";
	static final String RECEIVE_APPLICATION = "Task_ReceiveReintegrationApplication";
	static final String DECIDE = "Task_DecideReintegration";
	static final String FOLLOW_UP_VISIT = "Task_FollowUpVisit";
	static final String NEXT_VISIT_DUE = "Timer_NextVisitDue";
	static final String END_DECLINED = "EndEvent_ReintegrationDeclined";
	static final String END_REINTEGRATED = "EndEvent_Reintegrated";

	private ReintegrationProcess() {
	}
}
