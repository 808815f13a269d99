package org.loive.audit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
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
	/** One digest per thread: verification hashes a million events, each would otherwise look one up. */
	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(AuditChain::sha256);
	private static final HexFormat HEX = HexFormat.of();
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditChain() {
	}

	/** The chained hash of a record, given the hash of the one before. */
	public static String hash(AuditRecord record, String previousHash) {
		return HEX.formatHex(SHA256.get().digest(canonical(record, previousHash)));
	}

	static byte[] canonical(AuditRecord record, String previousHash) {
		StringBuilder json = new StringBuilder(384).append("[\"loive-audit/1\",").append(record.seq()).append(',');
		for (String field : new String[] { time(record.occurredAt()), record.username(), record.agency(), record.roles(),
				record.action(), record.caseId(), record.personId(), record.sections(), record.purpose(),
				record.clientAddress(), record.outcome() }) {
			string(json, field).append(',');
		}
		json.append(record.flagged()).append(',');
		return string(json, previousHash).append(']').toString().getBytes(StandardCharsets.UTF_8);
	}

	/** What a checkpoint's signature covers. */
	public static byte[] checkpointStatement(long seq, String hash, Instant signedAt) {
		StringBuilder json = new StringBuilder(128).append("[\"loive-audit-checkpoint/1\",").append(seq).append(',');
		string(json, hash).append(',');
		return string(json, time(signedAt)).append(']').toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Times are kept to the microsecond, as PostgreSQL stores them. */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static String time(Instant instant) {
		return TIME.format(instant);
	}

	/** A JSON string as RFC 8259 escapes it (Jackson's encoder: quote, backslash, control characters), or null. */
	private static StringBuilder string(StringBuilder json, String value) {
		if (value == null) {
			return json.append("null");
		}
		json.append('"');
		JsonStringEncoder.getInstance().quoteAsString(value, json);
		return json.append('"');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JVM", e);
		}
	}
}
