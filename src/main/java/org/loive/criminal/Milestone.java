package org.loive.criminal;

import org.loive.access.Agency;

/** The milestones of a criminal case, in the order they happen, each recorded by the agency whose act it is. */
public enum Milestone {

	/** khởi tố vụ án */
	INITIATED(Agency.POLICE),
	/** khám phá: the offenders are identified */
	SOLVED(Agency.POLICE),
	/** truy tố */
	PROSECUTED(Agency.PROCURACY),
	/** xét xử */
	TRIED(Agency.COURT);

	private final Agency recordedBy;

	Milestone(Agency recordedBy) {
		this.recordedBy = recordedBy;
	}

	public Agency recordedBy() {
		return recordedBy;
	}
}
