package org.loive.cases;

import org.loive.vault.MatchKind;
import org.loive.vault.Vault;
import org.loive.workflow.CaseProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the blind indexes tell the caseworker at intake, without decrypting anyone: a person who matches
 * one of an open case is likely a duplicate; one who matches a person of a closed case has come back,
 * a re-trafficking risk.
 */
@Repository
class CaseFlags {

	enum Kind { LIKELY_DUPLICATE, RE_TRAFFICKING_RISK }

	/** A flag on a case: which of its persons matched, which other case, on what. No personal data. */
	record Flag(Kind kind, UUID personId, UUID matchedCaseId, String matchedReference, String matchedArea,
			Set<MatchKind> matchedOn, Instant raisedAt) {
	}

	private final JdbcClient jdbc;
	private final Vault vault;
	private final CaseProgress progress;
	private final Clock clock;

	CaseFlags(JdbcClient jdbc, Vault vault, CaseProgress progress, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.progress = progress;
		this.clock = clock;
	}

	/** Looks the case's persons up in the blind indexes and records what they match in other cases. */
	List<Flag> raise(UUID caseId, List<UUID> personIds) {
		Instant now = clock.instant();
		List<Flag> raised = new ArrayList<>();
		for (UUID personId : personIds) {
			for (Vault.Match match : vault.matches(personId)) {
				if (!match.caseId().equals(caseId) && raised.stream().noneMatch(flag -> flag.personId().equals(personId)
						&& flag.matchedCaseId().equals(match.caseId()))) {
					Kind kind = progress.closed(match.caseId()) ? Kind.RE_TRAFFICKING_RISK : Kind.LIKELY_DUPLICATE;
					insert(caseId, kind, personId, match, now);
					raised.add(new Flag(kind, personId, match.caseId(), null, null, match.on(), now));
				}
			}
		}
		return raised.isEmpty() ? List.of() : of(caseId);
	}

	List<Flag> of(UUID caseId) {
		return jdbc.sql("""
				select f.kind, f.person_id, f.matched_case_id, c.reference, c.area, f.matched_on, f.raised_at
				from case_flag f join referral_case c on c.id = f.matched_case_id
				where f.case_id = :case order by f.id""")
			.param("case", caseId)
			.query((row, n) -> new Flag(Kind.valueOf(row.getString(1)), row.getObject(2, UUID.class),
					row.getObject(3, UUID.class), row.getString(4), row.getString(5), kinds(row.getString(6)),
					row.getTimestamp(7).toInstant()))
			.list();
	}

	private void insert(UUID caseId, Kind kind, UUID personId, Vault.Match match, Instant now) {
		jdbc.sql("""
				insert into case_flag (case_id, kind, person_id, matched_case_id, matched_on, raised_at)
				values (:case, :kind, :person, :matched, :on, :now)""")
			.param("case", caseId)
			.param("kind", kind.name())
			.param("person", personId)
			.param("matched", match.caseId())
			.param("on", match.on().stream().map(Enum::name).collect(Collectors.joining(",")))
			.param("now", Timestamp.from(now))
			.update();
	}

	private static Set<MatchKind> kinds(String names) {
		Set<MatchKind> kinds = EnumSet.noneOf(MatchKind.class);
		Arrays.stream(names.split(",")).map(MatchKind::valueOf).forEach(kinds::add);
		return kinds;
	}
}
