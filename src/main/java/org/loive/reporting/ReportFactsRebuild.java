package org.loive.reporting;

import org.loive.cases.CaseEvents;
import org.loive.cases.CaseHistory;
import org.loive.criminal.CriminalCaseHistory;
import org.loive.workflow.ChainHistory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rebuilds the read model (report_case, report_person, report_fact) from what the other modules kept: the
 * application's tables and the engine's history. In one transaction it empties the tables and replays every
 * event in the order it happened through {@link FactRecorder}, the one home of the mapping rules, so that a case
 * is where it was at each moment; rebuilding twice gives the same rows.
 */
@Component
class ReportFactsRebuild {

	/** What the read model holds after a rebuild: counts only. */
	record Counts(long cases, long persons, long facts) {
	}

	/** An event to replay, when it happened; at the same instant, the lower rank first (a case before its persons). */
	private record Replayed(Instant at, int rank, Runnable record) {
	}

	private final FactRecorder recorder;
	private final FactTable facts;
	private final CaseDimensions dimensions;
	private final CaseHistory cases;
	private final ChainHistory chain;
	private final CriminalCaseHistory criminal;
	private final TransactionTemplate transaction;

	ReportFactsRebuild(FactRecorder recorder, FactTable facts, CaseDimensions dimensions, CaseHistory cases,
			ChainHistory chain, CriminalCaseHistory criminal, PlatformTransactionManager transactions) {
		this.recorder = recorder;
		this.facts = facts;
		this.dimensions = dimensions;
		this.cases = cases;
		this.chain = chain;
		this.criminal = criminal;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Whether the read model lacks the data that existed before it: no fact, and yet cases. */
	boolean needed() {
		return facts.empty() && cases.any();
	}

	Counts rebuild() {
		return transaction.execute(status -> {
			facts.clear();
			dimensions.clear();
			timeline().forEach(event -> event.record().run());
			return new Counts(dimensions.cases(), dimensions.persons(), facts.count());
		});
	}

	private List<Replayed> timeline() {
		List<Replayed> timeline = new ArrayList<>();
		CaseHistory.Replay replay = cases.replay();
		add(timeline, 0, replay.registrations(), recorder::on);
		add(timeline, 1, replay.persons(), recorder::on);
		chain.replay().forEach(event -> timeline.add(new Replayed(event.at(), 2, () -> recorder.on(event))));
		add(timeline, 3, replay.resolutions(), recorder::on);
		add(timeline, 4, replay.transfers(), recorder::on);
		add(timeline, 5, replay.withdrawals(), recorder::on);
		criminal.milestones().forEach(event -> timeline.add(new Replayed(event.recordedAt(), 6, () -> recorder.on(event))));
		criminal.links().forEach(event -> timeline.add(new Replayed(event.linkedAt(), 7, () -> recorder.on(event))));
		timeline.sort(Comparator.comparing(Replayed::at).thenComparingInt(Replayed::rank));
		return timeline;
	}

	private static <E> void add(List<Replayed> timeline, int rank, List<CaseEvents.Recorded<E>> events, Consumer<E> record) {
		events.forEach(event -> timeline.add(new Replayed(event.at(), rank, () -> record.accept(event.event()))));
	}
}
