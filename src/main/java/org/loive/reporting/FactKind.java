package org.loive.reporting;

/**
 * What happened, as the reports count it; {@code code} and {@code detail} of a fact are codes whose meaning
 * each kind states. The agency of a fact is the one that did it (for a task, the agency it was for).
 */
enum FactKind {
	/** A report (or a person found) was received; code = channel, detail = report kind. Counts on the day received. */
	REPORT_RECEIVED,
	/** Classification done; code = TRAFFICKING_SUSPECTED, OTHER_MATTER or DUPLICATE, detail = where referred. */
	CLASSIFIED,
	/** The police's resolution of the report; code = INITIATED, NOT_INITIATED, SUSPENDED, REFERRED, MERGED; on the day decided. */
	REPORT_RESOLVED,
	/** A rescue ended; code = RESCUED or CONTINUE_SEARCH, detail = CROSS_BORDER or DOMESTIC. */
	RESCUED,
	/** The person was received (commune, or border guard for returns); detail = the task. */
	PERSON_RECEIVED,
	/** A verification was done; code = INITIAL, BORDER or FURTHER; due_at = its deadline. */
	VERIFIED,
	/** Identification decided; code = VICTIM or NOT_VICTIM, detail = the evidence kinds joined by '+'. */
	IDENTIFIED,
	/** A victim confirmation document was issued. */
	DOCUMENT_ISSUED,
	/** Risk assessed; code = LOW, MEDIUM or HIGH, detail = MINOR for an accompanying minor. */
	RISK_ASSESSED,
	/** Support eligibility decided for a person; code = support category, detail = the eligible services joined by '+'. */
	SUPPORT_ASSESSED,
	/** Protection; code = APPLIED or REFUSED (with a written commitment). */
	PROTECTION,
	/** Relatives or guardian of an accompanying minor notified; code = who; due_at = its deadline. */
	GUARDIAN_NOTIFIED,
	/** A service referred to a provider; code = service (a … k, dd), detail = provider agency. */
	SERVICE_REFERRED,
	/** The provider accepted; code = service, detail = provider agency. */
	SERVICE_ACCEPTED,
	/** The provider declined; code = service, detail = reason. */
	SERVICE_DECLINED,
	/** The provider recorded the delivery; code = service, detail = DELIVERED, PARTIALLY_DELIVERED or NOT_DELIVERED. */
	SERVICE_DELIVERED,
	/** No provider could be found; code = service. */
	SERVICE_UNMET,
	/** Essential needs extended (code = a) by a decision; detail = GRANTED or REFUSED. */
	SERVICE_EXTENDED,
	/** The person withdrew consent: services stop. */
	CONSENT_WITHDRAWN,
	/** The reintegration application was received; occurred_on = the day received. */
	REINTEGRATION_APPLIED,
	/** Reintegration decided; code = APPROVED or DECLINED; due_at = 9 working days from the application. */
	REINTEGRATION_DECIDED,
	/** A follow-up visit; code = the re-trafficking risk LOW, MEDIUM or HIGH. */
	FOLLOW_UP_VISIT,
	/** A foreign victim repatriated; code = nationality. */
	REPATRIATED,
	/** The case ended; code = its outcome (CLOSED, NOT_A_VICTIM, REFERRED_OUT, DUPLICATE, CONSENT_WITHDRAWN, …). */
	CASE_CLOSED,
	/** The case moved to another province; code = the province it went to, detail = the one it left. */
	TRANSFERRED,
	/** A criminal case was initiated (khởi tố); on the day. */
	CRIMINAL_INITIATED,
	/** A criminal case was solved (khám phá). */
	CRIMINAL_SOLVED,
	/** A criminal case was prosecuted (truy tố). */
	CRIMINAL_PROSECUTED,
	/** A criminal case was tried (xét xử); code = the outcome. */
	CRIMINAL_TRIED,
	/** A referral case was linked to a criminal case. */
	CRIMINAL_LINKED,
	/** A user task was completed; code = task key, agency = its agency, due_at = its deadline. */
	TASK_COMPLETED,
	/** A step went past its deadline and was raised to the supervisor; code = task key. */
	ESCALATED;

	boolean criminal() {
		return name().startsWith("CRIMINAL_");
	}
}
