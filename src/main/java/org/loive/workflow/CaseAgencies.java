package org.loive.workflow;

import org.loive.access.CaseInvolvement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The agencies with work on a case, read from the engine's history of every process of the case (the
 * chain and its sub-processes, service referrals included): each candidate group of a task open now or
 * done before. The access decision point asks this before any victim data is shown, so it is one indexed
 * query on the history tables (business key, process instance, task) rather than a query per task through
 * the engine's API, which cost a read about 1.5 ms more (docs/benchmarks.md).
 */
@Component
class CaseAgencies implements CaseInvolvement {

	private final JdbcClient jdbc;

	CaseAgencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> agencies(UUID caseId) {
		Map<String, String> agencies = new TreeMap<>();
		jdbc.sql("""
				select link.group_id_, task.id_, task.end_time_ is null as open
				from act_hi_procinst process
				join act_hi_taskinst task on task.proc_inst_id_ = process.id_
				join act_hi_identitylink link on link.task_id_ = task.id_
				where process.business_key_ = :case and link.type_ = 'candidate' and link.operation_type_ = 'add'
				  and link.group_id_ is not null
				order by task.start_time_""")
			.param("case", caseId.toString())
			.query((row, n) -> {
				String openTask = row.getBoolean(3) ? row.getString(2) : null;
				agencies.merge(row.getString(1), openTask == null ? "" : openTask, (known, next) -> next.isEmpty() ? known : next);
				return null;
			})
			.list();
		agencies.replaceAll((agency, task) -> task.isEmpty() ? null : task);
		return agencies;
	}
}
