package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.loive.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Bean {@code stepDeadlines} of the BPMN: when a step is due, from table {@code step-deadlines}
 * (changing a deadline is an edit of that table) counted in calendar or working days.
 */
@Component("stepDeadlines")
public class StepDeadlines {

	static final String WORKING = "WORKING";

	private final WorkingCalendar calendar;

	public StepDeadlines(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * Due date of {@code step} started now; used for the task's due date and its overdue timer, which get
	 * the same instant: it is kept for the transaction as a transient variable of the step's execution.
	 */
	public Date dueDate(DelegateExecution execution, String step) {
		String name = "dueAt_" + step;
		if (execution.getVariableLocal(name) instanceof Date due) {
			return due;
		}
		Date due = compute(execution, step);
		execution.setVariableLocal(name, Variables.dateValue(due, true));
		return due;
	}

	private Date compute(DelegateExecution execution, String step) {
		Map<String, Object> deadline = Decisions.single(execution, Decisions.STEP_DEADLINES, Map.of("step", step));
		Duration limit = Duration.parse((String) deadline.get("duration"));
		Instant start = ClockUtil.getCurrentTime().toInstant();
		Instant due = WORKING.equals(deadline.get("calendar")) ? calendar.dueAfterWorkingDays(start, (int) limit.toDays())
				: calendar.dueAfter(start, limit);
		return Date.from(due);
	}
}
