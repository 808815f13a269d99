package org.loive.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something that happened on the chain, as the reports count it, published in the transaction of the engine
 * command that did it (and replayed from the engine's history to rebuild the reports). Codes only: {@code code}
 * and {@code detail} carry what each kind documents; {@code area} is where the case was when it happened. {@code sourceKey} is unique per thing that happened.
 */
public record ChainEvent(Kind kind, UUID caseId, UUID personId, String area, String agency, String code, String detail, Instant at,
		LocalDate countedOn, Instant dueAt, String sourceKey) {

	/** What happened; the reports' fact kinds of the same names document code and detail. */
	public enum Kind {
		CLASSIFIED, RESCUED, PERSON_RECEIVED, VERIFIED, IDENTIFIED, DOCUMENT_ISSUED, RISK_ASSESSED, SUPPORT_ASSESSED,
		PROTECTION, GUARDIAN_NOTIFIED, SERVICE_REFERRED, SERVICE_ACCEPTED, SERVICE_DECLINED, SERVICE_DELIVERED,
		SERVICE_UNMET, SERVICE_EXTENDED, REINTEGRATION_APPLIED, REINTEGRATION_DECIDED, FOLLOW_UP_VISIT, REPATRIATED,
		CASE_CLOSED, TASK_COMPLETED, ESCALATED
	}
}
