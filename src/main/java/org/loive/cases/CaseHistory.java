package org.loive.cases;

import org.loive.workflow.CaseMilestones;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@link CaseEvents} of every existing case, rebuilt from the application's tables, for the reports' rebuild:
 * registrations, linked persons, report resolutions, transfers and consent withdrawals, each when it was
 * published. Codes only.
 */
@Component
public class CaseHistory {

	/** What the cases published, each kind in the order it happened. */
	public record Replay(List<CaseEvents.Recorded<CaseEvents.CaseRegistered>> registrations,
			List<CaseEvents.Recorded<CaseEvents.PersonLinked>> persons,
			List<CaseEvents.Recorded<CaseEvents.ReportResolved>> resolutions,
			List<CaseEvents.Recorded<CaseEvents.CaseTransferred>> transfers,
			List<CaseEvents.Recorded<CaseEvents.ConsentWithdrawn>> withdrawals) {
	}

	private final Cases cases;
	private final CasePersons persons;
	private final CaseMilestones milestones;

	CaseHistory(Cases cases, CasePersons persons, CaseMilestones milestones) {
		this.cases = cases;
		this.persons = persons;
		this.milestones = milestones;
	}

	/** Whether any case was ever registered. */
	public boolean any() {
		return cases.any();
	}

	public Replay replay() {
		List<CaseEvents.Recorded<CaseEvents.CaseRegistered>> registrations = cases.registrations();
		Map<UUID, Instant> registered = new HashMap<>();
		List<CaseEvents.Recorded<CaseEvents.CaseTransferred>> transfers = new ArrayList<>();
		List<CaseEvents.Recorded<CaseEvents.ConsentWithdrawn>> withdrawals = new ArrayList<>();
		for (CaseEvents.Recorded<CaseEvents.CaseRegistered> registration : registrations) {
			UUID caseId = registration.event().caseId();
			registered.put(caseId, registration.at());
			String area = registration.event().area();
			for (CaseMilestones.Milestone milestone : milestones.of(caseId)) {
				if (milestone.kind() == CaseMilestones.Kind.TRANSFERRED) {
					transfers.add(new CaseEvents.Recorded<>(milestone.recordedAt(),
							new CaseEvents.CaseTransferred(caseId, area, milestone.code(), milestone.recordedAt())));
					area = milestone.code();
				}
				else {
					withdrawals.add(new CaseEvents.Recorded<>(milestone.recordedAt(),
							new CaseEvents.ConsentWithdrawn(caseId, milestone.recordedAt())));
				}
			}
		}
		return new Replay(registrations, linkedAfterRegistration(registered), cases.resolutions(), transfers, withdrawals);
	}

	/**
	 * The persons, each no earlier than its case's registration: a person's row is stamped with the start of the
	 * transaction that registered the case, while the case was published later in it.
	 */
	private List<CaseEvents.Recorded<CaseEvents.PersonLinked>> linkedAfterRegistration(Map<UUID, Instant> registered) {
		return persons.linked().stream().map(person -> {
			Instant caseAt = registered.getOrDefault(person.event().caseId(), person.at());
			return person.at().isBefore(caseAt) ? new CaseEvents.Recorded<>(caseAt, person.event()) : person;
		}).toList();
	}
}
