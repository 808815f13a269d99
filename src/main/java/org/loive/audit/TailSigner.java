package org.loive.audit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Every node, every {@code loive.audit.checkpoint-interval} (500 ms): signs the head of the chain if events came
 * since the newest checkpoint, then hands the newest checkpoint of the database to the witness if it holds
 * an older one. The second step also covers the checkpoints signed every 1,000 events inside an append,
 * those another node signed, and a witness write lost to a crash after the commit.
 */
@Component
class TailSigner {

	private static final Logger LOG = LoggerFactory.getLogger(TailSigner.class);

	private final AuditLog log;
	private final CheckpointWitness witness;
	private final ChainVerifier signatures;
	private volatile boolean failing;

	TailSigner(AuditLog log, CheckpointWitness witness, CheckpointSigner signer) {
		this.log = log;
		this.witness = witness;
		this.signatures = new ChainVerifier(signer.verifier());
	}

	/** A node stopping signs and keeps what came since its last look: no unwitnessed tail left behind by a restart. */
	@PreDestroy
	void lastLook() {
		signTheTail();
	}

	@Scheduled(fixedDelayString = "${loive.audit.checkpoint-interval:500ms}",
			initialDelayString = "${loive.audit.checkpoint-interval:500ms}")
	void signTheTail() {
		try {
			Optional<AuditCheckpoint> signed = log.checkpoint();
			Optional<AuditCheckpoint> newest = signed.isPresent() ? signed : log.newestCheckpoint();
			// a row inserted behind the application's back with a signature that fails is no checkpoint to keep
			newest.filter(checkpoint -> checkpoint.seq() > witness.newestSeq())
				.filter(signatures::signatureHolds)
				.ifPresent(witness::keep);
			failing = false;
		}
		catch (DataAccessException | UncheckedIOException e) {
			if (!failing) {
				LOG.error("Không ký hoặc không lưu được điểm kiểm vào bản đối chứng / Cannot sign the audit tail or keep "
						+ "it in the witness: {}", e.getMessage());
			}
			failing = true;
		}
	}
}
