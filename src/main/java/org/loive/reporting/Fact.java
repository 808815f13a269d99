package org.loive.reporting;

import org.loive.platform.Vietnam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the read model: what happened, to which case, person or criminal case, where the case was then,
 * which agency did it, when, and the day it counts for. Codes only. {@code sourceKey} names the action, so that
 * writing the same fact again changes nothing.
 */
record Fact(FactKind kind, UUID caseId, UUID personId, UUID criminalCaseId, String province, String area, String agency,
		String code, String detail, Instant occurredAt, LocalDate occurredOn, Instant dueAt, String sourceKey) {

	Fact {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(province, "province");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(sourceKey, "sourceKey");
		if (occurredOn == null) {
			occurredOn = occurredAt.atZone(Vietnam.ZONE).toLocalDate();
		}
	}

	/** A fact of a case at an instant, counted on that instant's day in Vietnam. */
	static Fact of(FactKind kind, UUID caseId, String province, Instant at, String sourceKey) {
		return new Fact(kind, caseId, null, null, province, null, null, null, null, at, null, null, sourceKey);
	}

	Fact person(UUID id) {
		return new Fact(kind, caseId, id, criminalCaseId, province, area, agency, code, detail, occurredAt, occurredOn, dueAt, sourceKey);
	}

	Fact criminalCase(UUID id) {
		return new Fact(kind, caseId, personId, id, province, area, agency, code, detail, occurredAt, occurredOn, dueAt, sourceKey);
	}

	Fact area(String value) {
		return new Fact(kind, caseId, personId, criminalCaseId, province, value, agency, code, detail, occurredAt, occurredOn, dueAt, sourceKey);
	}

	Fact agency(String value) {
		return new Fact(kind, caseId, personId, criminalCaseId, province, area, value, code, detail, occurredAt, occurredOn, dueAt, sourceKey);
	}

	Fact code(String value) {
		return new Fact(kind, caseId, personId, criminalCaseId, province, area, agency, value, detail, occurredAt, occurredOn, dueAt, sourceKey);
	}

	Fact detail(String value) {
		return new Fact(kind, caseId, personId, criminalCaseId, province, area, agency, code, value, occurredAt, occurredOn, dueAt, sourceKey);
	}

	/** Counted on this day rather than the instant's: a decision dated by the officer. */
	Fact on(LocalDate day) {
		return new Fact(kind, caseId, personId, criminalCaseId, province, area, agency, code, detail, occurredAt, day, dueAt, sourceKey);
	}

	Fact due(Instant value) {
		return new Fact(kind, caseId, personId, criminalCaseId, province, area, agency, code, detail, occurredAt, occurredOn, value, sourceKey);
	}
}
