package org.loive.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The export's JSON Lines: one object per line, {@code type} header, event or checkpoint. Written by the
 * application, read by the offline verifier; the field names are those of {@code docs/audit.md}.
 */
final class AuditExport {

	static final String FORMAT = "loive-audit-export/1";

	private AuditExport() {
	}

	static ObjectNode event(ObjectMapper json, AuditRecord event) {
		return json.createObjectNode()
			.put("type", "event")
			.put("seq", event.seq())
			.put("occurredAt", event.occurredAt().toString())
			.put("username", event.username())
			.put("agency", event.agency())
			.put("roles", event.roles())
			.put("action", event.action())
			.put("caseId", event.caseId())
			.put("personId", event.personId())
			.put("sections", event.sections())
			.put("purpose", event.purpose())
			.put("clientAddress", event.clientAddress())
			.put("outcome", event.outcome())
			.put("flagged", event.flagged())
			.put("hash", event.hash());
	}

	static ObjectNode checkpoint(ObjectMapper json, AuditCheckpoint checkpoint) {
		return json.createObjectNode()
			.put("type", "checkpoint")
			.put("seq", checkpoint.seq())
			.put("hash", checkpoint.hash())
			.put("signedAt", checkpoint.signedAt().toString())
			.put("signature", checkpoint.signature());
	}

	static AuditRecord event(JsonNode line) {
		return new AuditRecord(line.get("seq").asLong(), Instant.parse(line.get("occurredAt").asText()), text(line, "username"),
				text(line, "agency"), text(line, "roles"), text(line, "action"), text(line, "caseId"),
				text(line, "personId"), text(line, "sections"), text(line, "purpose"), text(line, "clientAddress"),
				text(line, "outcome"), line.get("flagged").asBoolean(), text(line, "hash"));
	}

	static AuditCheckpoint checkpoint(JsonNode line) {
		return new AuditCheckpoint(line.get("seq").asLong(), text(line, "hash"), Instant.parse(line.get("signedAt").asText()),
				text(line, "signature"));
	}

	private static String text(JsonNode line, String field) {
		JsonNode value = line.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}
}
