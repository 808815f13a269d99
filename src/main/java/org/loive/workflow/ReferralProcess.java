package org.loive.workflow;

/** Ids of the referral process, its activities and variables, as they stand in {@code bpmn/}. */
public final class ReferralProcess {

	public static final String KEY = "victim-referral";

	public static final String START = "StartEvent_ReferralReceived";
	public static final String ROUTE_INTAKE = "Task_RouteIntake";
	public static final String CLASSIFY = "Task_Classify";
	public static final String VERIFY = "Task_Verify";
	public static final String IDENTIFY = "Task_Identify";
	public static final String PROTECT = "Task_Protect";
	public static final String SUPPORT = "Task_Support";
	public static final String REINTEGRATE = "Task_Reintegrate";
	public static final String CLOSE = "Task_Close";
	public static final String END_REFERRED_OUT = "EndEvent_ReferredOut";
	public static final String END_NOT_VICTIM = "EndEvent_NotVictim";
	public static final String END_CLOSED = "EndEvent_Closed";

	private ReferralProcess() {
	}
}
