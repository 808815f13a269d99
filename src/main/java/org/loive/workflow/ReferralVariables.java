package org.loive.workflow;

/** Variables of the referral process: identifiers, codes and decisions only, never victim data. */
public final class ReferralVariables {

	public static final String CASE_ID = "caseId";
	public static final String REFERENCE = "reference";
	public static final String CHANNEL = "channel";
	public static final String AREA = "area";
	public static final String PROVINCE = "province";
	public static final String IMMEDIATE_DANGER = "immediateDanger";
	public static final String LEAD_AGENCY = "leadAgency";
	public static final String TRAFFICKING_SUSPECTED = "traffickingSuspected";
	public static final String VICTIM = "victim";

	private ReferralVariables() {
	}
}
