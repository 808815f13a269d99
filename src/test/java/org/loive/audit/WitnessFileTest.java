package org.loive.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The witness file: appended, read back, a line torn by a crash, two signers on one file, a directory refused. */
class WitnessFileTest {

	private static final Clock CLOCK = Clock.systemUTC();

	@TempDir
	Path directory;

	@Test
	void checkpointsAreReadBackInOrderAndOnlyEverForward() throws Exception {
		try (WitnessFile witness = new WitnessFile(directory.toString(), CLOCK)) {
			assertThat(witness.newestSeq()).isZero();
			assertThat(witness.keep(checkpoint(3))).isTrue();
			assertThat(witness.keep(checkpoint(8))).isTrue();
			assertThat(witness.keep(checkpoint(8))).as("the same again").isFalse();
			assertThat(witness.keep(checkpoint(5))).as("an older one").isFalse();

			assertThat(witness.newestSeq()).isEqualTo(8);
			assertThat(read(witness)).containsExactly(checkpoint(3), checkpoint(8));
		}
		List<String> lines = Files.readAllLines(directory.resolve(WitnessFile.FILE_NAME));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("{\"seq\":3,\"hash\":\"" + "3".repeat(64) + "\",\"signedAt\":")
			.contains("\"signature\":\"c2lnbmF0dXJlLTM=\"", "\"witnessedAt\":");
		try (WitnessFile reopened = new WitnessFile(directory.toString(), CLOCK)) {
			assertThat(reopened.newestSeq()).as("after a restart").isEqualTo(8);
			assertThat(reopened.keep(checkpoint(7))).isFalse();
		}
	}

	@Test
	void aLineTornByACrashIsIgnoredAndTheNextStartsALineOfItsOwn() throws Exception {
		Path file = directory.resolve(WitnessFile.FILE_NAME);
		try (WitnessFile witness = new WitnessFile(directory.toString(), CLOCK)) {
			witness.keep(checkpoint(4));
			Files.writeString(file, "{\"seq\":9,\"hash\":\"99", StandardOpenOption.APPEND);

			assertThat(witness.newestSeq()).isEqualTo(4);
			assertThat(read(witness)).containsExactly(checkpoint(4));

			assertThat(witness.keep(checkpoint(6))).isTrue();
			assertThat(witness.newestSeq()).isEqualTo(6);
			assertThat(read(witness)).containsExactly(checkpoint(4), checkpoint(6));
		}
		assertThat(Files.readAllLines(file)).hasSize(3).element(1).isEqualTo("{\"seq\":9,\"hash\":\"99");
	}

	@Test
	void whatIsReadIsWhatWasWrittenWhenTheReadBegan() throws Exception {
		try (WitnessFile witness = new WitnessFile(directory.toString(), CLOCK)) {
			witness.keep(checkpoint(1));
			try (Stream<AuditCheckpoint> checkpoints = witness.checkpoints()) {
				witness.keep(checkpoint(2));
				assertThat(checkpoints.toList()).containsExactly(checkpoint(1));
			}
		}
	}

	@Test
	void twoSignersAppendingToOneFileLeaveOneSortedLineEach() throws Exception {
		int checkpoints = 400;
		try (WitnessFile one = new WitnessFile(directory.toString(), CLOCK);
				WitnessFile other = new WitnessFile(directory.toString(), CLOCK)) {
			CountDownLatch start = new CountDownLatch(1);
			List<Callable<Integer>> signers = new ArrayList<>();
			for (WitnessFile witness : List.of(one, other, one, other)) {
				signers.add(() -> {
					start.await();
					int kept = 0;
					for (int seq = 1; seq <= checkpoints; seq++) {
						kept += witness.keep(checkpoint(seq)) ? 1 : 0;
					}
					return kept;
				});
			}
			ExecutorService pool = Executors.newFixedThreadPool(signers.size());
			List<Future<Integer>> done = signers.stream().map(pool::submit).toList();
			start.countDown();
			int kept = 0;
			for (Future<Integer> signer : done) {
				kept += signer.get();
			}
			pool.shutdown();

			List<AuditCheckpoint> read = read(one);
			assertThat(kept).isEqualTo(read.size());
			assertThat(read).isSortedAccordingTo((a, b) -> Long.compare(a.seq(), b.seq()))
				.doesNotHaveDuplicates()
				.last().isEqualTo(checkpoint(checkpoints));
			assertThat(Files.readAllLines(directory.resolve(WitnessFile.FILE_NAME))).as("no torn or merged line")
				.hasSize(read.size());
			assertThat(other.newestSeq()).isEqualTo(checkpoints);
		}
	}

	@Test
	void aDirectoryThatCannotBeWrittenOrIsNotSetStopsTheStart() throws Exception {
		Path notADirectory = Files.writeString(directory.resolve("a-file"), "x");
		assertThatThrownBy(() -> new WitnessFile(notADirectory.resolve("witness").toString(), CLOCK))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Không ghi được vào thư mục lưu bản đối chứng")
			.hasMessageContaining("The audit witness directory " + notADirectory.resolve("witness"))
			.hasMessageContaining("loive.audit.witness.directory");
		assertThatThrownBy(() -> new WitnessFile(" ", CLOCK)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Chưa đặt thư mục")
			.hasMessageContaining("The audit witness directory is not set");
	}

	private static List<AuditCheckpoint> read(WitnessFile witness) {
		try (Stream<AuditCheckpoint> checkpoints = witness.checkpoints()) {
			return checkpoints.toList();
		}
	}

	private static AuditCheckpoint checkpoint(long seq) {
		return new AuditCheckpoint(seq, String.valueOf(seq % 10).repeat(64), Instant.parse("2026-12-03T04:00:00.000120Z")
			.plusSeconds(seq), java.util.Base64.getEncoder().encodeToString(("signature-" + seq).getBytes(StandardCharsets.UTF_8)));
	}
}
