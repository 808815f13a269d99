package org.loive.access;

import java.util.Map;
import java.util.Optional;

import static org.loive.access.Agency.BORDER_GUARD;
import static org.loive.access.Agency.COMMUNE;
import static org.loive.access.Agency.EDUCATION;
import static org.loive.access.Agency.COURT;
import static org.loive.access.Agency.FOREIGN_AFFAIRS;
import static org.loive.access.Agency.HEALTH;
import static org.loive.access.Agency.LABOUR;
import static org.loive.access.Agency.LEGAL_AID;
import static org.loive.access.Agency.POLICE;
import static org.loive.access.Agency.SOCIAL_POLICY_BANK;
import static org.loive.access.Agency.WOMENS_UNION;
import static org.loive.access.Agency.YOUTH_UNION;
import static org.loive.access.Agency.PROCURACY;

/**
 * The section-by-agency matrix of {@code docs/authorization-matrix.md}: which sections of a person an involved
 * agency may read, and on which basis. {@code LAW}: the agency's own duty under Law 53/2024 (receipt,
 * verification, identification, protection, support), no consent needed; {@code CONSENT}: only while an
 * active consent of the person shares that section with that agency. A section not listed is never shown.
 * The providers of schooling, vocational training, jobs and loans have no duty of their own under the law's chain:
 * they see who the person is and how to reach them, and only with the person's consent; never the story, the
 * health or the legal details, which a school, a job or a loan does not need.
 * The procuracy and the court get no section: they record criminal cases, which hold no victim data, and
 * receive the evidence from the police's file under the Criminal Procedure Code, not from the vault.
 */
final class SectionPolicy {

	enum Basis { LAW, CONSENT }

	private static final Map<String, Basis> PROVIDER = Map.of("identity", Basis.CONSENT, "contact", Basis.CONSENT);

	private static final Map<Agency, Map<String, Basis>> MATRIX = Map.ofEntries(
			Map.entry(POLICE, Map.of("identity", Basis.LAW, "contact", Basis.LAW, "narrative", Basis.LAW, "legal", Basis.LAW)),
			Map.entry(BORDER_GUARD, Map.of("identity", Basis.LAW, "contact", Basis.LAW, "narrative", Basis.LAW)),
			Map.entry(HEALTH, Map.of("identity", Basis.LAW, "contact", Basis.LAW, "health", Basis.LAW, "narrative",
					Basis.CONSENT)),
			Map.entry(LEGAL_AID, Map.of("identity", Basis.CONSENT, "contact", Basis.CONSENT, "narrative", Basis.CONSENT,
					"legal", Basis.CONSENT)),
			Map.entry(COMMUNE, Map.of("identity", Basis.LAW, "contact", Basis.LAW)),
			Map.entry(FOREIGN_AFFAIRS, Map.of("identity", Basis.LAW, "contact", Basis.CONSENT)),
			Map.entry(EDUCATION, PROVIDER),
			Map.entry(LABOUR, PROVIDER),
			Map.entry(WOMENS_UNION, PROVIDER),
			Map.entry(YOUTH_UNION, PROVIDER),
			Map.entry(SOCIAL_POLICY_BANK, PROVIDER),
			Map.entry(PROCURACY, Map.of()),
			Map.entry(COURT, Map.of()));

	private SectionPolicy() {
	}

	static Optional<Basis> basis(Agency agency, String section) {
		return Optional.ofNullable(MATRIX.getOrDefault(agency, Map.of()).get(section));
	}
}
