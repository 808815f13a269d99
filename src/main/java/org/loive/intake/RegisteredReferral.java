package org.loive.intake;

import java.util.UUID;

/** Answer to an intake: the case's id and its human reference, e.g. {@code QNG-2026-000123}. */
record RegisteredReferral(UUID caseId, String reference) {
}
