package org.loive.criminal;

/** What the court decided at trial. */
public enum TrialOutcome {
	/** tuyên bị cáo có tội */
	CONVICTED,
	/** tuyên bị cáo không có tội */
	ACQUITTED,
	/** đình chỉ vụ án */
	DISMISSED
}
