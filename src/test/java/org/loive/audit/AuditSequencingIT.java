package org.loive.audit;

import org.junit.jupiter.api.Test;
import org.loive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appends without one lock per action: an event is committed with its action as pending and chained after the
 * commit, before the action returns; actions whose transactions are open at once do not wait for each other; a
 * pending event a dead node left behind is chained by the sweep; and the chain stays gapless under many writers.
 */
class AuditSequencingIT extends IntegrationTest {

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anEventIsInTheChainWhenItsActionReturnsAndNotBeforeItsActionCommits() {
		String purpose = purpose();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			log.record(event(purpose));
			assertThat(chained(purpose)).as("in the chain before the action commits").isZero();
			assertThat(pending(purpose)).as("pending in the action's transaction").isOne();
		});
		assertThat(chained(purpose)).as("in the chain once the action returned").isOne();
		assertThat(pending(purpose)).isZero();
	}

	@Test
	void anEventOfAnActionRolledBackIsNowhere() {
		String purpose = purpose();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			log.record(event(purpose));
			tx.setRollbackOnly();
		});
		assertThat(chained(purpose) + pending(purpose)).isZero();
	}

	@Test
	void twoActionsOpenAtOnceDoNotWaitForEachOther() throws Exception {
		String first = purpose();
		String second = purpose();
		CountDownLatch firstRecorded = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> a = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				log.record(event(first));
				firstRecorded.countDown();
				await(secondDone);
			}));
			assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> b = threads.submit(
					() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> log.record(event(second))));
			b.get(30, TimeUnit.SECONDS);
			assertThat(chained(second)).as("chained while the first action's transaction is still open").isOne();
			assertThat(chained(first)).isZero();
			// only now may the first action commit: had the second counted down, the first could commit before the look
			secondDone.countDown();
			a.get(30, TimeUnit.SECONDS);
			assertThat(chained(first)).isOne();
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aPendingEventADeadNodeLeftIsChainedByTheSweep() throws Exception {
		String purpose = purpose();
		jdbc.sql("""
				insert into audit_pending (occurred_at, username, action, purpose, outcome, flagged)
				values (now(), 'node-that-died', 'ACCESS_DENIED', :purpose, 'DENIED', false)""")
			.param("purpose", purpose)
			.update();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (chained(purpose) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(chained(purpose)).isOne();
		assertThat(pending(purpose)).isZero();
	}

	@Test
	void manyWritersMakeOneChainWithoutAGapEachEventOnce() throws Exception {
		String purpose = purpose();
		long before = head();
		ExecutorService threads = Executors.newFixedThreadPool(16);
		List<Future<?>> writers = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			writers.add(threads.submit(() -> log.record(event(purpose))));
		}
		for (Future<?> writer : writers) {
			writer.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(chained(purpose)).isEqualTo(400);
		assertThat(pending(purpose)).isZero();
		long after = head();
		assertThat(jdbc.sql("select count(*) from audit_event where seq > :before and seq <= :after")
			.param("before", before).param("after", after).query(Long.class).single())
			.as("no gap between the heads").isEqualTo(after - before);
		assertThat(new java.util.HashSet<>(jdbc.sql("select hash from audit_event where purpose = :p")
			.param("p", purpose).query(String.class).list())).hasSize(400);
	}

	private static AuditEvent event(String purpose) {
		return AuditEvent.of(AuditAction.ACCESS_DENIED, new AuditEvent.Actor("sequencing-test", null, null))
			.purpose(purpose)
			.denied();
	}

	private static String purpose() {
		return "sequencing:" + UUID.randomUUID();
	}

	private long chained(String purpose) {
		return jdbc.sql("select count(*) from audit_event where purpose = :p").param("p", purpose).query(Long.class).single();
	}

	private long pending(String purpose) {
		return jdbc.sql("select count(*) from audit_pending where purpose = :p").param("p", purpose).query(Long.class)
			.single();
	}

	private long head() {
		return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
