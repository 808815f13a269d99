package org.loive.audit;

import org.junit.jupiter.api.Test;
import org.loive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window the witness leaves open, measured, not a test: the time from an event's commit until the
 * witness file holds (forced to the disk) a checkpoint at or beyond it. Run on purpose, figures written to
 * {@code target/benchmarks/audit-tail.md} and copied by hand into {@code docs/audit.md} and
 * {@code docs/benchmarks.md}.
 * <pre>
 * ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AuditTailBenchmark \
 *     -Dbenchmark.tail-events=300
 * </pre>
 * Single events come at random moments (so at every phase of the signer's 500 ms look), then the same while
 * {@code benchmark.threads} writers append without pause; then what a look costs when nothing is new, and
 * the verification of the whole chain with its checkpoints and the witness.
 */
class AuditTailBenchmark extends IntegrationTest {

	private static final int EVENTS = Integer.getInteger("benchmark.tail-events", 300);
	private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
	private static final AuditEvent EVENT = AuditEvent.of(AuditAction.ACCESS_DENIED,
			new AuditEvent.Actor("benchmark", null, null)).purpose("benchmark:audit-tail").denied();

	@Autowired
	AuditLog log;

	@Autowired
	CheckpointWitness witness;

	@Autowired
	AuditTrail trail;

	private final StringBuilder report = new StringBuilder();

	@Test
	void measure() throws Exception {
		line("| events | n | median ms | p95 ms | p99 ms | max ms |");
		line("|---|---|---|---|---|---|");
		delays("one at a time, at random moments", EVENTS);
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<Integer>> writers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			writers.add(pool.submit((Callable<Integer>) () -> {
				int n = 0;
				while (writing.get()) {
					log.record(EVENT);
					n++;
				}
				return n;
			}));
		}
		long started = System.nanoTime();
		delays("the same beside " + THREADS + " writers appending without pause", EVENTS / 3);
		writing.set(false);
		int appended = 0;
		for (Future<Integer> writer : writers) {
			appended += writer.get();
		}
		pool.shutdown();
		line("");
		line("Writers appended %,d events in %.1f s (%,.0f a second) meanwhile.", appended, seconds(started),
				appended / seconds(started));

		long[] idle = new long[200];
		for (int i = 0; i < idle.length; i++) {
			long before = System.nanoTime();
			log.checkpoint();
			idle[i] = System.nanoTime() - before;
		}
		Arrays.sort(idle);
		line("A look when nothing is new (no lock taken): median %.3f ms, p95 %.3f ms.", idle[idle.length / 2] / 1e6,
				idle[(int) (idle.length * 0.95)] / 1e6);

		long before = System.nanoTime();
		ChainVerifier.Result result = trail.verify();
		line("Verification of the whole chain: %s, %,d events, %,d checkpoints, %,d of the witness, in %.2f s.",
				result.status(), result.eventsChecked(), result.checkpointsChecked(), result.witnessChecked(),
				seconds(before));

		Path out = Path.of("target", "benchmarks", "audit-tail.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	/** Commit → witnessed, for events each after a random pause of 0–1 s. */
	private void delays(String what, int times) throws InterruptedException {
		long[] nanos = new long[times];
		for (int i = 0; i < times; i++) {
			Thread.sleep(ThreadLocalRandom.current().nextInt(1000));
			long seq = log.recordChained(EVENT);
			long committed = System.nanoTime();
			while (witness.newestSeq() < seq) {
				Thread.sleep(1);
			}
			nanos[i] = System.nanoTime() - committed;
		}
		Arrays.sort(nanos);
		line("| %s | %,d | %.0f | %.0f | %.0f | %.0f |", what, times, nanos[times / 2] / 1e6,
				nanos[(int) (times * 0.95)] / 1e6, nanos[(int) (times * 0.99)] / 1e6, nanos[times - 1] / 1e6);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private void line(String format, Object... args) {
		report.append(format.formatted(args)).append('\n');
	}
}
