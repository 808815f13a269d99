package org.loive.reporting;

import org.loive.platform.InvalidRequestException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as the pages and the API name it: {@code 2026-11} (month), {@code 2026-Q3}, {@code 2026-H1},
 * {@code 2026} (year), {@code 2021-2025} or {@code 2026-2030} (programme phase), or
 * {@code 2022-07-01..2022-09-30} (a campaign or any other range of days). Anything else is not a period.
 */
final class PeriodParameter {

	private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
	private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
	private static final Pattern HALF = Pattern.compile("^(\\d{4})-H([12])$");
	private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
	private static final Pattern PHASE = Pattern.compile("^(2021-2025|2026-2030)$");
	private static final Pattern RANGE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$");

	/** The longest range a report covers: a programme phase. */
	static final int MAX_DAYS = 5 * 366;

	private PeriodParameter() {
	}

	static Optional<ReportPeriod> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		try {
			return Optional.ofNullable(period(value)).filter(PeriodParameter::plausible);
		}
		catch (DateTimeException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static ReportPeriod period(String value) {
		Matcher m;
		if ((m = PHASE.matcher(value)).matches()) {
			int first = Integer.parseInt(value.substring(0, 4));
			return new ReportPeriod(ReportPeriod.Kind.PHASE, LocalDate.of(first, 1, 1), LocalDate.of(first + 4, 12, 31));
		}
		if ((m = MONTH.matcher(value)).matches()) {
			return ReportPeriod.month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		}
		if ((m = QUARTER.matcher(value)).matches()) {
			YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3 - 2);
			return new ReportPeriod(ReportPeriod.Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
		}
		if ((m = HALF.matcher(value)).matches()) {
			YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 6 - 5);
			return new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, first.atDay(1), first.plusMonths(5).atEndOfMonth());
		}
		if ((m = YEAR.matcher(value)).matches()) {
			return ReportPeriod.year(Integer.parseInt(m.group(1)));
		}
		if ((m = RANGE.matcher(value)).matches()) {
			return new ReportPeriod(ReportPeriod.Kind.AD_HOC, LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
		}
		return null;
	}

	private static boolean plausible(ReportPeriod period) {
		return period.from().getYear() >= 2000 && period.to().getYear() <= 2100
				&& period.to().toEpochDay() - period.from().toEpochDay() < MAX_DAYS;
	}

	/** The period a request names, the fallback when it names none; one it names but cannot be read is a 400. */
	static ReportPeriod requested(String text, Supplier<ReportPeriod> fallback) {
		return text == null ? fallback.get() : parse(text).orElseThrow(() -> new InvalidRequestException(
				List.of(new InvalidRequestException.Rejection("period", "validation.period"))));
	}

	/** The parameter naming a period, the inverse of {@link #parse}. */
	static String format(ReportPeriod period) {
		LocalDate from = period.from();
		if (!period.aligned()) {
			return from + ".." + period.to();
		}
		return switch (period.kind()) {
			case MONTH -> YearMonth.from(from).toString();
			case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() + 2) / 3);
			case HALF_YEAR -> from.getYear() + "-H" + (from.getMonthValue() < 7 ? 1 : 2);
			case YEAR -> String.valueOf(from.getYear());
			case PHASE -> from.getYear() + "-" + period.to().getYear();
			case CAMPAIGN, AD_HOC -> from + ".." + period.to();
		};
	}

	/** The period of the same kind just before this one (a trend's previous point). */
	static ReportPeriod previous(ReportPeriod period) {
		return switch (period.kind()) {
			case MONTH -> ReportPeriod.month(YearMonth.from(period.from()).minusMonths(1));
			case QUARTER -> shifted(period, 3);
			case HALF_YEAR -> shifted(period, 6);
			case YEAR -> ReportPeriod.year(period.from().getYear() - 1);
			case PHASE -> new ReportPeriod(period.kind(), period.from().minusYears(5), period.to().minusYears(5));
			case CAMPAIGN, AD_HOC -> {
				long days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
				yield new ReportPeriod(period.kind(), period.from().minusDays(days), period.from().minusDays(1));
			}
		};
	}

	private static ReportPeriod shifted(ReportPeriod period, int months) {
		YearMonth first = YearMonth.from(period.from()).minusMonths(months);
		return new ReportPeriod(period.kind(), first.atDay(1), first.plusMonths(months - 1).atEndOfMonth());
	}
}
