package org.loive.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves the pending audit events into the chain in batches, on one thread of this node with a connection of its
 * own: the chain's lock is held for a batch, not for every action until the action commits. An action's thread
 * waits after its commit until its event is chained (the batch under way and the next), so a response still
 * means its event is in the chain. The connection is its own because those threads hold theirs while they wait.
 * Events a dead node left pending are swept every {@code loive.audit.sweep-interval}.
 */
@Component
@DependsOnDatabaseInitialization
class AuditSequencer implements DisposableBean {

	static final int BATCH = 500;
	private static final Logger LOG = LoggerFactory.getLogger(AuditSequencer.class);

	private final HikariDataSource pool;
	private final ChainWriter chain;
	private final TransactionTemplate transactions;
	private final Duration sweep;
	private final Duration wait;
	private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
	private final Semaphore wake = new Semaphore(0);
	private final Thread thread;
	private volatile boolean running = true;
	private volatile boolean failing;

	AuditSequencer(DataSource dataSource, CheckpointSigner signer, AuditProperties properties, Clock clock,
			@Value("${loive.audit.sweep-interval:5s}") Duration sweep,
			@Value("${loive.audit.chain-wait:10s}") Duration wait) {
		this.pool = pool(dataSource);
		this.chain = new ChainWriter(JdbcClient.create(pool), signer, properties.checkpointEvery(), clock);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
		this.sweep = sweep;
		this.wait = wait;
		this.thread = new Thread(this::run, "loive-audit-sequencer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Waits until the committed pending event {@code id} is in the chain, at most {@code loive.audit.chain-wait}: past
	 * that (the database unreachable) it stays pending, committed with its action, and a later batch chains it.
	 */
	void awaitChained(long id) {
		CompletableFuture<Void> chained = waiting.computeIfAbsent(id, key -> new CompletableFuture<>());
		wake.release();
		try {
			chained.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException e) {
			LOG.warn("Sự kiện kiểm toán chờ {} chưa vào chuỗi sau {}: sẽ vào ở lượt sau / Pending audit event {} not "
					+ "chained after {}: a later batch will chain it", id, wait, id, wait);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			waiting.remove(id);
		}
	}

	/** Chains what is pending soon, without waiting for it (an event committed while this thread held the lock). */
	void nudge() {
		wake.release();
	}

	/** Events committed and not in the chain yet, on every node. */
	long pending() {
		return chain.pendingCount();
	}

	private void run() {
		while (running) {
			try {
				wake.tryAcquire(sweep.toMillis(), TimeUnit.MILLISECONDS);
				wake.drainPermits();
				drain();
				if (failing) {
					failing = false;
					LOG.info("Chuỗi nhật ký kiểm toán ghi tiếp được / The audit chain is being appended again");
				}
			}
			catch (InterruptedException e) {
				return;
			}
			catch (RuntimeException e) {
				if (!failing) {
					failing = true;
					LOG.warn("Không ghi được sự kiện chờ vào chuỗi, thử lại / Cannot chain pending audit events, retrying: {}",
							e.toString());
				}
				pause();
			}
		}
	}

	/** Chains every pending event this node can see, then releases the waiters another node's batch chained. */
	private void drain() {
		List<Long> moved;
		do {
			moved = transactions.execute(tx -> {
				chain.lockChain();
				return chain.chainPending(BATCH);
			});
			moved.forEach(this::release);
		}
		while (moved.size() == BATCH);
		List<Long> waiters = List.copyOf(waiting.keySet());
		if (!waiters.isEmpty()) {
			Set<Long> still = new HashSet<>(chain.stillPending(waiters));
			waiters.stream().filter(id -> !still.contains(id)).forEach(this::release);
		}
	}

	private void release(long id) {
		CompletableFuture<Void> chained = waiting.get(id);
		if (chained != null) {
			chained.complete(null);
		}
	}

	private void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	/** Chains what is left pending before the pool closes: at an orderly shutdown nothing waits for the sweep. */
	@Override
	public void destroy() throws InterruptedException {
		running = false;
		thread.interrupt();
		thread.join(wait.toMillis());
		try {
			drain();
		}
		catch (RuntimeException e) {
			LOG.warn("Sự kiện chờ để lại cho nút khác / Pending audit events left to another node: {}", e.toString());
		}
		pool.close();
	}

	/** Two connections of the application's settings (user, search path, timeouts): one chains, one is spare. */
	private static HikariDataSource pool(DataSource dataSource) {
		if (!(dataSource instanceof HikariDataSource application)) {
			throw new IllegalStateException("the audit sequencer copies a Hikari pool's settings, not those of "
					+ dataSource.getClass().getName());
		}
		HikariConfig config = new HikariConfig();
		application.copyStateTo(config);
		config.setPoolName(application.getPoolName() + "-audit");
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(1);
		config.setInitializationFailTimeout(-1);
		return new HikariDataSource(config);
	}
}
