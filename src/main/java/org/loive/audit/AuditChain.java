package org.loive.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's canonical form, the one definition the application and the offline verifier share (and that
 * {@code docs/audit.md} spells out so anyone can reimplement it). An event's canonical form is the UTF-8
 * JSON array {@code ["loive-audit/1", seq, time, user, agency, roles, action, case, person, sections,
 * purpose, client, outcome, flagged, previousHash]} without whitespace, {@code time} as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (UTC, always six fraction digits); its hash is the lower-case hex SHA-256 of that form. The first event's previous hash is
 * 64 zeros. A checkpoint signs {@code ["loive-audit-checkpoint/1", seq, hash, signedAt]}.
 */
public final class AuditChain {

	public static final String GENESIS = "0".repeat(64);
	private static final JsonFactory JSON = new JsonFactory();
	private static final HexFormat HEX = HexFormat.of();
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditChain() {
	}

	/** The chained hash of a record, given the hash of the one before. */
	public static String hash(AuditRecord record, String previousHash) {
		return HEX.formatHex(sha256(canonical(record, previousHash)));
	}

	static byte[] canonical(AuditRecord record, String previousHash) {
		return json(generator -> {
			generator.writeString("loive-audit/1");
			generator.writeNumber(record.seq());
			generator.writeString(time(record.occurredAt()));
			for (String field : new String[] { record.username(), record.agency(), record.roles(), record.action(),
					record.caseId(), record.personId(), record.sections(), record.purpose(), record.clientAddress(),
					record.outcome() }) {
				generator.writeString(field);
			}
			generator.writeBoolean(record.flagged());
			generator.writeString(previousHash);
		});
	}

	/** What a checkpoint's signature covers. */
	public static byte[] checkpointStatement(long seq, String hash, Instant signedAt) {
		return json(generator -> {
			generator.writeString("loive-audit-checkpoint/1");
			generator.writeNumber(seq);
			generator.writeString(hash);
			generator.writeString(time(signedAt));
		});
	}

	/** Times are kept to the microsecond, as PostgreSQL stores them. */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static String time(Instant instant) {
		return TIME.format(instant);
	}

	private interface Fields {
		void write(JsonGenerator generator) throws IOException;
	}

	private static byte[] json(Fields fields) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = JSON.createGenerator(bytes)) {
			generator.writeStartArray();
			fields.write(generator);
			generator.writeEndArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JVM", e);
		}
	}
}
