package org.loive.workflow;

/** Ids of the main referral process, its activities and messages, as they stand in {@code bpmn/}. */
public final class ReferralProcess {

	public static final String KEY = "victim-referral";

	public static final String START = "StartEvent_ReferralReceived";
	public static final String ROUTE_INTAKE = "Task_RouteIntake";
	public static final String CLASSIFY = "Task_Classify";
	public static final String RESCUE = "CallActivity_Rescue";
	public static final String BORDER_RECEPTION = "Task_BorderReception";
	public static final String BORDER_VERIFICATION = "Task_BorderVerification";
	public static final String RECEIVE_PERSON = "Task_ReceivePerson";
	public static final String INITIAL_VERIFICATION = "Task_InitialVerification";
	public static final String FURTHER_VERIFICATION = "Task_FurtherVerification";
	public static final String IDENTIFY = "Task_Identify";
	public static final String HAND_OVER = "Task_HandOver";
	public static final String ASSESS_RISK = "Task_AssessRisk";
	public static final String RISK_LEVEL = "Task_RiskLevel";
	public static final String PROTECTION = "CallActivity_Protection";
	public static final String SUPPORT_ELIGIBILITY = "Task_SupportEligibility";
	public static final String PLAN_SUPPORT = "Task_PlanSupport";
	public static final String INTERIM_SUPPORT = "SubProcess_InterimSupport";
	public static final String INTERIM_ELIGIBILITY = "Task_InterimEligibility";
	public static final String PLAN_INTERIM_SUPPORT = "Task_PlanInterimSupport";
	public static final String INTERIM_SERVICE_REFERRAL = "CallActivity_InterimServiceReferral";
	public static final String INTERIM_SERVICES_CONSENT_WITHDRAWN = "Boundary_InterimServicesConsentWithdrawn";
	public static final String SERVICE_REFERRAL = "CallActivity_ServiceReferral";
	public static final String MINORS = "SubProcess_Minors";
	public static final String NOTIFY_GUARDIAN = "Task_NotifyGuardian";
	public static final String MINOR_START = "StartEvent_Minor";
	public static final String ASSESS_MINOR_RISK = "Task_AssessMinorRisk";
	public static final String MINOR_RISK_LEVEL = "Task_MinorRiskLevel";
	public static final String MINOR_PROTECTION = "CallActivity_MinorProtection";
	public static final String MINOR_ELIGIBILITY = "Task_MinorEligibility";
	public static final String MINOR_SERVICE_REFERRAL = "CallActivity_MinorServiceReferral";
	public static final String REPATRIATION = "CallActivity_Repatriation";
	public static final String REINTEGRATION = "CallActivity_Reintegration";
	public static final String CLOSE = "Task_Close";
	public static final String TRANSFER_CASE = "Task_TransferCase";
	public static final String NOTIFY_SUPERVISOR = "Task_NotifySupervisor";

	public static final String END_REFERRED_OUT = "EndEvent_ReferredOut";
	public static final String END_DUPLICATE = "EndEvent_Duplicate";
	public static final String END_NOT_VICTIM = "EndEvent_NotVictim";
	public static final String END_CLOSED = "EndEvent_Closed";
	public static final String SERVICES_CONSENT_WITHDRAWN = "Boundary_ServicesConsentWithdrawn";
	public static final String MINOR_SERVICES_CONSENT_WITHDRAWN = "Boundary_MinorServicesConsentWithdrawn";
	public static final String REINTEGRATION_CONSENT_WITHDRAWN = "Boundary_ReintegrationConsentWithdrawn";

	/** Messages the API correlates to a running case. */
	public static final String MESSAGE_CONSENT_WITHDRAWN = "ConsentWithdrawn";
	public static final String MESSAGE_CASE_TRANSFERRED = "CaseTransferred";

	private ReferralProcess() {
	}
}
