package org.loive.reporting;

import org.springframework.context.MessageSource;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The words of the exports, from the bundle i18n/reporting-exports. */
final class ExportText {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	ExportText(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/**
	 * The period as a report names it: "quý I năm 2026", "6 tháng đầu năm 2026", "từ ngày … đến ngày …". A period
	 * cut off on another day than its calendar end (Decree 09/2019: 15th to 14th) is named after its last day, with
	 * the days its data covers.
	 */
	String period(ReportPeriod period, Locale locale) {
		LocalDate last = period.to();
		String y = Integer.toString(last.getYear());
		String name = switch (period.kind()) {
			case MONTH -> get("report.export.period.MONTH", locale, last.getMonthValue(), y);
			case QUARTER -> get("report.export.period.QUARTER", locale,
					List.of("I", "II", "III", "IV").get((last.getMonthValue() - 1) / 3), y);
			case HALF_YEAR -> get("report.export.period.HALF_YEAR." + (last.getMonthValue() <= 6 ? 1 : 2), locale, "", y);
			case YEAR -> get("report.export.period.YEAR", locale, "", y);
			case PHASE -> get("report.export.period.PHASE", locale, Integer.toString(period.aligned() ? period.from().getYear() : last.getYear() - 4), y);
			case CAMPAIGN, AD_HOC -> range(period, locale);
		};
		return period.aligned() || period.kind() == ReportPeriod.Kind.CAMPAIGN || period.kind() == ReportPeriod.Kind.AD_HOC
				? name : get("report.export.period.CUT_OFF", locale, name, range(period, locale));
	}

	private String range(ReportPeriod period, Locale locale) {
		return get("report.export.period.RANGE", locale, DAY.format(period.from()), DAY.format(period.to()));
	}

	String subject(ReportPeriod period, Locale locale) {
		return get("report.export.subject", locale, period(period, locale));
	}

	String note(int threshold, Locale locale) {
		return get("report.export.note", locale, threshold - 1, threshold);
	}

	String result(SmallCellReport.Indicator indicator, int threshold, Locale locale) {
		return get("report.export.result", locale, indicator.numerator().text(locale, threshold),
				indicator.denominator().text(locale, threshold));
	}

	String share(SmallCellReport.Indicator indicator, Locale locale) {
		if (indicator.share() == null) {
			return get("report.export.none", locale);
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(indicator.share()) + "%";
	}

	String target(SmallCellReport.Indicator indicator, Locale locale) {
		if (indicator.target() == null) {
			return get("report.export.none", locale);
		}
		String percent = NumberFormat.getNumberInstance(locale).format(indicator.target().percent());
		String target = get(indicator.target().strictlyAbove() ? "report.export.targetAbove" : "report.export.targetAtLeast",
				locale, percent);
		return indicator.plan() == null ? target : target + " " + get("report.export.targetPlan", locale, indicator.plan());
	}

	String met(SmallCellReport.Indicator indicator, Locale locale) {
		if (indicator.target() == null) {
			return get("report.export.none", locale);
		}
		if (indicator.met() == null) {
			return get("report.export.notAssessed", locale);
		}
		return get(indicator.met() ? "report.export.met" : "report.export.notMet", locale);
	}
}
