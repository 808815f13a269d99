package org.loive.audit;

import com.google.crypto.tink.PublicKeyVerify;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Walks a chain in sequence order and names the first sequence number that does not hold: a gap (a deleted
 * or missing event), an event whose hash does not follow from its fields and the hash before it (a changed
 * field, an inserted or moved event), a checkpoint whose signature fails or whose hash differs from the
 * recomputed chain, or a checkpoint beyond the last event (a truncated tail). Used by the application on
 * its own table and by the offline command on an export; needs the public key only.
 */
public final class ChainVerifier {

	/**
	 * The outcome: {@code firstBrokenSeq} is null when everything holds. {@code sealsChecked}: records of other
	 * modules whose hash was checked against the event that sealed them ({@link SealedRecords}).
	 */
	public record Result(Status status, long eventsChecked, int checkpointsChecked, Long firstBrokenSeq, String reason,
			Long lastSeq, Long lastCheckpointSeq, int sealsChecked) {

		public boolean intact() {
			return status == Status.INTACT;
		}

		/** This intact chain with its seals checked, or broken at the first seal that does not hold. */
		Result sealed(int checked, Long brokenSeq) {
			return brokenSeq == null ? new Result(status, eventsChecked, checkpointsChecked, null, null, lastSeq,
					lastCheckpointSeq, checked)
					: new Result(Status.BROKEN, eventsChecked, checkpointsChecked, brokenSeq, "seal", lastSeq,
							lastCheckpointSeq, checked);
		}
	}

	public enum Status { INTACT, BROKEN }

	private final PublicKeyVerify signatures;

	public ChainVerifier(PublicKeyVerify signatures) {
		this.signatures = signatures;
	}

	/**
	 * Verifies events from {@code startSeq} on, {@code previousHash} being the hash of the event before it
	 * ({@link AuditChain#GENESIS} from the start). Checkpoints are keyed by sequence number.
	 */
	public Result verify(Iterator<AuditRecord> events, Map<Long, AuditCheckpoint> checkpoints, long startSeq,
			String previousHash) {
		Map<Long, AuditCheckpoint> pending = new HashMap<>(checkpoints);
		long expected = startSeq;
		String previous = previousHash;
		long checked = 0;
		int signed = 0;
		Long lastCheckpoint = null;
		while (events.hasNext()) {
			AuditRecord event = events.next();
			if (event.seq() != expected) {
				return broken(expected, event.seq() > expected ? "missing" : "out-of-order", checked, signed, lastCheckpoint);
			}
			String hash = AuditChain.hash(event, previous);
			if (!hash.equals(event.hash())) {
				return broken(expected, "hash", checked, signed, lastCheckpoint);
			}
			AuditCheckpoint checkpoint = pending.remove(expected);
			if (checkpoint != null) {
				if (!checkpoint.hash().equals(hash) || !signatureHolds(checkpoint)) {
					return broken(expected, "checkpoint", checked, signed, lastCheckpoint);
				}
				signed++;
				lastCheckpoint = expected;
			}
			previous = hash;
			checked++;
			expected++;
		}
		long last = expected - 1;
		for (AuditCheckpoint checkpoint : pending.values()) {
			if (checkpoint.seq() > last) {
				return broken(expected, "truncated", checked, signed, lastCheckpoint);
			}
		}
		return new Result(Status.INTACT, checked, signed, null, null, checked == 0 ? null : last, lastCheckpoint, 0);
	}

	private boolean signatureHolds(AuditCheckpoint checkpoint) {
		try {
			signatures.verify(Base64.getDecoder().decode(checkpoint.signature()),
					AuditChain.checkpointStatement(checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt()));
			return true;
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private static Result broken(long seq, String reason, long checked, int signed, Long lastCheckpoint) {
		return new Result(Status.BROKEN, checked, signed, seq, reason, seq - 1, lastCheckpoint, 0);
	}
}
