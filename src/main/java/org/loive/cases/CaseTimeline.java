package org.loive.cases;

import org.loive.access.Agency;
import org.loive.workflow.CaseProgress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The chain of a case as the case page lists it, oldest first: steps done, escalations and milestones at
 * the time they happened, open steps at the time they were opened.
 */
record CaseTimeline(List<Entry> entries) {

	enum State { DONE, OPEN, OVERDUE, ESCALATION, MILESTONE }

	/**
	 * One line: a step ({@code taskKey}, engine name), an escalation of a step, or a milestone ({@code code}, with
	 * its {@code detail}: a reason code or an area).
	 */
	record Entry(State state, String taskKey, String name, String code, String detail, List<String> agencies,
			String officer, Instant at, Instant due) {

		/** The {@code data-state} of the line: done, open or overdue for steps, the kind otherwise. */
		public String dataState() {
			return state.name().toLowerCase(Locale.ROOT);
		}
	}

	static CaseTimeline of(CaseView view) {
		List<Entry> entries = new ArrayList<>();
		view.completedSteps().forEach(step -> entries.add(new Entry(State.DONE, step.taskKey(), step.name(), null, null,
				labels(step.agencies()), step.completedBy(), step.completedAt(), null)));
		view.openTasks().forEach(step -> entries.add(new Entry(step.overdue() ? State.OVERDUE : State.OPEN, step.taskKey(),
				step.name(), null, null, labels(step.agencies()), step.assignee(), step.created(), step.due())));
		view.escalations().forEach(escalation -> entries.add(new Entry(State.ESCALATION, escalation.taskKey(),
				escalation.taskName(), null, null, List.of(), null, escalation.raisedAt(), escalation.dueAt())));
		view.milestones().forEach(milestone -> entries.add(new Entry(State.MILESTONE, null, null,
				milestone.kind().name(), milestone.code(), List.of(), milestone.recordedBy(), milestone.recordedAt(), null)));
		entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
		return new CaseTimeline(entries);
	}

	private static List<String> labels(List<String> groups) {
		return groups.stream().map(group -> Agency.ofGroup(group).map(Agency::label).orElse(group)).toList();
	}

	/** A diagram shown on the case page: its process and the names of the case's current steps in it. */
	record Diagram(String processKey, List<String> currentSteps) {
	}

	/** The main process always, then each sub-process with an open step, each with its current steps. */
	static List<Diagram> diagrams(List<CaseProgress.OpenStep> open, String mainKey) {
		List<String> keys = new ArrayList<>(List.of(mainKey));
		open.stream().map(CaseProgress.OpenStep::processKey).distinct().filter(key -> !keys.contains(key)).forEach(keys::add);
		return keys.stream()
			.map(key -> new Diagram(key, open.stream().filter(step -> step.processKey().equals(key))
				.map(CaseProgress.OpenStep::name)
				.toList()))
			.toList();
	}
}
