package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.loive.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Bean {@code stepDeadlines} of the BPMN: when a step is due, from table {@code step-deadlines}
 * (changing a deadline is an edit of that table) counted in calendar or working days.
 */
@Component("stepDeadlines")
public class StepDeadlines {

	static final String WORKING = "WORKING";

	private final WorkingCalendar calendar;
	private final Map<DelegateExecution, Map<String, Date>> computed = Collections.synchronizedMap(new WeakHashMap<>());

	public StepDeadlines(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * Due date of {@code step} started now; used for the task's due date and its overdue timer, which get
	 * the same instant. It is remembered beside the step's execution object only while that object lives
	 * (one command): a process variable would change the stored execution.
	 */
	public Date dueDate(DelegateExecution execution, String step) {
		return computed.computeIfAbsent(execution, key -> new HashMap<>())
			.computeIfAbsent(step, key -> compute(execution, step));
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
