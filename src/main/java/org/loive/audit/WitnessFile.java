package org.loive.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The witness as an append-only file, {@code checkpoints.jsonl}, one JSON line per checkpoint
 * ({@code seq, hash, signedAt, signature, witnessedAt}), each line forced to the disk before
 * {@link #keep} returns. Lines only move forward in sequence, so the file stays sorted however many
 * signers append to it: a lock of this JVM and a file lock for other processes (two nodes on one share)
 * make each append see the line before it. A line torn by a crash is ignored when read, and the next
 * append starts on a line of its own.
 */
final class WitnessFile implements CheckpointWitness, AutoCloseable {

	static final String FILE_NAME = "checkpoints.jsonl";
	private static final ObjectMapper JSON = new ObjectMapper();
	/** Lines are about 250 bytes: the tail read holds the newest ones. */
	private static final int TAIL = 8192;
	/** One writer at a time per file in this JVM: a second file lock on it from this JVM would be refused. */
	private static final Map<Path, ReentrantLock> WRITERS = new ConcurrentHashMap<>();

	private final Path file;
	private final FileChannel channel;
	private final ReentrantLock writer;
	private final Clock clock;

	/** Opens (creates) the file for appending; refuses a directory that is not set or not writable. */
	WitnessFile(String directory, Clock clock) {
		if (directory == null || directory.isBlank()) {
			throw new IllegalStateException("Chưa đặt thư mục lưu bản đối chứng của nhật ký kiểm toán "
					+ "(loive.audit.witness.directory, LOIVE_AUDIT_WITNESS_DIRECTORY): ứng dụng không khởi động / "
					+ "The audit witness directory is not set (loive.audit.witness.directory, "
					+ "LOIVE_AUDIT_WITNESS_DIRECTORY): the application does not start");
		}
		Path folder = Path.of(directory).toAbsolutePath().normalize();
		this.file = folder.resolve(FILE_NAME);
		this.clock = clock;
		this.writer = WRITERS.computeIfAbsent(file, path -> new ReentrantLock());
		try {
			Files.createDirectories(folder);
			this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
			channel.force(true);
			tail();
		}
		catch (IOException | SecurityException | UncheckedIOException e) {
			throw new IllegalStateException(("Không ghi được vào thư mục lưu bản đối chứng của nhật ký kiểm toán %s "
					+ "(loive.audit.witness.directory): ứng dụng không khởi động / The audit witness directory %s "
					+ "cannot be written (loive.audit.witness.directory): the application does not start").formatted(folder,
							folder), e);
		}
	}

	Path file() {
		return file;
	}

	@Override
	public boolean keep(AuditCheckpoint checkpoint) {
		writer.lock();
		try (FileLock lock = channel.lock()) {
			Tail tail = tail();
			if (checkpoint.seq() <= tail.newestSeq()) {
				return false;
			}
			String line = (tail.torn() ? "\n" : "") + line(checkpoint) + "\n";
			ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(false);
			return true;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the audit witness " + file, e);
		}
		finally {
			writer.unlock();
		}
	}

	@Override
	public long newestSeq() {
		return tail().newestSeq();
	}

	@Override
	public Stream<AuditCheckpoint> checkpoints() {
		return read(file);
	}

	/** The checkpoints of a witness file as far as it was written when called (the offline verifier reads a copy). */
	static Stream<AuditCheckpoint> read(Path file) {
		try {
			long size = Files.size(file);
			BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
			AtomicLong read = new AtomicLong();
			// lines are ASCII: counting characters counts bytes; a torn last line has no newline and falls beyond
			return lines.lines()
				.takeWhile(line -> read.addAndGet(line.length() + 1) <= size)
				.map(WitnessFile::parse)
				.filter(Objects::nonNull)
				.onClose(() -> close(lines));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the audit witness " + file, e);
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	private record Tail(long newestSeq, boolean torn) {
	}

	/** The newest complete line, read from the end of the file; whether a torn line follows it. */
	private Tail tail() {
		try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = in.size();
			int length = (int) Math.min(size, TAIL);
			ByteBuffer buffer = ByteBuffer.allocate(length);
			while (buffer.hasRemaining() && in.read(buffer, size - length + buffer.position()) >= 0) {
				// until the tail is read
			}
			String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
			boolean torn = !text.isEmpty() && !text.endsWith("\n");
			String[] lines = text.split("\n");
			int first = size > length ? 1 : 0;
			for (int i = lines.length - (torn ? 2 : 1); i >= first; i--) {
				AuditCheckpoint checkpoint = parse(lines[i]);
				if (checkpoint != null) {
					return new Tail(checkpoint.seq(), torn);
				}
			}
			if (first == 1) {
				throw new IllegalStateException("Cuối bản đối chứng của nhật ký kiểm toán không có dòng nào đọc được / No "
						+ "readable line at the end of the audit witness: " + file);
			}
			return new Tail(0, torn);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the audit witness " + file, e);
		}
	}

	private String line(AuditCheckpoint checkpoint) {
		return JSON.createObjectNode()
			.put("seq", checkpoint.seq())
			.put("hash", checkpoint.hash())
			.put("signedAt", checkpoint.signedAt().toString())
			.put("signature", checkpoint.signature())
			.put("witnessedAt", AuditChain.truncate(clock.instant()).toString())
			.toString();
	}

	/** A line's checkpoint, or null for a line torn or otherwise not one. */
	private static AuditCheckpoint parse(String line) {
		try {
			JsonNode node = JSON.readTree(line);
			if (node == null || !node.path("seq").canConvertToLong() || !node.path("hash").isTextual()
					|| !node.path("signedAt").isTextual() || !node.path("signature").isTextual()) {
				return null;
			}
			return new AuditCheckpoint(node.get("seq").asLong(), node.get("hash").asText(),
					Instant.parse(node.get("signedAt").asText()), node.get("signature").asText());
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static void close(BufferedReader lines) {
		try {
			lines.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
