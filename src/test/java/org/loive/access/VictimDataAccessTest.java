package org.loive.access;

import org.junit.jupiter.api.Test;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.mockito.ArgumentCaptor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The decision point's rules one by one, the case's history and consents given, the audit log observed. */
class VictimDataAccessTest {

	private static final UUID CASE = UUID.randomUUID();
	private static final UUID PERSON = UUID.randomUUID();
	private static final UUID CONSENT = UUID.randomUUID();
	private static final VictimDataAccess.CaseScope QNG = new VictimDataAccess.CaseScope(CASE, "QNG");

	private final AuditLog audit = mock(AuditLog.class);
	private final Map<String, String> involved = Map.of("police", "task-1", "health", "");
	private Optional<UUID> consent = Optional.empty();
	private final VictimDataAccess access = new VictimDataAccess(caseId -> withoutBlanks(involved),
			(person, agency, section) -> consent.filter(id -> agency == Agency.HEALTH && section.equals("narrative")), audit);

	@Test
	void theLawOpensTheSectionsOfTheAgencysDutyAndTheReadIsRecordedWithItsBasis() {
		assertThat(access.read(caseworker("police"), QNG, PERSON, sections("identity", "narrative", "legal"), () -> "data"))
			.isEqualTo("data");
		AuditEvent read = recorded();
		assertThat(read.action()).isEqualTo(AuditAction.PERSON_READ);
		assertThat(read.sections()).isEqualTo("identity,legal,narrative");
		assertThat(read.purpose()).isEqualTo("task:task-1;identity:law,narrative:law,legal:law");
	}

	@Test
	void aSectionOutsideTheAgencysDutyIsRefusedByName() {
		assertRefused(caseworker("police"), QNG, sections("identity", "health"), "access.section-not-allowed", "health");
	}

	@Test
	void consentOpensWhatTheLawDoesNot() {
		assertRefused(caseworker("health"), QNG, sections("narrative"), "access.section-not-allowed", "narrative");
		consent = Optional.of(CONSENT);
		access.read(caseworker("health"), QNG, PERSON, sections("identity", "narrative"), () -> "data");
		assertThat(recorded().purpose()).isEqualTo("case-work:health;identity:law,narrative:consent:" + CONSENT);
	}

	@Test
	void anotherProvinceAnAgencyWithoutWorkOnTheCaseAndOtherRolesAreRefused() {
		Officer gli = new Officer("police.gli", Set.of(Officer.CASEWORKER), Set.of("police"), "GLI");
		assertRefused(gli, QNG, sections("identity"), "access.other-area", "QNG");
		assertRefused(caseworker("legal-aid"), QNG, sections("identity"), "access.not-involved");
		for (String role : List.of(Officer.SUPERVISOR, Officer.AUDITOR, Officer.ADMIN)) {
			assertRefused(new Officer(role, Set.of(role), Set.of(), "QNG"), QNG, sections("identity"), "access.no-victim-data");
		}
	}

	@Test
	void aTransferredCaseIsReadWhereItIsNow() {
		VictimDataAccess.CaseScope gli = new VictimDataAccess.CaseScope(CASE, "GLI");
		Officer police = new Officer("police.gli", Set.of(Officer.CASEWORKER), Set.of("police"), "GLI-01");
		assertThat(access.read(police, gli, PERSON, sections("identity"), () -> "data")).isEqualTo("data");
		assertRefused(caseworker("police"), gli, sections("identity"), "access.other-area", "GLI");
	}

	@Test
	void breakGlassIsForSupervisorsOfTheProvinceAndFlagged() {
		Officer supervisor = new Officer("supervisor.qng", Set.of(Officer.SUPERVISOR), Set.of(), "QNG");
		access.authorizeBreakGlass(supervisor, QNG, PERSON, sections("health"),
				VictimDataAccess.BreakGlassReason.SAFETY_EMERGENCY, null);
		AuditEvent read = recorded();
		assertThat(read.flagged()).isTrue();
		assertThat(read.purpose()).isEqualTo("break-glass:SAFETY_EMERGENCY");
		assertThatThrownBy(() -> access.authorizeBreakGlass(caseworker("police"), QNG, PERSON, sections("identity"),
				VictimDataAccess.BreakGlassReason.QUALITY_REVIEW, null)).isInstanceOf(ApiException.class);
	}

