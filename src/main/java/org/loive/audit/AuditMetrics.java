package org.loive.audit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The audit trail's metrics for the operators (Prometheus): events appended to the chain (by every node), those
 * committed and not chained yet (a dead node's, until the sweep), and how
 * far the checkpoints and this node's witness trail the chain's head, in events. A lag that grows means the tail
 * goes unsigned or unwitnessed: the window docs/audit.md measures is open. Read at most once a second.
 */
@Component
class AuditMetrics {

	private static final Duration FRESH = Duration.ofSeconds(1);

	private final AuditLog log;
	private final CheckpointWitness witness;
	private final Clock clock;
	private volatile AuditLog.Heads heads;
	private volatile Instant readAt = Instant.MIN;

	AuditMetrics(MeterRegistry registry, AuditLog log, AuditSequencer sequencer, CheckpointWitness witness, Clock clock) {
		this.log = log;
		this.witness = witness;
		this.clock = clock;
		FunctionCounter.builder("loive.audit.appends", this, metrics -> metrics.heads().event())
			.description("Events appended to the audit chain / Sự kiện đã ghi vào chuỗi nhật ký")
			.register(registry);
		Gauge.builder("loive.audit.checkpoint.lag", this, metrics -> metrics.heads().event() - metrics.heads().checkpoint())
			.description("Events after the newest checkpoint / Sự kiện sau điểm kiểm mới nhất")
			.baseUnit("events")
			.register(registry);
		Gauge.builder("loive.audit.witness.lag", this,
				metrics -> Math.max(0, metrics.heads().event() - metrics.witness.newestSeq()))
			.description("Events this node's witness does not hold yet / Sự kiện bản đối chứng chưa giữ")
			.baseUnit("events")
			.register(registry);
		Gauge.builder("loive.audit.pending", sequencer, AuditSequencer::pending)
			.description("Events committed, not in the chain yet / Sự kiện đã lưu, chưa vào chuỗi")
			.baseUnit("events")
			.register(registry);
	}

	private AuditLog.Heads heads() {
		Instant now = clock.instant();
		if (heads == null || readAt.plus(FRESH).isBefore(now)) {
			heads = log.heads();
			readAt = now;
		}
		return heads;
	}
}
