package org.loive.workflow;

/** Ids of the service referral process: one instance per support service. */
final class ServiceReferralProcess {

	static final String KEY = "service-referral";
	static final String RESPOND = "Task_RespondToReferral";
	static final String DELIVER = "Task_DeliverService";
	static final String REVIEW_DECLINED = "Task_ReviewDeclinedReferral";
	static final String DECIDE_EXTENSION = "Task_DecideServiceExtension";
	static final String START = "StartEvent_ServiceReferred";
	static final String END_RECORDED = "EndEvent_ServiceRecorded";
	static final String END_UNMET = "EndEvent_ServiceUnmet";
	static final String END_NOT_EXTENDED = "EndEvent_EssentialNeedsEnded";

	private ServiceReferralProcess() {
	}
}
