package org.loive.cases;

import org.loive.access.Officer;
import org.loive.access.Areas;
import org.loive.access.VictimDataAccess;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.Vietnam;
import org.loive.vault.PersonalData;
import org.loive.vault.Vault;
import org.loive.workflow.ReferralWorkflow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Registers a referral: the case row, its reference and the running process, in one transaction. */
@Service
class Intake {

	private final Cases cases;
	private final CaseReferences references;
	private final ReferralWorkflow workflow;
	private final CasePersons persons;
	private final Vault vault;
	private final CaseFlags flags;
	private final VictimDataAccess access;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Intake(Cases cases, CaseReferences references, ReferralWorkflow workflow, CasePersons persons, Vault vault,
			CaseFlags flags, VictimDataAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.references = references;
		this.workflow = workflow;
		this.persons = persons;
		this.vault = vault;
		this.flags = flags;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	RegisteredReferral register(ReferralRequest request, Officer officer) {
		String province = Areas.province(request.area());
		if (!province.equals(officer.province())) {
			throw ApiException.forbidden("intake.other-area", province);
		}
		UUID caseId = UUID.randomUUID();
		VictimDataAccess.CaseScope scope = new VictimDataAccess.CaseScope(caseId, province);
		audit.record(AuditEvent.of(AuditAction.CASE_REGISTER, officer.actor())
			.onCase(caseId)
			.purpose("channel:" + request.channel()));
		List<Person> people = newPersons(request);
		IntakeFacts facts = request.facts();
		String processInstanceId = workflow.start(new ReferralWorkflow.Referral(caseId, request.channel(),
				request.placeOrDefault(), facts.returnMode(), request.area(), province, request.receivedAt(),
				request.immediateDanger(), people.get(0).id(), people.stream().skip(1).map(Person::id).toList()));
		cases.insert(new CaseRecord(caseId, null, request.channel().name(), request.placeOrDefault().name(),
				request.area(), request.area(), request.receivedAt(), request.immediateDanger(), facts, officer.username(),
				clock.instant(), processInstanceId, null), receivingAgency(officer));
		people.forEach(person -> store(scope, person, officer));
		List<CaseFlags.Flag> raised = flags.raise(caseId, people.stream().map(Person::id).toList());
		// last: the province's counter row stays locked from the draw to the commit, so the province's other intakes
		// queue only for the reference and the few rows that follow it, not for the process, the vault and the checks
		String reference = references.next(province, request.receivedAt().atZone(Vietnam.ZONE).getYear());
		cases.reference(caseId, reference);
		workflow.reference(processInstanceId, reference);
		events.publishEvent(registered(caseId, reference, request, officer));
		// after the case's event: the reports count persons of a case they know
		LocalDate receivedOn = request.receivedAt().atZone(Vietnam.ZONE).toLocalDate();
		people.forEach(person -> persons.link(caseId, person.id(), person.role(), person.codes(receivedOn)));
		List<CasePersons.LinkedPerson> linked = people.stream()
			.map(person -> new CasePersons.LinkedPerson(person.id(), person.role()))
			.toList();
		return new RegisteredReferral(caseId, reference, linked, raised);
	}

	private static CaseEvents.CaseRegistered registered(UUID caseId, String reference, ReferralRequest request,
			Officer officer) {
		IntakeFacts facts = request.facts();
		return new CaseEvents.CaseRegistered(caseId, reference, request.channel().name(), name(facts.reportKind()),
				request.placeOrDefault().name(), name(facts.returnMode()), name(facts.traffickingScope()),
				names(facts.exploitationForms()), names(facts.recruitmentContexts()), facts.destinationCountry(),
				request.area(), request.receivedAt(), receivingAgency(officer));
	}

	/** The agency that received the report, as the reports count it: the officer's first. */
	private static String receivingAgency(Officer officer) {
		return officer.agencies().stream().sorted().findFirst().orElse(null);
	}

	private static String name(Enum<?> code) {
		return code == null ? null : code.name();
	}

	private static List<String> names(List<? extends Enum<?>> codes) {
		return codes == null ? List.of() : codes.stream().map(Enum::name).toList();
	}

	/** A person of the new case: the identifying person or an accompanying minor. */
	private record Person(UUID id, CasePersons.Role role, PersonRequest request, PersonalData data) {

		CasePersons.Codes codes(LocalDate receivedOn) {
			return new CasePersons.Codes(request.sex(), request.ageBandAt(receivedOn), request.nationality(),
					request.ethnicMinority());
		}
	}

	/** The identifying person first, then the accompanying minors in the request's order, each with a new id. */
	private static List<Person> newPersons(ReferralRequest request) {
		List<Person> persons = new ArrayList<>(List.of(new Person(UUID.randomUUID(), CasePersons.Role.IDENTIFYING,
				request.personOrEmpty(), request.personalData())));
		request.minors().forEach(minor -> persons.add(new Person(UUID.randomUUID(), CasePersons.Role.ACCOMPANYING_MINOR,
				minor, minor.personalData())));
		return persons;
	}

	/** The person's data in the vault, its creation on record; their codes are linked to the case last. */
	private void store(VictimDataAccess.CaseScope scope, Person person, Officer officer) {
		access.record(officer, scope, person.id(), person.data().sectionCodes(), AuditAction.PERSON_CREATE, "intake");
		vault.create(person.id(), scope.caseId(), person.data(), officer.username());
	}
}
