package org.loive.cases;

import java.util.List;
import java.util.UUID;

/**
 * Answer to an intake: the case's id, its human reference (e.g. {@code QNG-2026-000123}), the persons it registered
 * (the identifying person first, then the accompanying minors in the request's order: so a client reads or
 * completes a person's data without reading the case first) and what the blind indexes found:
 * likely duplicates of open cases, persons seen again after a closed case.
 */
record RegisteredReferral(UUID caseId, String reference, List<CasePersons.LinkedPerson> persons,
		List<CaseFlags.Flag> flags) {
}
