package org.loive.criminal;

import java.time.Instant;
import java.util.UUID;

/** A criminal case in a list: its number, charge, status and how many referral cases are linked to it. */
public record CriminalCaseSummary(UUID criminalCaseId, String reference, Charge charge, CriminalCaseStatus status,
		int referrals, Instant createdAt) {
}
