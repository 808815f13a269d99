package org.loive.audit;

import java.util.stream.Stream;

/**
 * Records of another module sealed into the chain: when one is made, the SHA-256 of its content goes into the
 * purpose of the audit event that records it ({@link #purpose}). The verifier recomputes each record's hash from
 * what is stored now and checks it against that event, so a record changed after the fact breaks verification.
 */
public interface SealedRecords {

	/** A sealed record as stored now: the sequence number of the event that sealed it and its recomputed hash. */
	record Seal(long auditSeq, String sha256) {
	}

	/** Every seal, each hash recomputed from the stored content. */
	Stream<Seal> seals();

	/** The purpose of the audit event sealing a record: what it is, then its hash. */
	static String purpose(String what, String sha256) {
		return what + ":sha256:" + sha256;
	}

	/** Whether the purpose an event recorded seals this hash. */
	static boolean seals(String purpose, String sha256) {
		return purpose != null && purpose.endsWith(":sha256:" + sha256);
	}
}
