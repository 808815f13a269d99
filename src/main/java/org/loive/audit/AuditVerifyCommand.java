package org.loive.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The auditor's offline verifier: checks an export (JSON Lines of {@code GET /api/v1/audit/export}) with the
 * public keyset obtained apart from it ({@code GET /api/v1/audit/public-key}, or from the operator), without
 * the application or its database:
 * {@code java -cp loive.jar -Dloader.main=org.loive.audit.AuditVerifyCommand
 * org.springframework.boot.loader.launch.PropertiesLauncher export.jsonl public-key.json [checkpoints.jsonl]}.
 * With a copy of the witness file ({@code checkpoints.jsonl}, copied before the export is made) it also compares
 * the export with the checkpoints kept outside the database. Exit status 0 when the export holds, 1 when it is
 * broken, 2 on bad input.
 */
public final class AuditVerifyCommand {

	private static final ObjectMapper JSON = new ObjectMapper();

	private AuditVerifyCommand() {
	}

	public static void main(String[] args) {
		if (args.length != 2 && args.length != 3) {
			System.err.println("Cách dùng / Usage: <export.jsonl> <public-key.json> [checkpoints.jsonl]");
			System.exit(2);
		}
		try {
			ChainVerifier.Result result = verify(Path.of(args[0]), Files.readString(Path.of(args[1])),
					args.length == 3 ? Path.of(args[2]) : null);
			System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
			System.exit(result.intact() ? 0 : 1);
		}
		catch (IOException | GeneralSecurityException | RuntimeException e) {
			System.err.println("Không đọc được tệp xuất, khóa công khai hoặc bản đối chứng / Cannot read the export, the "
					+ "public key or the witness: "
					+ e.getMessage());
			System.exit(2);
		}
	}

	/** Verifies an export file with a public keyset (Tink JSON). */
	public static ChainVerifier.Result verify(Path export, String publicKeyset) throws IOException, GeneralSecurityException {
		return verify(export, publicKeyset, null);
	}

	/**
	 * Verifies an export file with a public keyset (Tink JSON) and, when given, a witness file: its checkpoints
	 * within the export's range must agree with the export, and none may lie beyond the export's last event.
	 */
	public static ChainVerifier.Result verify(Path export, String publicKeyset, Path witness)
			throws IOException, GeneralSecurityException {
		SignatureConfig.register();
		PublicKeyVerify verifier = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset)
			.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
		try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
			JsonNode header = JSON.readTree(lines.readLine());
			if (header == null || !AuditExport.FORMAT.equals(header.path("format").asText())) {
				throw new IllegalArgumentException("not an export of format " + AuditExport.FORMAT);
			}
			Map<Long, AuditCheckpoint> checkpoints = new TreeMap<>();
			JsonNode node = next(lines);
			while (node != null && node.path("type").asText().equals("checkpoint")) {
				checkpoints.put(node.get("seq").asLong(), AuditExport.checkpoint(node));
				node = next(lines);
			}
			long toSeq = header.get("toSeq").asLong();
			try (Stream<AuditCheckpoint> witnessed = witness == null ? Stream.empty()
					: WitnessFile.read(witness).filter(checkpoint -> checkpoint.seq() <= toSeq)) {
				return new ChainVerifier(verifier).verify(events(node, lines), checkpoints.values().iterator(),
						witnessed.iterator(), header.get("fromSeq").asLong(), header.get("previousHash").asText());
			}
		}
	}

	/** The events, read one line at a time: memory stays flat however long the export. */
	private static Iterator<AuditRecord> events(JsonNode first, BufferedReader lines) {
		return new Iterator<>() {
			private JsonNode node = first;

			@Override
			public boolean hasNext() {
				return node != null;
			}

			@Override
			public AuditRecord next() {
				if (node == null) {
					throw new NoSuchElementException();
				}
				if (!node.path("type").asText().equals("event")) {
					throw new IllegalArgumentException("line of type " + node.path("type") + " among the events");
				}
				AuditRecord event = AuditExport.event(node);
				node = AuditVerifyCommand.next(lines);
				return event;
			}
		};
	}

	private static JsonNode next(BufferedReader lines) {
		try {
			String line = lines.readLine();
			return line == null || line.isBlank() ? null : JSON.readTree(line);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
