package org.loive.workflow;

import org.loive.access.Agency;

/** Where a report comes from, and the agency that receives and classifies it. */
public enum Channel {

	HOTLINE_111(Agency.POLICE),
	POLICE(Agency.POLICE),
	BORDER_GUARD(Agency.BORDER_GUARD),
	COMMUNE(Agency.COMMUNE),
	SELF_REPORT(Agency.POLICE),
	CONSULATE_RETURN(Agency.BORDER_GUARD);

	private final Agency receivingAgency;

	Channel(Agency receivingAgency) {
		this.receivingAgency = receivingAgency;
	}

	public Agency receivingAgency() {
		return receivingAgency;
	}
}
