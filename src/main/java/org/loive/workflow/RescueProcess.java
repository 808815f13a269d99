package org.loive.workflow;

/** Ids of the rescue process called from the referral chain. */
final class RescueProcess {

	static final String KEY = "victim-rescue";
	static final String COORDINATE_FOREIGN_RESCUE = "Task_CoordinateForeignRescue";
	static final String RESCUE = "Task_Rescue";
	static final String CONSULAR_SUPPORT = "SubProcess_ConsularSupport";
	static final String ABROAD_ELIGIBILITY = "Task_AbroadEligibility";
	static final String PLAN_CONSULAR_SUPPORT = "Task_PlanConsularSupport";
	static final String CONSULAR_SERVICE_REFERRAL = "CallActivity_ConsularServiceReferral";
	static final String END_RESCUED = "EndEvent_Rescued";

	private RescueProcess() {
	}
}
