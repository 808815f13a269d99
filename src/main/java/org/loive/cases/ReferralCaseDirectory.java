package org.loive.cases;

import org.loive.criminal.ReferralCases;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The referral cases as criminal cases link to them: id, reference and the province they are in now. */
@Component
class ReferralCaseDirectory implements ReferralCases {

	private final Cases cases;

	ReferralCaseDirectory(Cases cases) {
		this.cases = cases;
	}

	@Override
	public Optional<Referral> find(UUID caseId) {
		return cases.find(caseId).map(ReferralCaseDirectory::referral);
	}

	@Override
	public Optional<Referral> findByReference(String reference) {
		return cases.findByReference(reference).map(ReferralCaseDirectory::referral);
	}

	private static Referral referral(CaseRecord record) {
		return new Referral(record.id(), record.reference(), record.province());
	}
}
