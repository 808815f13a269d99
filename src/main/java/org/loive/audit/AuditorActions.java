package org.loive.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.UUID;

/**
 * What an auditor does that itself goes on the chain: a finding on a flagged read, an export, a disclosure
 * to a person. One place for the API and the pages, so both record exactly the same events.
 */
@Service
class AuditorActions {

	/** What the auditor found of a flagged read. */
	enum Finding { JUSTIFIED, UNJUSTIFIED, REFERRED }

	record Review(@NotNull(message = "validation.required") @Min(value = 1, message = "validation.seq") Long seq,
			@NotNull(message = "validation.required") Finding finding,
			@Pattern(regexp = "^[\\p{L}0-9/._-]{1,64}$", message = "validation.reference") String reference) {
	}

	private final AuditTrail trail;
	private final AuditLog log;
	private final CurrentActor actor;

	AuditorActions(AuditTrail trail, AuditLog log, CurrentActor actor) {
		this.trail = trail;
		this.log = log;
		this.actor = actor;
	}

	/** Appends the finding as an {@code AUDIT_REVIEW} event; 404 / 409 if the read cannot be reviewed. */
	long review(Review review) {
		AuditRecord event = trail.reviewable(review.seq());
		return log.recordChained(AuditEvent.of(AuditAction.AUDIT_REVIEW, actor.get())
			.onCase(event.caseId() == null ? null : UUID.fromString(event.caseId()))
			.person(event.personId() == null ? null : UUID.fromString(event.personId()))
			.purpose("seq:" + review.seq() + ":" + review.finding()
					+ (review.reference() == null ? "" : ":" + review.reference())));
	}

	/** The range as a JSON Lines download, the export recorded before a line is written. */
	ResponseEntity<StreamingResponseBody> export(long fromSeq, long toSeq) {
		log.record(AuditEvent.of(AuditAction.AUDIT_EXPORT, actor.get()).purpose("seq:" + fromSeq + "-" + toSeq));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loive-audit-" + fromSeq + ".jsonl\"")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.body(out -> trail.export(fromSeq, toSeq, out));
	}

	/** The accesses to a person's data, the disclosure itself recorded. */
	List<AuditTrail.Access> disclose(UUID personId, boolean officers) {
		log.record(AuditEvent.of(AuditAction.AUDIT_DISCLOSURE, actor.get())
			.person(personId)
			.purpose(officers ? "officers-named" : "agencies-only"));
		return trail.accesses(personId, officers);
	}
}
