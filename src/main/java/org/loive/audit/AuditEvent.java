package org.loive.audit;

import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One thing to put on record: who (user, agency, roles), what, on which case and person, which sections,
 * why (a task, a consent, a stated reason) and how it ended. Identifiers and codes only, never victim data.
 * Built fluently: {@code AuditEvent.of(AuditAction.PERSON_READ, actor).onCase(caseId).person(personId)}.
 */
public record AuditEvent(AuditAction action, Actor actor, UUID caseId, UUID personId, String sections, String purpose,
		Outcome outcome, boolean flagged) {

	public enum Outcome { SUCCESS, DENIED, FAILED }

	/** Who acted; the system itself for background work. */
	public record Actor(String username, String agency, String roles) {

		public static final Actor SYSTEM = new Actor("system", null, null);

		public static Actor of(String username, Collection<String> agencies, Collection<String> roles) {
			return new Actor(username, joined(agencies), joined(roles));
		}
	}

	public AuditEvent {
		Objects.requireNonNull(action);
		Objects.requireNonNull(actor);
		Objects.requireNonNull(outcome);
	}

	public static AuditEvent of(AuditAction action, Actor actor) {
		return new AuditEvent(action, actor, null, null, null, null, Outcome.SUCCESS, false);
	}

	public AuditEvent onCase(UUID caseId) {
		return new AuditEvent(action, actor, caseId, personId, sections, purpose, outcome, flagged);
	}

	public AuditEvent person(UUID personId) {
		return new AuditEvent(action, actor, caseId, personId, sections, purpose, outcome, flagged);
	}

	public AuditEvent sections(Collection<?> sections) {
		return new AuditEvent(action, actor, caseId, personId, joined(sections), purpose, outcome, flagged);
	}

	public AuditEvent purpose(String purpose) {
		return new AuditEvent(action, actor, caseId, personId, sections, purpose, outcome, flagged);
	}

	public AuditEvent denied() {
		return new AuditEvent(action, actor, caseId, personId, sections, purpose, Outcome.DENIED, flagged);
	}

	/** This attempt, refused: an {@code ACCESS_DENIED} event naming the action tried and why it was refused. */
	public AuditEvent refused(String why) {
		return new AuditEvent(AuditAction.ACCESS_DENIED, actor, caseId, personId, sections, action + ":" + why,
				Outcome.DENIED, flagged);
	}

	public AuditEvent failed() {
		return new AuditEvent(action, actor, caseId, personId, sections, purpose, Outcome.FAILED, flagged);
	}

	/** For the auditors' review queue: a supervisor's break-glass read, for one. */
	public AuditEvent flagForReview() {
		return new AuditEvent(action, actor, caseId, personId, sections, purpose, outcome, true);
	}

	/** Sorted and comma-joined, so the same set always reads (and hashes) the same. */
	private static String joined(Collection<?> values) {
		return values == null || values.isEmpty() ? null
				: values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
	}
}
