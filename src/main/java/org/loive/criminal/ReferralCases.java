package org.loive.criminal;

import java.util.Optional;
import java.util.UUID;

/** The referral cases a criminal case links to, implemented by the module that owns them. */
public interface ReferralCases {

	/** A referral case: its id, human reference and the province it is in now. */
	record Referral(UUID caseId, String reference, String province) {
	}

	Optional<Referral> find(UUID caseId);

	Optional<Referral> findByReference(String reference);
}
