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
		UUID victimId = UUID.randomUUID();
		List<UUID> minorIds = request.minors().stream().map(minor -> UUID.randomUUID()).toList();
		IntakeFacts facts = request.facts();
		String processInstanceId = workflow.start(new ReferralWorkflow.Referral(caseId, request.channel(),
				request.placeOrDefault(), facts.returnMode(), request.area(), province, request.receivedAt(),
				request.immediateDanger(), victimId, minorIds));
		// the province's counter row stays locked from here to the commit: drawn once the process has run its first
		// steps (the intake's largest part), so the province's other intakes queue only for what follows
		String reference = references.next(province, request.receivedAt().atZone(Vietnam.ZONE).getYear());
		workflow.reference(caseId, reference);
		cases.insert(new CaseRecord(caseId, reference, request.channel().name(), request.placeOrDefault().name(),
				request.area(), request.area(), request.receivedAt(), request.immediateDanger(), facts, officer.username(),
				clock.instant(), processInstanceId, null), receivingAgency(officer));
		events.publishEvent(registered(caseId, reference, request, officer));
		LocalDate receivedOn = request.receivedAt().atZone(Vietnam.ZONE).toLocalDate();
		register(scope, victimId, CasePersons.Role.IDENTIFYING, request.personOrEmpty(), request.personalData(),
				receivedOn, officer);
		for (int i = 0; i < minorIds.size(); i++) {
			PersonRequest minor = request.minors().get(i);
			register(scope, minorIds.get(i), CasePersons.Role.ACCOMPANYING_MINOR, minor, minor.personalData(),
					receivedOn, officer);
		}
		List<CasePersons.LinkedPerson> linked = new ArrayList<>(List.of(
				new CasePersons.LinkedPerson(victimId, CasePersons.Role.IDENTIFYING)));
		minorIds.forEach(id -> linked.add(new CasePersons.LinkedPerson(id, CasePersons.Role.ACCOMPANYING_MINOR)));
		return new RegisteredReferral(caseId, reference, linked,
				flags.raise(caseId, linked.stream().map(CasePersons.LinkedPerson::personId).toList()));
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

	/** The person's codes beside the case, their data in the vault, the creation on record. */
	private void register(VictimDataAccess.CaseScope scope, UUID personId, CasePersons.Role role, PersonRequest person,
			PersonalData data, LocalDate receivedOn, Officer officer) {
		access.record(officer, scope, personId, data.sectionCodes(), AuditAction.PERSON_CREATE, "intake");
		persons.link(scope.caseId(), personId, role, new CasePersons.Codes(person.sex(), person.ageBandAt(receivedOn),
				person.nationality(), person.ethnicMinority()));
		vault.create(personId, scope.caseId(), data, officer.username());
	}
}
