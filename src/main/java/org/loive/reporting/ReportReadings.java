package org.loive.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The readings of one report (its indicators, its tables) run side by side on a few connections: each is one
 * query the database answers on one core, so a report of a year waits for the slowest few rather than for their
 * sum (docs/benchmarks.md). The pool is small and shared by every report, so that reports asked at once share the
 * database's cores rather than take every connection. Each reading sees the facts committed when it starts; a
 * closed period's facts do not change, and the open one's may gain a fact between two readings, as between two
 * refreshes of the page.
 */
@Component
class ReportReadings implements AutoCloseable {

	private final ExecutorService pool;

	ReportReadings(@Value("${loive.reporting.parallel-readings:2}") int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("loive.reporting.parallel-readings must be at least 1");
		}
		AtomicInteger number = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(threads, task -> {
			Thread thread = new Thread(task, "report-reading-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Each item read by {@code reading}, at most the pool's size at once, the results in the items' order. */
	<S, T> List<T> each(List<S> items, Function<S, T> reading) {
		List<CompletableFuture<T>> futures = items.stream()
			.map(item -> CompletableFuture.supplyAsync(() -> reading.apply(item), pool))
			.toList();
		try {
			return futures.stream().map(CompletableFuture::join).toList();
		}
		catch (CompletionException e) {
			futures.forEach(future -> future.cancel(false));
			// the reading's own failure, as if it had run on the caller's thread
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
