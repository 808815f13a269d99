package org.loive.audit;

import java.time.Instant;

/**
 * An audit event as stored and exported: its place in the chain ({@code seq}), when (UTC, microseconds),
 * the event's fields, the client address, and the SHA-256 {@code hash} that chains it to the one before.
 */
public record AuditRecord(long seq, Instant occurredAt, String username, String agency, String roles, String action,
		String caseId, String personId, String sections, String purpose, String clientAddress, String outcome,
		boolean flagged, String hash) {
}
