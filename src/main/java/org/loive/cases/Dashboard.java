package org.loive.cases;

import org.loive.access.Officer;
import org.loive.platform.Vietnam;
import org.loive.workflow.CaseProgress;
import org.loive.workflow.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A supervisor's view of the province: where its open cases stand, which steps and agencies are late,
 * the escalations, each agency's workload and this month's intake against last month's. Counts only, no
 * personal data; the engine's open steps are read once.
 */
@Service
class Dashboard {

	/** How many of the latest escalations the dashboard lists. */
	static final int LATEST = 5;

	/** Open and unclaimed steps of an agency. */
	record Workload(int open, int unclaimed) {
	}

	/** A step of the chain and how many of its open instances are overdue. */
	record LateStep(String taskKey, String name, int overdue) {
	}

	record Figures(Map<Stage, Integer> openByStage, Map<String, Integer> overdueByAgency, List<LateStep> overdueBySteps,
			long escalationCount, List<CaseProgress.ProvinceEscalation> latestEscalations, Map<String, Workload> workload,
			YearMonth thisMonth, long receivedThisMonth, long receivedLastMonth) {

		public int openCases() {
			return openByStage.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int overdueSteps() {
			return overdueBySteps.stream().mapToInt(LateStep::overdue).sum();
		}
	}

	private final Cases cases;
	private final CaseProgress progress;
	private final Clock clock;

	Dashboard(Cases cases, CaseProgress progress, Clock clock) {
		this.cases = cases;
		this.progress = progress;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Figures of(Officer officer) {
		String province = officer.province();
		List<CaseProgress.ProvinceStep> steps = progress.openStepsOf(province);
		Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
		Map<UUID, Stage> caseStages = new HashMap<>();
		steps.forEach(step -> caseStages.merge(step.caseId(), step.stage(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
		caseStages.values().forEach(stage -> byStage.merge(stage, 1, Integer::sum));
		Map<String, Integer> overdueByAgency = new TreeMap<>();
		Map<String, LateStep> overdueByStep = new TreeMap<>();
		Map<String, Workload> workload = new TreeMap<>();
		for (CaseProgress.ProvinceStep step : steps) {
			for (String agency : step.agencies()) {
				workload.merge(agency, new Workload(1, step.assignee() == null ? 1 : 0),
						(a, b) -> new Workload(a.open() + b.open(), a.unclaimed() + b.unclaimed()));
				if (step.overdue()) {
					overdueByAgency.merge(agency, 1, Integer::sum);
				}
			}
			if (step.overdue()) {
				overdueByStep.merge(step.taskKey(), new LateStep(step.taskKey(), step.name(), 1),
						(a, b) -> new LateStep(a.taskKey(), a.name(), a.overdue() + b.overdue()));
			}
		}
		YearMonth thisMonth = YearMonth.now(clock.withZone(Vietnam.ZONE));
		return new Figures(byStage, overdueByAgency, List.copyOf(overdueByStep.values()),
				progress.escalationCountOf(province), progress.latestEscalationsOf(province, LATEST), workload, thisMonth,
				cases.receivedIn(province, thisMonth), cases.receivedIn(province, thisMonth.minusMonths(1)));
	}
}
