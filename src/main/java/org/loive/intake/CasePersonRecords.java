package org.loive.intake;

import org.loive.access.Agency;
import org.loive.access.Officer;
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
 * The persons of a case and their data in the vault, for the caseworkers of the case's area: read by
 * section, added, updated, erased, and their consents.
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
	private final Clock clock;

	CasePersonRecords(Cases cases, CasePersons persons, Vault vault, Consents consents, Clock clock) {
		this.cases = cases;
		this.persons = persons;
		this.vault = vault;
		this.consents = consents;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PersonView read(UUID caseId, UUID personId, Set<Section> sections, Officer officer) {
		CasePersons.LinkedPerson person = person(caseId, personId, officer);
		return new PersonView(personId, person.role(), vault.read(personId, sections));
	}

	@Transactional
	UUID add(UUID caseId, CasePersons.Role role, PersonRequest person, Officer officer) {
		cases.visible(caseId, officer);
		if (role == CasePersons.Role.IDENTIFYING || role == CasePersons.Role.VICTIM) {
			throw new InvalidRequestException(List.of(new InvalidRequestException.Rejection("role", "validation.role-added")));
		}
		UUID personId = UUID.randomUUID();
		persons.link(caseId, personId, role, new CasePersons.Codes(person.sex(),
				person.ageBandAt(clock.instant().atZone(Vietnam.ZONE).toLocalDate()), person.nationality(),
				person.ethnicMinority()));
		vault.create(personId, caseId, person.personalData(), officer.username());
		return personId;
	}

	@Transactional
	void write(UUID caseId, UUID personId, PersonalData data, Officer officer) {
		person(caseId, personId, officer);
		vault.write(personId, data, officer.username());
	}

	@Transactional
	void erase(UUID caseId, UUID personId, ErasureReason reason, Officer officer) {
		cases.find(caseId).orElseThrow(() -> ApiException.notFound("case.not-found", caseId));
		linked(caseId, personId);
		vault.erase(personId, reason, officer.username());
	}

	List<Consents.Consent> consents(UUID caseId, UUID personId, Officer officer) {
		person(caseId, personId, officer);
		return consents.of(personId);
	}

	@Transactional
	Consents.Consent grant(UUID caseId, UUID personId, Consents.Purpose purpose, Agency recipient, Set<Section> sections,
			Officer officer) {
		person(caseId, personId, officer);
		return consents.grant(personId, purpose, recipient, sections, officer.username());
	}

	@Transactional
	Consents.Consent withdraw(UUID caseId, UUID personId, UUID consentId, Officer officer) {
		person(caseId, personId, officer);
		return consents.withdraw(personId, consentId, officer.username());
	}

	private CasePersons.LinkedPerson person(UUID caseId, UUID personId, Officer officer) {
		cases.visible(caseId, officer);
		return linked(caseId, personId);
	}

	private CasePersons.LinkedPerson linked(UUID caseId, UUID personId) {
		return persons.find(caseId, personId).orElseThrow(() -> ApiException.notFound("person.not-found", personId));
	}
}
