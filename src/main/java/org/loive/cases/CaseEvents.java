package org.loive.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the reports learn from the cases, published in the transaction that recorded it. Codes only. */
public final class CaseEvents {

	/** A report received and registered, with the codes the reports break it down by; agency = who received it. */
	public record CaseRegistered(UUID caseId, String reference, String channel, String reportKind, String place,
			String returnMode, String traffickingScope, List<String> exploitationForms, List<String> recruitmentContexts,
			String destinationCountry, String area, Instant receivedAt, String agency) {
	}

	/** A person linked to a case, with the person's codes: role, sex, age band at intake, nationality, ethnic minority. */
	public record PersonLinked(UUID caseId, UUID personId, String role, String sex, String ageBand, String nationality,
			Boolean ethnicMinority) {
	}

	/** How the report was resolved, on the day decided; agency = who decided. */
	public record ReportResolved(UUID caseId, String resolution, LocalDate decidedOn, Instant recordedAt, String agency) {
	}

	/** The case moved to another area. */
	public record CaseTransferred(UUID caseId, String fromArea, String toArea, Instant at) {
	}

	/** The persons of the case withdrew their consent: services stop. */
	public record ConsentWithdrawn(UUID caseId, Instant at) {
	}

	/** An event as the rebuild of the reports replays it: when it was published. */
	public record Recorded<E>(Instant at, E event) {
	}

	private CaseEvents() {
	}
}
