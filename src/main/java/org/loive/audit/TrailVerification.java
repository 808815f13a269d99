package org.loive.audit;

import org.springframework.stereotype.Component;

/**
 * The chain's verification for the other modules' checks (a restore's): the same as the auditors' (every event,
 * checkpoint and seal, compared with the witness), without an auditor to record.
 */
@Component
public class TrailVerification {

	private final AuditTrail trail;
	private final WitnessFile witness;

	TrailVerification(AuditTrail trail, WitnessFile witness) {
		this.trail = trail;
		this.witness = witness;
	}

	public ChainVerifier.Result verify() {
		return trail.verify();
	}

	/** The witness's file and the property that names its directory, for messages. */
	public String witness() {
		return witness.file() + " (loive.audit.witness.directory, LOIVE_AUDIT_WITNESS_DIRECTORY)";
	}
}
