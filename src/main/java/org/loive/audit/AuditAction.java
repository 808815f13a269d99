package org.loive.audit;

/** What an audit event records. */
public enum AuditAction {
	LOGIN,
	LOGIN_FAILED,
	ACCESS_DENIED,
	PERSON_READ,
	PERSON_WRITE,
	PERSON_CREATE,
	PERSON_ERASE,
	BREAK_GLASS_READ,
	CONSENT_READ,
	CONSENT_GRANT,
	CONSENT_WITHDRAW,
	TASK_CLAIM,
	TASK_RELEASE,
	TASK_COMPLETE,
	CASE_REGISTER,
	CASE_TRANSFER,
	CASE_REPORT_RESOLUTION,
	/** proceedings recorded on a referral case before criminal cases were records of their own (V8) */
	CASE_PROCEEDINGS,
	CRIMINAL_CASE_CREATE,
	CRIMINAL_CASE_READ,
	CRIMINAL_CASE_LINK,
	CRIMINAL_CASE_UNLINK,
	CRIMINAL_CASE_MILESTONE,
	AUDIT_EXPORT,
	AUDIT_DISCLOSURE,
	AUDIT_REVIEW,
	KEY_ROTATION_START,
	KEY_ROTATION_FINISH,
	KEYS_CREATED,
	AUTHORIZATIONS_CONFIGURED,
	/** an administrator's write through the engine's API (a job's retries, a suspension, a migration); the call in the purpose */
	ENGINE_OPERATION,
	ADMINISTRATIVE_UNITS_IMPORT,
	/** the anonymised research export (k-anonymous, no victim data) left the system; scope and row counts in the purpose */
	RESEARCH_EXPORT,
	/** a supervisor saw the exact figures of a report (inside the province) */
	REPORT_VIEW,
	/** figures left the province: an export, suppressed */
	REPORT_EXPORT,
	/** a report submitted to the steering committee, frozen; its SHA-256 is in the purpose */
	REPORT_SUBMIT
}
