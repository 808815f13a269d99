package org.loive.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days a report covers, both ends included, as days in Vietnam: a month, a quarter, a half-year, a year, a
 * programme phase, a campaign or an ad hoc range.
 */
record ReportPeriod(Kind kind, LocalDate from, LocalDate to) {

	enum Kind { MONTH, QUARTER, HALF_YEAR, YEAR, PHASE, CAMPAIGN, AD_HOC }

	ReportPeriod {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("a period ends on or after its first day");
		}
	}

	static ReportPeriod month(YearMonth month) {
		return new ReportPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	static ReportPeriod year(int year) {
		return new ReportPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * Whether the period is the calendar month, quarter, half-year, year or phase its kind names. One cut off as
	 * Decree 09/2019 says (15th of the month before to the 14th) is not: it is named after its last day.
	 */
	boolean aligned() {
		YearMonth last = YearMonth.from(to);
		int months = switch (kind) {
			case MONTH -> 1;
			case QUARTER -> 3;
			case HALF_YEAR -> 6;
			case YEAR -> 12;
			case PHASE -> (int) (ChronoUnit.MONTHS.between(YearMonth.from(from), last) + 1);
			case CAMPAIGN, AD_HOC -> 0;
		};
		return months > 0 && to.equals(last.atEndOfMonth()) && from.equals(last.minusMonths(months - 1).atDay(1))
				&& (last.getMonthValue() % Math.min(months, 12) == 0);
	}

	boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}
}
