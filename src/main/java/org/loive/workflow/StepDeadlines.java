package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.loive.platform.Vietnam;
import org.loive.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
	/** Whole calendar days in Vietnam, today counted: {@code P1D} ends at midnight tonight. */
	static final String SAME_DAY = "SAME_DAY";
	/** Counted from when the report was received ({@code receivedAt}), not from when the step opened. */
	static final String REPORT_RECEIVED = "REPORT_RECEIVED";
	/** Counted from the day the application was received ({@code applicationReceivedOn}), to the end of the due day. */
	static final String APPLICATION_RECEIVED = "APPLICATION_RECEIVED";

	private final WorkingCalendar calendar;
	private final Map<DelegateExecution, Map<String, Date>> computed = Collections.synchronizedMap(new WeakHashMap<>());
	private final DecisionAnswers deadlines = new DecisionAnswers();

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

	/** The last moment of the {@code days}-th calendar day in Vietnam, the day of {@code start} being the first. */
	static Instant endOfDay(Instant start, long days) {
		return endOfDay(start.atZone(Vietnam.ZONE).toLocalDate().plusDays(days - 1));
	}

	/** The last moment of {@code day} in Vietnam. */
	static Instant endOfDay(LocalDate day) {
		return day.plusDays(1).atStartOfDay(Vietnam.ZONE).toInstant().minusSeconds(1);
	}

	private Date compute(DelegateExecution execution, String step) {
		Map<String, Object> deadline = deadlines.single(execution, Decisions.STEP_DEADLINES, inputs(execution, step));
		Duration limit = Duration.parse((String) deadline.get("duration"));
		Object kind = deadline.get("calendar");
		Object countedFrom = deadline.get("countedFrom");
		if (APPLICATION_RECEIVED.equals(countedFrom)) {
			int days = (int) limit.toDays();
			LocalDate received = applicationDay(execution);
			return Date.from(endOfDay(WORKING.equals(kind) ? calendar.addWorkingDays(received, days) : received.plusDays(days)));
		}
		Object receivedAt = execution.getVariable(ReferralVariables.RECEIVED_AT);
		Instant start = REPORT_RECEIVED.equals(countedFrom) && receivedAt instanceof Date at ? at.toInstant()
				: ClockUtil.getCurrentTime().toInstant();
		Instant due = WORKING.equals(kind) ? calendar.dueAfterWorkingDays(start, (int) limit.toDays())
				: SAME_DAY.equals(kind) ? endOfDay(start, limit.toDays()) : calendar.dueAfter(start, limit);
		return Date.from(due);
	}

	/** The day the application was received, today when the commune left it out. */
	private static LocalDate applicationDay(DelegateExecution execution) {
		Object day = execution.getVariable(ReferralVariables.APPLICATION_RECEIVED_ON);
		return day instanceof String iso ? LocalDate.parse(iso)
				: ClockUtil.getCurrentTime().toInstant().atZone(Vietnam.ZONE).toLocalDate();
	}

	/** The columns of the table; a case started before a column existed lacks its variable, which matches "any". */
	private static Map<String, Object> inputs(DelegateExecution execution, String step) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("step", step);
		inputs.put("riskLevel", execution.getVariable(ReferralVariables.RISK_LEVEL));
		inputs.put("service", execution.getVariable(ReferralVariables.SERVICE));
		inputs.put("extended", execution.getVariable(ReferralVariables.EXTENSIONS) instanceof Integer count && count > 0);
		return inputs;
	}
}
