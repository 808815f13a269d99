package org.loive.audit;

import org.loive.platform.Vietnam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The trail page's filters, read from the query like a form: ids and codes only, never victim data. The
 * days are Vietnam's calendar days, from the start of the first to the end of the last.
 */
record TrailSearch(String user, UUID caseId, UUID personId, AuditAction action, AuditEvent.Outcome outcome,
		Boolean flagged, LocalDate from, LocalDate to) {

	static final TrailSearch ANY = new TrailSearch(null, null, null, null, null, null, null, null);

	AuditTrail.Filter filter() {
		return new AuditTrail.Filter(user, caseId, personId, action, outcome, flagged, startOf(from),
				to == null ? null : startOf(to.plusDays(1)));
	}

	private static Instant startOf(LocalDate day) {
		return day == null ? null : day.atStartOfDay(Vietnam.ZONE).toInstant();
	}
}
