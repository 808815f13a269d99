package org.loive.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
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

	boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}
}
