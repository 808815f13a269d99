package org.loive.reporting;

import org.loive.access.Areas;
import org.loive.cases.CaseEvents;
import org.loive.criminal.CriminalCaseEvents;
import org.loive.workflow.ChainEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Turns what the other modules publish into the reports' facts and dimensions, in the transaction of the action
 * (a listener called synchronously by the publisher): a fact commits or rolls back with what it records. The
 * province of a fact is where the reports know the case to be at that moment.
 */
@Component
class FactRecorder {

	private final FactTable facts;
	private final CaseDimensions cases;

	FactRecorder(FactTable facts, CaseDimensions cases) {
		this.facts = facts;
		this.cases = cases;
	}

	@EventListener
	void on(CaseEvents.CaseRegistered event) {
		cases.recordCase(new CaseDimensions.CaseCodes(event.caseId(), event.reference(), event.channel(),
				event.reportKind(), event.place(), event.returnMode(), event.traffickingScope(), event.exploitationForms(),
				event.recruitmentContexts(), event.destinationCountry(), event.area(), event.receivedAt()));
		facts.append(Fact.of(FactKind.REPORT_RECEIVED, event.caseId(), Areas.province(event.area()), event.receivedAt(),
				"REPORT_RECEIVED:" + event.caseId())
			.area(event.area())
			.agency(event.agency())
			.code(event.channel())
			.detail(event.reportKind()));
	}

	@EventListener
	void on(CaseEvents.PersonLinked event) {
		cases.recordPerson(new CaseDimensions.PersonCodes(event.personId(), event.caseId(), event.role(), event.sex(),
				event.ageBand(), event.nationality(), event.ethnicMinority()));
	}

	@EventListener
	void on(CaseEvents.ReportResolved event) {
		facts.append(caseFact(FactKind.REPORT_RESOLVED, event.caseId(), null, event.recordedAt(),
				"REPORT_RESOLVED:" + event.caseId() + ":" + event.recordedAt())
			.agency(event.agency())
			.code(event.resolution())
			.on(event.decidedOn()));
	}

	@EventListener
	void on(CaseEvents.CaseTransferred event) {
		facts.append(Fact.of(FactKind.TRANSFERRED, event.caseId(), Areas.province(event.fromArea()), event.at(),
				"TRANSFERRED:" + event.caseId() + ":" + event.at())
			.area(event.fromArea())
			.code(Areas.province(event.toArea()))
			.detail(Areas.province(event.fromArea())));
		cases.moved(event.caseId(), event.toArea());
	}

	@EventListener
	void on(CaseEvents.ConsentWithdrawn event) {
		facts.append(caseFact(FactKind.CONSENT_WITHDRAWN, event.caseId(), null, event.at(),
				"CONSENT_WITHDRAWN:" + event.caseId() + ":" + event.at()));
	}

	@EventListener
	void on(ChainEvent event) {
		Fact fact = caseFact(FactKind.valueOf(event.kind().name()), event.caseId(), event.area(), event.at(),
				event.sourceKey())
			.person(event.personId())
			.agency(event.agency())
			.code(event.code())
			.detail(event.detail())
			.due(event.dueAt());
		facts.append(event.countedOn() == null ? fact : fact.on(event.countedOn()));
		if (event.kind() == ChainEvent.Kind.CLASSIFIED && "DUPLICATE".equals(event.code()) && event.detail() != null) {
			cases.duplicateOf(event.caseId(), UUID.fromString(event.detail()));
		}
		if (event.kind() == ChainEvent.Kind.SUPPORT_ASSESSED && event.personId() != null) {
			cases.supportCategory(event.personId(), event.code());
		}
	}

	@EventListener
	void on(CriminalCaseEvents.MilestoneRecorded event) {
		facts.append(new Fact(FactKind.valueOf("CRIMINAL_" + event.milestone()), null, null, event.criminalCaseId(),
				event.province(), null, null, event.outcome(), null, event.recordedAt(), event.occurredOn(), null,
				"CRIMINAL_" + event.milestone() + ":" + event.criminalCaseId()));
	}

	@EventListener
	void on(CriminalCaseEvents.ReferralLinked event) {
		facts.append(new Fact(FactKind.CRIMINAL_LINKED, event.caseId(), null, event.criminalCaseId(), event.province(),
				null, null, null, null, event.linkedAt(), null, null,
				linkKey(event.criminalCaseId(), event.caseId())));
	}

	@EventListener
	void on(CriminalCaseEvents.ReferralUnlinked event) {
		facts.retract(FactKind.CRIMINAL_LINKED, linkKey(event.criminalCaseId(), event.caseId()));
	}

	private static String linkKey(UUID criminalCaseId, UUID caseId) {
		return "CRIMINAL_LINKED:" + criminalCaseId + ":" + caseId;
	}

	/** A fact of a case, where the reports know the case to be now (else where the event says it was). */
	private Fact caseFact(FactKind kind, UUID caseId, String area, Instant at, String sourceKey) {
		CaseDimensions.Location location = cases.location(caseId)
			.orElseGet(() -> new CaseDimensions.Location(Areas.province(area), area));
		return Fact.of(kind, caseId, location.province(), at, sourceKey).area(location.area());
	}
}
