package org.loive.workflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcEscalations implements Escalations {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	JdbcEscalations(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public void raise(Escalation escalation) {
		int raised = jdbc.sql("""
				insert into escalation (task_id, case_id, province, task_key, task_name, candidate_groups, due_at, raised_at)
				values (:task, :case, :province, :key, :name, :groups, :due, :raised)
				on conflict (task_id) do nothing""")
			.param("task", escalation.taskId())
			.param("case", escalation.caseId())
			.param("province", escalation.province())
			.param("key", escalation.taskKey())
			.param("name", escalation.taskName())
			.param("groups", String.join(",", escalation.candidateGroups()))
			.param("due", Timestamp.from(escalation.dueAt()))
			.param("raised", Timestamp.from(escalation.raisedAt()))
			.update();
		if (raised == 1) {
			events.publishEvent(event(escalation));
		}
	}

	/** What the reports count of an escalation, live and when rebuilt. */
	static ChainEvent event(Escalation escalation) {
		return new ChainEvent(ChainEvent.Kind.ESCALATED, escalation.caseId(), null, escalation.province(),
				escalation.candidateGroups().stream().findFirst().orElse(null), escalation.taskKey(), null,
				escalation.raisedAt(), null, escalation.dueAt(), "ESCALATED:" + escalation.taskId());
	}

	/** Every escalation, in the order raised (the reports' rebuild). */
	List<Escalation> all() {
		return jdbc.sql("select * from escalation order by raised_at, id").query((row, n) -> map(row)).list();
	}

	List<Escalation> ofProvince(String province, int limit) {
		return jdbc.sql("""
				select * from escalation where province = :province order by raised_at desc limit :limit""")
			.param("province", province)
			.param("limit", limit)
			.query((row, n) -> map(row))
			.list();
	}

	List<Escalation> ofCase(UUID caseId) {
		return jdbc.sql("select * from escalation where case_id = :case order by raised_at")
			.param("case", caseId)
			.query((row, n) -> map(row))
			.list();
	}

	Optional<Escalation> ofTask(String taskId) {
		return jdbc.sql("select * from escalation where task_id = :task").param("task", taskId)
			.query((row, n) -> map(row)).optional();
	}

	private static Escalation map(java.sql.ResultSet row) throws java.sql.SQLException {
		return new Escalation(row.getString("task_id"), row.getObject("case_id", UUID.class), row.getString("province"),
				row.getString("task_key"), row.getString("task_name"),
				List.of(row.getString("candidate_groups").split(",")), row.getTimestamp("due_at").toInstant(),
				row.getTimestamp("raised_at").toInstant());
	}
}
