package org.loive.access;

import java.util.Map;
import java.util.Optional;

import static org.loive.access.Agency.BORDER_GUARD;
import static org.loive.access.Agency.COMMUNE;
import static org.loive.access.Agency.COURT;
import static org.loive.access.Agency.FOREIGN_AFFAIRS;
import static org.loive.access.Agency.HEALTH;
import static org.loive.access.Agency.LEGAL_AID;
import static org.loive.access.Agency.POLICE;
import static org.loive.access.Agency.PROCURACY;

/**
 * The section-by-agency matrix of {@code docs/authorization-matrix.md}: which sections of a person an involved
 * agency may read, and on which basis. {@code LAW}: the agency's own duty under Law 53/2024 (receipt,
 * verification, identification, protection, support), no consent needed; {@code CONSENT}: only while an
 * active consent of the person shares that section with that agency. A section not listed is never shown.
 * The procuracy and the court get no section: they record criminal cases, which hold no victim data, and
 * receive the evidence from the police's file under the Criminal Procedure Code, not from the vault.
 */
final class SectionPolicy {

	enum Basis { LAW, CONSENT }

	private static final Map<Agency, Map<String, Basis>> MATRIX = Map.of(
			POLICE, Map.of("identity", Basis.LAW, "contact", Basis.LAW, "narrative", Basis.LAW, "legal", Basis.LAW),
			BORDER_GUARD, Map.of("identity", Basis.LAW, "contact", Basis.LAW, "narrative", Basis.LAW),
			HEALTH, Map.of("identity", Basis.LAW, "contact", Basis.LAW, "health", Basis.LAW, "narrative", Basis.CONSENT),
			LEGAL_AID, Map.of("identity", Basis.CONSENT, "contact", Basis.CONSENT, "narrative", Basis.CONSENT,
					"legal", Basis.CONSENT),
			COMMUNE, Map.of("identity", Basis.LAW, "contact", Basis.LAW),
			FOREIGN_AFFAIRS, Map.of("identity", Basis.LAW, "contact", Basis.CONSENT),
			PROCURACY, Map.of(),
			COURT, Map.of());

	private SectionPolicy() {
	}

	static Optional<Basis> basis(Agency agency, String section) {
		return Optional.ofNullable(MATRIX.getOrDefault(agency, Map.of()).get(section));
	}
}
