package org.loive.workflow;

/**
 * How the person came back from abroad, as table {@code intake-routing} reads it: the border guard receives,
 * verifies and hands over those handed over by a foreign authority, returned through a consulate, come back
 * across the border on their own or rescued by the border guard (seed 002).
 */
public enum ReturnMode {
	FOREIGN_AUTHORITY_HANDOVER,
	VIA_CONSULATE,
	SELF_RETURN,
	RESCUED_BY_BORDER_GUARD,
	DEPORTED,
	OTHER
}
