package org.loive.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.loive.access.CaseInvolvement;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The agencies with work on a case, read from the engine's history of every process of the case (the
 * chain and its sub-processes, service referrals included): each candidate group of a task open now or
 * done before. The access decision point asks this before any victim data is shown.
 */
@Component
class CaseAgencies implements CaseInvolvement {

	private final HistoryService history;

	CaseAgencies(HistoryService history) {
		this.history = history;
	}

	@Override
	public Map<String, String> agencies(UUID caseId) {
		Map<String, String> agencies = new TreeMap<>();
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()) {
			String openTask = task.getEndTime() == null ? task.getId() : null;
			for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
				.taskId(task.getId())
				.type(IdentityLinkType.CANDIDATE)
				.list()) {
				if (link.getGroupId() != null) {
					agencies.merge(link.getGroupId(), openTask == null ? "" : openTask,
							(known, next) -> next.isEmpty() ? known : next);
				}
			}
		}
		agencies.replaceAll((agency, task) -> task.isEmpty() ? null : task);
		return agencies;
	}
}
