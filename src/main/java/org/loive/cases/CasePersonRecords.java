package org.loive.cases;

import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.audit.AuditAction;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.Vietnam;
import org.loive.vault.Consents;
import org.loive.vault.ErasureReason;
import org.loive.vault.PersonalData;
import org.loive.vault.Section;
import org.loive.vault.Vault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The persons of a case and their data in the vault: read by section, added, updated, erased, and their
 * consents, every time as the access decision point ({@link VictimDataAccess}) allows and records.
 */
@Service
class CasePersonRecords {

	/** A person's requested sections; sections never written are absent. */
	record PersonView(UUID personId, CasePersons.Role role, PersonalData data) {
	}

	private final Cases cases;
	private final CasePersons persons;
	private final Vault vault;
	private final Consents consents;
	private final VictimDataAccess access;
	private final Clock clock;

	CasePersonRecords(Cases cases, CasePersons persons, Vault vault, Consents consents, VictimDataAccess access,
			Clock clock) {
		this.cases = cases;
		this.persons = persons;
		this.vault = vault;
		this.consents = consents;
		this.access = access;
		this.clock = clock;
	}

	/** Read-write: the read's audit event commits before the data leaves. */
	@Transactional
	PersonView read(UUID caseId, UUID personId, Set<Section> sections, Officer officer) {
		Linked person = linked(caseId, personId);
		return new PersonView(personId, person.role(), access.read(officer, person.scope(), personId,
				Section.codes(sections), () -> vault.read(personId, sections)));
	}

	@Transactional
	PersonView breakGlass(UUID caseId, UUID personId, Set<Section> sections, VictimDataAccess.BreakGlassReason reason,
			String reference, Officer officer) {
		Linked person = linked(caseId, personId);
		access.authorizeBreakGlass(officer, person.scope(), personId, Section.codes(sections), reason, reference);
		return new PersonView(personId, person.role(), vault.read(personId, sections));
	}

	@Transactional
	UUID add(UUID caseId, CasePersons.Role role, PersonRequest person, Officer officer) {
		if (role == CasePersons.Role.IDENTIFYING || role == CasePersons.Role.VICTIM) {
			throw new InvalidRequestException(List.of(new InvalidRequestException.Rejection("role", "validation.role-added")));
		}
		UUID personId = UUID.randomUUID();
		PersonalData data = person.personalData();
		access.authorizeWrite(officer, cases.scope(caseId), personId, data.sectionCodes(), AuditAction.PERSON_CREATE);
		persons.link(caseId, personId, role, new CasePersons.Codes(person.sex(),
				person.ageBandAt(clock.instant().atZone(Vietnam.ZONE).toLocalDate()), person.nationality(),
				person.ethnicMinority()));
		vault.create(personId, caseId, data, officer.username());
		return personId;
	}

	@Transactional
	void write(UUID caseId, UUID personId, PersonalData data, Officer officer) {
		access.authorizeWrite(officer, linked(caseId, personId).scope(), personId, data.sectionCodes(),
				AuditAction.PERSON_WRITE);
		vault.write(personId, data, officer.username());
	}

	/** A page's write: the fields typed replace theirs, the others of each section stay. */
	@Transactional
	void amend(UUID caseId, UUID personId, PersonalData data, Officer officer) {
		access.authorizeWrite(officer, linked(caseId, personId).scope(), personId, data.sectionCodes(),
				AuditAction.PERSON_WRITE);
		vault.amend(personId, data, officer.username());
	}

	/** An administrator's act: releases nothing, destroys the data key. */
	@Transactional
	void erase(UUID caseId, UUID personId, ErasureReason reason, Officer officer) {
		access.record(officer, linked(caseId, personId).scope(), personId, Set.of(), AuditAction.PERSON_ERASE,
				"erasure:" + reason);
		vault.erase(personId, reason, officer.username());
	}

	List<Consents.Consent> consents(UUID caseId, UUID personId, Officer officer) {
		access.requireInvolved(officer, linked(caseId, personId).scope(), personId);
		return consents.of(personId);
	}

	@Transactional
	Consents.Consent grant(UUID caseId, UUID personId, Consents.Purpose purpose, Agency recipient, Set<Section> sections,
			Officer officer) {
		access.authorizeWrite(officer, linked(caseId, personId).scope(), personId, Section.codes(sections),
				AuditAction.CONSENT_GRANT);
		return consents.grant(personId, purpose, recipient, sections, officer.username());
	}

	@Transactional
	Consents.Consent withdraw(UUID caseId, UUID personId, UUID consentId, Officer officer) {
		access.authorizeWrite(officer, linked(caseId, personId).scope(), personId, Set.of(),
				AuditAction.CONSENT_WITHDRAW);
		return consents.withdraw(personId, consentId, officer.username());
	}

	/** A person of a case, with the case's scope for the access decision. */
	private record Linked(VictimDataAccess.CaseScope scope, CasePersons.Role role) {
	}

	/** The person, linked to the case; 404 for a case or a person that does not exist, whoever asks. */
	private Linked linked(UUID caseId, UUID personId) {
		VictimDataAccess.CaseScope scope = cases.scope(caseId);
		return persons.find(caseId, personId)
			.map(person -> new Linked(scope, person.role()))
			.orElseThrow(() -> ApiException.notFound("person.not-found", personId));
	}
}
