package org.loive.audit;

import java.time.Instant;

/** A signed statement "the chain's hash at {@code seq} is {@code hash}", verifiable with the public key alone. */
public record AuditCheckpoint(long seq, String hash, Instant signedAt, String signature) {
}
