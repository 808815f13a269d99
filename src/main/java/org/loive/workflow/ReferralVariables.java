package org.loive.workflow;

/** Variables of the referral processes: identifiers, codes and decisions only, never victim data. */
public final class ReferralVariables {

	public static final String CASE_ID = "caseId";
	public static final String REFERENCE = "reference";
	public static final String CHANNEL = "channel";
	public static final String PLACE = "place";
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
	/** The support plan's provider per consented service: service code to agency group. */
	public static final String SERVICE_PROVIDERS = "serviceProviders";
	/** The person a service referral is for. */
	public static final String PERSON_ID = "personId";
	public static final String REPATRIATED = "repatriated";
	public static final String CASE_OUTCOME = "caseOutcome";
	public static final String TRANSFER_TO = "transferTo";

	private ReferralVariables() {
	}
}
