package org.loive.workflow;

/** Where the person was found or reported, as table {@code intake-routing} reads it. */
public enum Place {
	/** Inside Vietnam, away from the border. */
	INLAND,
	/** At a border gate or in a border area. */
	BORDER_AREA,
	/** Still abroad. */
	ABROAD
}
