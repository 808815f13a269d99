package org.loive.cases;

import java.util.List;
import java.util.UUID;

/**
 * Answer to an intake: the case's id, its human reference (e.g. {@code QNG-2026-000123}) and what the
 * blind indexes found: likely duplicates of open cases, persons seen again after a closed case.
 */
record RegisteredReferral(UUID caseId, String reference, List<CaseFlags.Flag> flags) {
}
