package org.loive.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportReadingsTest {

	private final ReportReadings readings = new ReportReadings(2);

	@AfterEach
	void close() {
		readings.close();
	}

	@Test
	void resultsComeInTheItemsOrderWhateverOrderTheyFinishIn() {
		List<Integer> items = IntStream.range(0, 12).boxed().toList();

		List<String> results = readings.each(items, item -> {
			sleep(item % 3 == 0 ? 30 : 1);
			return "r" + item;
		});

		assertThat(results).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11");
	}

	@Test
	void readingsRunSideBySideOnThePoolNotOnTheCaller() throws InterruptedException {
		CountDownLatch both = new CountDownLatch(2);
		Set<String> threads = ConcurrentHashMap.newKeySet();

		// each waits for the other: only two readings at once can finish
		List<Boolean> met = readings.each(List.of(1, 2), item -> {
			threads.add(Thread.currentThread().getName());
			both.countDown();
			try {
				return both.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});

		assertThat(met).containsExactly(true, true);
		assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("report-reading-"))
			.doesNotContain(Thread.currentThread().getName());
	}

	@Test
	void aFailingReadingFailsTheReportWithItsOwnException() {
		assertThatThrownBy(() -> readings.each(List.of(1, 2, 3), item -> {
			if (item == 2) {
				throw new IllegalStateException("reading 2 failed");
			}
			return item;
		})).isExactlyInstanceOf(IllegalStateException.class).hasMessage("reading 2 failed");
	}

	@Test
	void aPoolOfNoThreadIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportReadings(0))
			.withMessageContaining("parallel-readings");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