	@Test
	void whatCouldBeReadNowIsDecidedByTheSameRulesAndRecordsNothing() {
		Set<String> all = sections("identity", "contact", "narrative", "health", "legal");
		VictimDataAccess.Readable police = access.readable(caseworker("police"), QNG, PERSON, all);
		assertThat(police.sections()).containsExactly("contact", "identity", "legal", "narrative");
		assertThat(police.refused()).containsExactly(Map.entry("health", VictimDataAccess.Refusal.NOT_DUTY));
		assertThat(police.involved()).isTrue();
		VictimDataAccess.Readable health = access.readable(caseworker("health"), QNG, PERSON, all);
		assertThat(health.sections()).containsExactly("contact", "health", "identity");
		assertThat(health.refused()).containsEntry("narrative", VictimDataAccess.Refusal.NO_CONSENT)
			.containsEntry("legal", VictimDataAccess.Refusal.NOT_DUTY);
		consent = Optional.of(CONSENT);
		assertThat(access.readable(caseworker("health"), QNG, PERSON, all).sections()).contains("narrative");
		verifyNoInteractions(audit);
	}

	@Test
	void whatCouldBeReadNowIsNothingForAnotherProvinceAnUninvolvedAgencyOrAnotherRole() {
		Set<String> identity = sections("identity");
		Officer gli = new Officer("police.gli", Set.of(Officer.CASEWORKER), Set.of("police"), "GLI");
		Officer supervisor = new Officer("supervisor.qng", Set.of(Officer.SUPERVISOR), Set.of("police"), "QNG");
		assertThat(access.readable(gli, QNG, PERSON, identity).refused())
			.containsExactly(Map.entry("identity", VictimDataAccess.Refusal.OTHER_AREA));
		VictimDataAccess.Readable legalAid = access.readable(caseworker("legal-aid"), QNG, PERSON, identity);
		assertThat(legalAid.refused()).containsExactly(Map.entry("identity", VictimDataAccess.Refusal.NOT_INVOLVED));
		assertThat(legalAid.involved()).isFalse();
		VictimDataAccess.Readable none = access.readable(supervisor, QNG, PERSON, identity);
		assertThat(none.sections()).isEmpty();
		assertThat(none.refused()).containsExactly(Map.entry("identity", VictimDataAccess.Refusal.NO_VICTIM_DATA));
		assertThat(none.involved()).isFalse();
		verifyNoInteractions(audit);
	}

	private void assertRefused(Officer officer, VictimDataAccess.CaseScope scope, Set<String> sections, String key,
			Object... arguments) {
		Runnable release = mock(Runnable.class);
		assertThatThrownBy(() -> access.read(officer, scope, PERSON, sections, () -> {
			release.run();
			return "data";
		})).isInstanceOfSatisfying(ApiException.class, e -> {
			assertThat(e.messageKey()).isEqualTo(key);
			assertThat(e.arguments()).containsExactly(arguments);
		});
		verify(release, never()).run();
		ArgumentCaptor<AuditEvent> denial = ArgumentCaptor.forClass(AuditEvent.class);
		verify(audit, atLeastOnce()).recordAlone(denial.capture());
		AuditEvent last = denial.getValue();
		assertThat(last.action()).isEqualTo(AuditAction.ACCESS_DENIED);
		assertThat(last.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		assertThat(last.purpose()).isEqualTo("PERSON_READ:" + key);
		assertThat(last.actor().username()).isEqualTo(officer.username());
	}

	private AuditEvent recorded() {
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(audit).record(event.capture());
		return event.getValue();
	}

	private static Officer caseworker(String agency) {
		return new Officer(agency + ".qng", Set.of(Officer.CASEWORKER), Set.of(agency), "QNG");
	}

	private static Set<String> sections(String... codes) {
		return new LinkedHashSet<>(List.of(codes));
	}

	/** The history gives null for an agency without an open task. */
	private static Map<String, String> withoutBlanks(Map<String, String> involved) {
		Map<String, String> agencies = new TreeMap<>();
		involved.forEach((agency, task) -> agencies.put(agency, task.isEmpty() ? null : task));
		return agencies;
	}
}
