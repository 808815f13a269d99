package org.loive.audit;

import java.util.stream.Stream;

/**
 * A copy of the signed checkpoints kept outside the database, so that a database superuser who deletes or
 * rewrites the newest events, and the checkpoints over them, is still found out: the verifier compares the
 * chain with what the witness holds. {@link WitnessFile} is the one kept today; an RFC 3161 timestamp
 * authority would be another (its tokens kept with the checkpoints they stamp).
 */
interface CheckpointWitness {

	/**
	 * Keeps the checkpoint durably before returning. A witness only moves forward: a checkpoint at or before
	 * the newest it holds is not kept again (false), the newer one already covers it.
	 */
	boolean keep(AuditCheckpoint checkpoint);

	/** The sequence number of the newest checkpoint held, 0 when none. */
	long newestSeq();

	/** What the witness held when called, in ascending sequence; to be closed. */
	Stream<AuditCheckpoint> checkpoints();
}
