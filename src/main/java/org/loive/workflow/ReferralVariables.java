package org.loive.workflow;

/** Variables of the referral processes: identifiers, codes and decisions only, never victim data. */
public final class ReferralVariables {

	public static final String CASE_ID = "caseId";
	public static final String REFERENCE = "reference";
	public static final String CHANNEL = "channel";
	/** When the report was received, the start of the classification's deadline. */
	public static final String RECEIVED_AT = "receivedAt";
	public static final String PLACE = "place";
	public static final String RETURN_MODE = "returnMode";
	public static final String AREA = "area";
	public static final String PROVINCE = "province";
	public static final String IMMEDIATE_DANGER = "immediateDanger";
	public static final String VICTIM_ID = "victimId";
	public static final String MINOR_IDS = "minorIds";
	public static final String MINOR_ID = "minorId";
	public static final String LEAD_AGENCY = "leadAgency";
	public static final String ENTRY_STEP = "entryStep";
	public static final String LEAD_AREA = "leadArea";
	public static final String IDENTIFYING_AGENCY = "identifyingAgency";
	public static final String RESCUE_AGENCY = "rescueAgency";
	public static final String CLASSIFICATION = "classification";
	public static final String DUPLICATE_OF = "duplicateOfCaseId";
	public static final String RESCUE_NEEDED = "rescueNeeded";
	public static final String CROSS_BORDER_RESCUE = "crossBorderRescue";
	public static final String RESCUE_OUTCOME = "rescueOutcome";
	public static final String FOREIGN_NATIONAL = "foreignNational";
	public static final String DOCUMENTS_EXIST = "documentsExist";
	public static final String VICTIM = "victim";
	public static final String RISK_LEVEL = "riskLevel";
	public static final String PROTECTION_REQUIRED = "protectionRequired";
	public static final String SUPPORT_CATEGORY = "supportCategory";
	public static final String ELIGIBLE_SERVICES = "eligibleServices";
	public static final String CONSENTED_SERVICES = "consentedServices";
	public static final String MINOR_SERVICES = "minorServices";
	public static final String SERVICE = "service";
	public static final String PROVIDER_AGENCY = "providerAgency";
	/** How many times essential needs were extended by a decision. */
	public static final String EXTENSIONS = "extensions";
	/** The day the reintegration application was received (ISO date), the start of the decision's 9 working days; today if not given. */
	public static final String APPLICATION_RECEIVED_ON = "applicationReceivedOn";
	public static final String REPATRIATED = "repatriated";
	public static final String CASE_OUTCOME = "caseOutcome";
	/** The person withdrew consent: services stop, the State's duties go on. */
	public static final String CONSENT_WITHDRAWN = "consentWithdrawn";
	/** Where a report or a person not identified as a victim was referred. */
	public static final String REFERRED_TO = "referredTo";
	public static final String TRANSFER_TO = "transferTo";

	private ReferralVariables() {
	}
}
