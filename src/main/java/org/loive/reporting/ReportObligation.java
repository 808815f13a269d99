package org.loive.reporting;

import org.loive.access.Agency;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reporting obligation of a plan, as configured under {@code loive.reporting.calendar}: which periods, the day
 * their data are cut off, the day they are due, the agency responsible, the plans it comes from. Its name and
 * recipient are messages {@code reports.obligation.<id>} and {@code reports.obligation.<id>.recipient}.
 *
 * @param of which months, quarters or halves of the year it covers (all when empty)
 * @param cutoffDay the data run to this day of the period's last month plus {@code cutoffMonthOffset}, from the
 * day after the cut-off before: 14 as Decree 09/2019 Art. 12 says, 0 for the calendar period, 31 for the month's end
 * @param dueBeforeDay "trước ngày X" of the period's last month plus {@code dueMonthOffset}: due by the end of day X − 1
 * @param from the first day of a PHASE, CAMPAIGN or AD_HOC period
 * @param to its last day
 */
record ReportObligation(String id, ReportPeriod.Kind period, @DefaultValue List<Integer> of,
		@DefaultValue("14") int cutoffDay, @DefaultValue("0") int cutoffMonthOffset, int dueBeforeDay,
		@DefaultValue("0") int dueMonthOffset, LocalDate from, LocalDate to, Agency responsibleAgency, String source) {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

	ReportObligation {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("a reporting obligation needs an id of lower-case letters, digits and '-': " + id);
		}
		if (period == null || responsibleAgency == null) {
			throw new IllegalArgumentException("reporting obligation " + id + " needs a period and a responsible-agency");
		}
		if (dueBeforeDay < 1 || dueBeforeDay > 31 || cutoffDay < 0 || cutoffDay > 31) {
			throw new IllegalArgumentException("reporting obligation " + id + ": due-before-day 1–31, cutoff-day 0–31");
		}
		boolean ranged = period == ReportPeriod.Kind.PHASE || period == ReportPeriod.Kind.CAMPAIGN
				|| period == ReportPeriod.Kind.AD_HOC;
		if (ranged != (from != null && to != null) || (ranged && to.isBefore(from))) {
			throw new IllegalArgumentException("reporting obligation " + id
					+ ": a phase, campaign or ad hoc report has from and to (in order), the others neither");
		}
		of = List.copyOf(of);
		int most = switch (period) {
			case MONTH -> 12;
			case QUARTER -> 4;
			case HALF_YEAR -> 2;
			default -> 1;
		};
		if (of.stream().anyMatch(n -> n < 1 || n > most)) {
			throw new IllegalArgumentException("reporting obligation " + id + ": 'of' counts 1 to " + most);
		}
	}

	/** The periods of the obligation whose nominal last month falls in the years given, in order. */
	List<ReportCalendar.Due> occurrences(int firstYear, int lastYear) {
		List<ReportCalendar.Due> dues = new ArrayList<>();
		if (from != null) {
			dues.add(due(YearMonth.from(from), YearMonth.from(to)));
			return dues;
		}
		int months = switch (period) {
			case MONTH -> 1;
			case QUARTER -> 3;
			case HALF_YEAR -> 6;
			default -> 12;
		};
		for (int year = firstYear; year <= lastYear; year++) {
			for (int n = 1; n <= 12 / months; n++) {
				if (of.isEmpty() || of.contains(n)) {
					YearMonth first = YearMonth.of(year, (n - 1) * months + 1);
					dues.add(due(first, first.plusMonths(months - 1)));
				}
			}
		}
		return dues;
	}

	private ReportCalendar.Due due(YearMonth first, YearMonth last) {
		ReportPeriod data;
		if (period == ReportPeriod.Kind.CAMPAIGN || period == ReportPeriod.Kind.AD_HOC) {
			data = new ReportPeriod(period, from, to);
		}
		else if (cutoffDay == 0) {
			data = new ReportPeriod(period, first.atDay(1), last.atEndOfMonth());
		}
		else {
			data = new ReportPeriod(period, cutOff(first.minusMonths(1)).plusDays(1), cutOff(last));
		}
		YearMonth dueMonth = last.plusMonths(dueMonthOffset);
		LocalDate dueOn = dueMonth.atDay(Math.min(dueBeforeDay, dueMonth.lengthOfMonth())).minusDays(1);
		return new ReportCalendar.Due(this, data, dueOn);
	}

	private LocalDate cutOff(YearMonth month) {
		YearMonth shifted = month.plusMonths(cutoffMonthOffset);
		return shifted.atDay(Math.min(cutoffDay, shifted.lengthOfMonth()));
	}
}
