package org.loive.criminal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the reports learn from the criminal cases, published in the transaction that recorded it. Codes only. */
public final class CriminalCaseEvents {

	/** A milestone of a criminal case (INITIATED, SOLVED, PROSECUTED, TRIED), on the day it happened. */
	public record MilestoneRecorded(UUID criminalCaseId, String province, String milestone, LocalDate occurredOn,
			String outcome, Instant recordedAt) {
	}

	/** A referral case (a victim's) linked to a criminal case. */
	public record ReferralLinked(UUID criminalCaseId, String province, UUID caseId, Instant linkedAt) {
	}

	/** A link made by mistake taken back: the reports forget it, as the criminal case does. */
	public record ReferralUnlinked(UUID criminalCaseId, UUID caseId) {
	}

	private CriminalCaseEvents() {
	}
}
