package org.loive.workflow;

import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An open task that an officer may act on, with what claiming, releasing and completing it need (its case and
 * province, its reference and service, its agencies), read in one SQL query over the engine's runtime tables. The
 * engine's task query would give the same in four commands, and it builds its SQL anew at every call (MyBatis
 * evaluating the mapping's many conditions): under load that was a fifth of a node's time.
 */
@Component
class ActionableTask {

	/** The task's row; {@code province} is the officer's, which the query required. */
	record Row(String id, String taskKey, String name, String assignee, Instant created, Instant due, String caseId,
			String province, String reference, String service, List<String> candidateGroups) {

		VictimDataAccess.CaseScope scope() {
			return new VictimDataAccess.CaseScope(UUID.fromString(caseId), province);
		}

		Row assignedTo(String username) {
			return new Row(id, taskKey, name, username, created, due, caseId, province, reference, service,
					candidateGroups);
		}

		TaskView view(Instant now) {
			return new TaskView(id, taskKey, name, caseId, reference, service, candidateGroups, assignee, created, due,
					due != null && due.isBefore(now), TaskForms.schemaName(taskKey));
		}
	}

	private final JdbcClient jdbc;

	ActionableTask(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The task, if it is open in the officer's province and offered to one of their agencies or assigned to them;
	 * the variables are the process instance's own (a multi-instance element's {@code service} is not the task's).
	 */
	Optional<Row> of(String taskId, Officer officer) {
		if (officer.agencies().isEmpty() || officer.province() == null) {
			return Optional.empty();
		}
		return actionable(COLUMNS, "and t.id_ = :id", officer, null, null).param("id", taskId)
			.query((row, n) -> row(row, officer.province()))
			.optional();
	}

	/**
	 * One page of the officer's actionable tasks as the inbox narrows and orders them (due date, then creation), with
	 * the count of all that match; the officer must have an agency and a province.
	 */
	TaskPage page(Officer officer, InboxQuery inbox, int page, int size, Instant now) {
		StringBuilder narrowed = new StringBuilder();
		switch (inbox.filter()) {
			case MINE -> narrowed.append(" and t.assignee_ = :user");
			case UNCLAIMED -> narrowed.append(" and t.assignee_ is null");
			case OVERDUE -> narrowed.append(" and t.due_date_ < :now");
			case ALL -> {
			}
		}
		if (inbox.step() != null) {
			narrowed.append(" and t.task_def_key_ = :step");
		}
		if (inbox.caseId() != null) {
			narrowed.append(" and exists (select 1 from act_ru_execution e where e.id_ = t.proc_inst_id_"
					+ " and e.business_key_ = :case)");
		}
		long total = actionable("count(*)", narrowed.toString(), officer, inbox, now).query(Long.class).single();
		String order = " order by t.due_date_ " + (inbox.latestFirst() ? "desc" : "asc")
				+ ", t.create_time_ asc, t.id_ asc limit :size offset :offset";
		List<TaskView> items = actionable(COLUMNS, narrowed + order, officer, inbox, now)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, n) -> row(row, officer.province()).view(now))
			.list();
		return new TaskPage(items, page, size, total);
	}

	private static final String COLUMNS = """
			t.id_, t.task_def_key_, t.name_, t.assignee_, t.create_time_, t.due_date_,
			(select v.text_ from act_ru_variable v where v.execution_id_ = t.proc_inst_id_ and v.name_ = :caseIdName) as case_id,
			(select v.text_ from act_ru_variable v where v.execution_id_ = t.proc_inst_id_ and v.name_ = :referenceName) as reference,
			(select v.text_ from act_ru_variable v where v.execution_id_ = t.proc_inst_id_ and v.name_ = :serviceName) as service,
			(select string_agg(l.group_id_, ',' order by l.group_id_) from act_ru_identitylink l
			 where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null) as agencies""";

	/**
	 * The tasks of the officer's province offered to one of their agencies or assigned to them, narrowed further
	 * (the inbox's parameters, when there is one, bound whether or not the narrowing names them).
	 */
	private JdbcClient.StatementSpec actionable(String columns, String narrowed, Officer officer, InboxQuery inbox,
			Instant now) {
		JdbcClient.StatementSpec statement = jdbc.sql("select " + columns + """

				from act_ru_task t
				where exists (select 1 from act_ru_variable p
				              where p.execution_id_ = t.proc_inst_id_ and p.name_ = :provinceName and p.text_ = :province)
				  and (t.assignee_ = :user or exists (select 1 from act_ru_identitylink l
				       where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ in (:agencies)))
				""" + narrowed)
			.param("provinceName", ReferralVariables.PROVINCE)
			.param("province", officer.province())
			.param("user", officer.username())
			.param("agencies", List.copyOf(officer.agencies()))
			.param("caseIdName", ReferralVariables.CASE_ID)
			.param("referenceName", ReferralVariables.REFERENCE)
			.param("serviceName", ReferralVariables.SERVICE);
		return inbox == null ? statement : statement.param("now", Timestamp.from(now))
			.param("step", inbox.step())
			.param("case", inbox.caseId() == null ? null : inbox.caseId().toString());
	}

	private static Row row(ResultSet row, String province) throws SQLException {
		String agencies = row.getString("agencies");
		return new Row(row.getString("id_"), row.getString("task_def_key_"), row.getString("name_"),
				row.getString("assignee_"), instant(row.getTimestamp("create_time_")),
				instant(row.getTimestamp("due_date_")), row.getString("case_id"), province, row.getString("reference"),
				row.getString("service"), agencies == null ? List.of() : Arrays.asList(agencies.split(",")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
