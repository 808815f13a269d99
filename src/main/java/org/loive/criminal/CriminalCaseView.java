package org.loive.criminal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A criminal case with its milestones and the referral cases linked to it; codes and dates only. */
public record CriminalCaseView(UUID criminalCaseId, String reference, String province, Charge charge,
		CriminalCaseStatus status, String createdBy, Instant createdAt, List<RecordedMilestone> milestones,
		List<LinkedReferral> referrals) {

	/** A milestone: on which day in Vietnam it happened, the trial's outcome, who recorded it and when. */
	public record RecordedMilestone(Milestone milestone, LocalDate date, TrialOutcome outcome, String recordedBy,
			Instant recordedAt) {
	}

	/** A linked referral case, by id and reference; who linked it and when. */
	public record LinkedReferral(UUID caseId, String reference, String linkedBy, Instant linkedAt) {
	}
}
