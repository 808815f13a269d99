package org.loive.workflow;

import org.loive.access.Agency;

/**
 * Where a report comes from, and the agency that receives it; table {@code intake-routing} decides who leads
 * it, from the channel, the place and how the person came back from abroad.
 */
public enum Channel {

	HOTLINE_111(Agency.POLICE),
	/** Another hotline (a social work centre's, a child protection line); its number is recorded with the case. */
	OTHER_HOTLINE(Agency.POLICE),
	POLICE(Agency.POLICE),
	BORDER_GUARD(Agency.BORDER_GUARD),
	COMMUNE(Agency.COMMUNE),
	SELF_REPORT(Agency.POLICE),
	CONSULATE_RETURN(Agency.BORDER_GUARD),
	/** Handed over at the border by the authority of another country. */
	FOREIGN_AUTHORITY_HANDOVER(Agency.BORDER_GUARD),
	/** A social assistance facility of the health department. */
	SOCIAL_ASSISTANCE_FACILITY(Agency.HEALTH),
	/** A hospital or another health facility. */
	HEALTH_FACILITY(Agency.HEALTH),
	/** The Fatherland Front, the Women's Union, the Youth Union and the like, passing on what they learnt. */
	MASS_ORGANISATION(Agency.POLICE);

	private final Agency receivingAgency;

	Channel(Agency receivingAgency) {
		this.receivingAgency = receivingAgency;
	}

	public Agency receivingAgency() {
		return receivingAgency;
	}
}
