package org.loive.audit;

import com.google.crypto.tink.PublicKeyVerify;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks a chain in sequence order and names the first sequence number that does not hold: a gap (a deleted
 * or missing event), an event whose hash does not follow from its fields and the hash before it (a changed
 * field, an inserted or moved event), a checkpoint whose signature fails or whose hash differs from the
 * recomputed chain, or a checkpoint beyond the last event (a truncated tail). With a witness (the
 * checkpoints kept outside the database) it also names a witnessed checkpoint the chain no longer agrees
 * with: another hash at its sequence number, no checkpoint there in the database, or a chain that ends
 * before it. Used by the application on its own table and by the offline command on an export; needs the
 * public key only. Checkpoints come in ascending sequence and are walked beside the events: memory stays
 * flat however many there are.
 */
public final class ChainVerifier {

	/**
	 * The outcome: {@code firstBrokenSeq} is null when everything holds. {@code sealsChecked}: records of other
	 * modules whose hash was checked against the event that sealed them ({@link SealedRecords});
	 * {@code witnessChecked}: checkpoints of the witness found in agreement, the newest at {@code lastWitnessSeq}.
	 */
	public record Result(Status status, long eventsChecked, int checkpointsChecked, Long firstBrokenSeq, String reason,
			Long lastSeq, Long lastCheckpointSeq, int sealsChecked, int witnessChecked, Long lastWitnessSeq) {

		/** A result without a witness. */
		public Result(Status status, long eventsChecked, int checkpointsChecked, Long firstBrokenSeq, String reason,
				Long lastSeq, Long lastCheckpointSeq, int sealsChecked) {
			this(status, eventsChecked, checkpointsChecked, firstBrokenSeq, reason, lastSeq, lastCheckpointSeq,
					sealsChecked, 0, null);
		}

		public boolean intact() {
			return status == Status.INTACT;
		}

		/** This intact chain with its seals checked, or broken at the first seal that does not hold. */
		Result sealed(int checked, Long brokenSeq) {
			return brokenSeq == null ? new Result(status, eventsChecked, checkpointsChecked, null, null, lastSeq,
					lastCheckpointSeq, checked, witnessChecked, lastWitnessSeq)
					: new Result(Status.BROKEN, eventsChecked, checkpointsChecked, brokenSeq, "seal", lastSeq,
							lastCheckpointSeq, checked, witnessChecked, lastWitnessSeq);
		}
	}

	public enum Status { INTACT, BROKEN }

	/** Reasons found by the witness alone: the database was changed together with its own checkpoints. */
	static final String WITNESS_HASH = "witness-hash";
	static final String WITNESS_MISSING = "witness-missing";
	static final String WITNESS_TRUNCATED = "witness-truncated";
	static final String WITNESS_SIGNATURE = "witness-signature";

	private final PublicKeyVerify signatures;

	public ChainVerifier(PublicKeyVerify signatures) {
		this.signatures = signatures;
	}

	/**
	 * Verifies events from {@code startSeq} on, {@code previousHash} being the hash of the event before it
	 * ({@link AuditChain#GENESIS} from the start). Checkpoints are keyed by sequence number; no witness.
	 */
	public Result verify(Iterator<AuditRecord> events, Map<Long, AuditCheckpoint> checkpoints, long startSeq,
			String previousHash) {
		return verify(events, new TreeMap<>(checkpoints).values().iterator(), Collections.emptyIterator(), startSeq,
				previousHash);
	}

	/**
	 * Verifies events from {@code startSeq} on against the database's checkpoints and the witness's, both in
	 * ascending sequence. Checkpoints before {@code startSeq} are passed over.
	 */
	public Result verify(Iterator<AuditRecord> events, Iterator<AuditCheckpoint> checkpoints,
			Iterator<AuditCheckpoint> witness, long startSeq, String previousHash) {
		Walk walk = new Walk(checkpoints, witness);
		long expected = startSeq;
		String previous = previousHash;
		while (events.hasNext()) {
			AuditRecord event = events.next();
			if (event.seq() != expected) {
				return walk.broken(expected, event.seq() > expected ? "missing" : "out-of-order");
			}
			String hash = AuditChain.hash(event, previous);
			if (!hash.equals(event.hash())) {
				return walk.broken(expected, "hash");
			}
			String reason = walk.at(expected, hash);
			if (reason != null) {
				return walk.broken(expected, reason);
			}
			previous = hash;
			walk.checked++;
			expected++;
		}
		if (walk.checkpoints.skipTo(expected) != null) {
			return walk.broken(expected, "truncated");
		}
		if (walk.witness.skipTo(expected) != null) {
			return walk.broken(expected, WITNESS_TRUNCATED);
		}
		return new Result(Status.INTACT, walk.checked, walk.signed, null, null, walk.checked == 0 ? null : expected - 1,
				walk.lastCheckpoint, 0, walk.witnessed, walk.lastWitness);
	}

	/** Whether a checkpoint's signature holds over its statement. */
	boolean signatureHolds(AuditCheckpoint checkpoint) {
		try {
			signatures.verify(Base64.getDecoder().decode(checkpoint.signature()),
					AuditChain.checkpointStatement(checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt()));
			return true;
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	/** The checkpoints of both kinds walked beside the events, and what was counted. */
	private final class Walk {

		private final Cursor checkpoints;
		private final Cursor witness;
		private long checked;
		private int signed;
		private Long lastCheckpoint;
		private int witnessed;
		private Long lastWitness;

		Walk(Iterator<AuditCheckpoint> checkpoints, Iterator<AuditCheckpoint> witness) {
			this.checkpoints = new Cursor(checkpoints);
			this.witness = new Cursor(witness);
		}

		/** Checks the checkpoints at {@code seq}, whose recomputed hash is {@code hash}; the reason it breaks, or null. */
		String at(long seq, String hash) {
			AuditCheckpoint stored = checkpoints.skipTo(seq);
			if (stored != null && stored.seq() == seq) {
				if (!stored.hash().equals(hash) || !signatureHolds(stored)) {
					return "checkpoint";
				}
				checkpoints.next();
				signed++;
				lastCheckpoint = seq;
			}
			else {
				stored = null;
			}
			for (AuditCheckpoint kept = witness.skipTo(seq); kept != null && kept.seq() == seq; kept = witness.skipTo(seq)) {
				if (!kept.hash().equals(hash)) {
					return WITNESS_HASH;
				}
				if (stored == null) {
					return WITNESS_MISSING;
				}
				// a copy of the stored checkpoint needs no second look; another signature must hold by itself
				if (!kept.equals(stored) && !signatureHolds(kept)) {
					return WITNESS_SIGNATURE;
				}
				witness.next();
				witnessed++;
				lastWitness = seq;
			}
			return null;
		}

		Result broken(long seq, String reason) {
			return new Result(Status.BROKEN, checked, signed, seq, reason, seq - 1, lastCheckpoint, 0, witnessed,
					lastWitness);
		}
	}

	/** Checkpoints in ascending sequence, looked at one ahead. */
	private static final class Cursor {

		private final Iterator<AuditCheckpoint> checkpoints;
		private AuditCheckpoint current;

		Cursor(Iterator<AuditCheckpoint> checkpoints) {
			this.checkpoints = checkpoints;
		}

		/** The first checkpoint at or after {@code seq}, those before passed over; null when none is left. */
		AuditCheckpoint skipTo(long seq) {
			while ((current == null || current.seq() < seq) && (current != null || checkpoints.hasNext())) {
				current = checkpoints.hasNext() ? checkpoints.next() : null;
			}
			return current;
		}

		void next() {
			current = null;
		}
	}
}
