package org.loive.criminal;

import java.util.Optional;

/** How far a criminal case has come: registered, or the last milestone it reached. */
public enum CriminalCaseStatus {

	REGISTERED, INITIATED, SOLVED, PROSECUTED, TRIED;

	/** The milestone that comes next, in order; none after the trial. */
	Optional<Milestone> next() {
		return ordinal() < Milestone.values().length ? Optional.of(Milestone.values()[ordinal()]) : Optional.empty();
	}

	static CriminalCaseStatus reached(Milestone milestone) {
		return valueOf(milestone.name());
	}
}
