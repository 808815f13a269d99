package org.loive.reporting;

import org.loive.access.AdministrativeUnits;
import org.loive.access.Officer;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.Vietnam;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The supervisor's reports of their province, for the pages and the API alike: the exact figures inside the
 * province (every view on the audit trail), the cases behind a figure, trends, and the exports that leave the
 * province, always suppressed. Only a supervisor with a province sees any of it.
 */
@Service
class ReportViews {

	/** How many periods a trend shows. */
	static final int TREND_POINTS = 6;

	/** A report and how to name it. */
	record Shown(Report report, String provinceName, String periodParameter, String periodLabel) {
	}

	/** A case behind a figure: its id and human reference. */
	record CaseBehind(UUID caseId, String reference) {
	}

	/** An export: its bytes, media type and file name. */
	record Export(byte[] content, String mediaType, String fileName) {
	}

	/** The formats of an export. */
	enum Format { DOCX, XLSX, CSV }

	private final Reports reports;
	private final SmallCells smallCells;
	private final DocxReport docx;
	private final XlsxReport xlsx;
	private final CsvReport csv;
	private final CaseDimensions cases;
	private final AdministrativeUnits units;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;

	ReportViews(Reports reports, SmallCells smallCells, DocxReport docx, XlsxReport xlsx, CsvReport csv,
			CaseDimensions cases, AdministrativeUnits units, AuditLog audit, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.smallCells = smallCells;
		this.docx = docx;
		this.xlsx = xlsx;
		this.csv = csv;
		this.cases = cases;
		this.units = units;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The period a report opens on: the quarter of today in Vietnam. */
	ReportPeriod defaultPeriod() {
		return PeriodParameter.parse(today().getYear() + "-Q" + ((today().getMonthValue() + 2) / 3)).orElseThrow();
	}

	/** Periods a supervisor picks most: this and last month, quarter, half-year and year, the programme phase. */
	List<ReportPeriod> shortcuts() {
		YearMonth month = YearMonth.from(today());
		List<String> parameters = List.of(month.toString(), month.minusMonths(1).toString(),
				month.getYear() + "-Q" + ((month.getMonthValue() + 2) / 3),
				month.getYear() + "-H" + (month.getMonthValue() <= 6 ? 1 : 2), Integer.toString(month.getYear()),
				Integer.toString(month.getYear() - 1), month.getYear() <= 2025 ? "2021-2025" : "2026-2030");
		List<ReportPeriod> periods = new ArrayList<>();
		parameters.forEach(parameter -> PeriodParameter.parse(parameter).ifPresent(periods::add));
		return periods;
	}

	/** The exact figures of the officer's province for the period, the view on record. */
	@Transactional
	Shown report(Officer officer, ReportPeriod period, Locale locale) {
		String province = province(officer);
		audit.record(AuditEvent.of(AuditAction.REPORT_VIEW, officer.actor()).purpose(purpose(province, period)));
		return shown(reports.report(province, period, locale), locale);
	}

	/** The cases behind a figure of an indicator, those of the officer's province; 404 for no such indicator. */
	@Transactional
	List<CaseBehind> casesBehind(Officer officer, String indicator, ReportPeriod period, Indicators.Figure figure) {
		String province = province(officer);
		List<UUID> ids = reports.cases(indicator, province, period, figure)
			.orElseThrow(() -> ApiException.notFound("report.no-indicator", indicator));
		audit.record(AuditEvent.of(AuditAction.REPORT_VIEW, officer.actor())
			.purpose(purpose(province, period) + ":cases:" + indicator + ":" + figure));
		return cases.references(ids).entrySet().stream()
			.map(entry -> new CaseBehind(entry.getKey(), entry.getValue()))
			.toList();
	}

	/** An indicator over the periods up to this one; 404 for no such indicator. */
	@Transactional(readOnly = true)
	List<Reports.TrendPoint> trend(Officer officer, String indicator, ReportPeriod last, Locale locale) {
		return reports.trend(indicator, province(officer), last, TREND_POINTS, locale)
			.orElseThrow(() -> ApiException.notFound("report.no-indicator", indicator));
	}

	/** The shares of the plans' targets over the periods up to this one, as the trend chart draws them. */
	@Transactional(readOnly = true)
	String trendChart(Officer officer, ReportPeriod last, Locale locale) {
		String province = province(officer);
		Report current = reports.report(province, last, locale);
		List<IndicatorValue> targets = current.indicators().stream().filter(value -> value.target() != null).toList();
		List<List<Reports.TrendPoint>> series = targets.stream()
			.map(value -> reports.trend(value.id(), province, last, TREND_POINTS, locale).orElseThrow())
			.toList();
		ExportText text = new ExportText(messages);
		List<ReportTable.Row> rows = new ArrayList<>();
		for (int point = 0; point < TREND_POINTS; point++) {
			int at = point;
			rows.add(new ReportTable.Row(PeriodParameter.format(series.isEmpty() ? last : series.get(0).get(at).period()),
					series.isEmpty() ? "" : text.period(series.get(0).get(at).period(), locale),
					series.stream().map(points -> Optional.ofNullable(points.get(at).value().share())
						.map(share -> Math.round(share.doubleValue())).orElse(0L)).toList()));
		}
		ReportTable table = new ReportTable("trend", messages.getMessage("reports.trend.percent", null, locale),
				targets.stream().map(IndicatorValue::id).toList(), rows, false, false);
		return ReportChart.svg(smallCells.publish(new Report(province, last, clock.instant(), List.of(), List.of(table)),
				false).tables().get(0), messages.getMessage("reports.trend.note", null, locale));
	}

	/** A table's chart with exact counts, for the province's own page. */
	@Transactional(readOnly = true)
	Optional<String> tableChart(Officer officer, ReportPeriod period, String key, Locale locale) {
		Report report = reports.report(province(officer), period, locale);
		return smallCells.publish(report, false).tables().stream()
			.filter(table -> table.key().equals(key))
			.findFirst()
			.map(table -> ReportChart.svg(table, ""));
	}

	/**
	 * The report leaving the province: suppressed, as DOCX (with a letterhead of the province's supervisor), XLSX,
	 * or CSV (the indicators, or one table by key). On record with what left.
	 */
	@Transactional
	Export export(Officer officer, ReportPeriod period, Format format, String table, Locale locale) {
		String province = province(officer);
		Report report = reports.report(province, period, locale);
		if (table != null && report.tables().stream().noneMatch(candidate -> candidate.key().equals(table))) {
			throw ApiException.notFound("report.no-table", table);
		}
		audit.record(AuditEvent.of(AuditAction.REPORT_EXPORT, officer.actor())
			.purpose(purpose(province, period) + ":" + format + (table == null ? "" : ":" + table)));
		String name = "bao-cao-" + province + "-" + PeriodParameter.format(period);
		return switch (format) {
			case DOCX -> new Export(docx.render(report, letterhead(province, locale), true, locale),
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
			case XLSX -> new Export(xlsx.render(report, true, locale),
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
			case CSV -> new Export(table == null ? csv.indicators(report, true, locale) : csv.table(report, table, true, locale),
					"text/csv;charset=UTF-8", name + (table == null ? "" : "-" + table) + ".csv");
		};
	}

	/** The letterhead of an export made outside a submission: the province's steering committee, number blank. */
	Letterhead letterhead(String province, Locale locale) {
		String name = provinceName(province);
		return new Letterhead(messages.getMessage("reports.letterhead.parent", new Object[] { name }, locale),
				messages.getMessage("reports.letterhead.agency", new Object[] { name }, locale), null, name, today(),
				List.of(messages.getMessage("reports.letterhead.recipient", new Object[] { name }, locale),
						messages.getMessage("reports.letterhead.archive", null, locale)),
				messages.getMessage("reports.letterhead.signer", null, locale), null);
	}

	Shown shown(Report report, Locale locale) {
		return new Shown(report, provinceName(report.province()), PeriodParameter.format(report.period()),
				new ExportText(messages).period(report.period(), locale));
	}

	String periodLabel(ReportPeriod period, Locale locale) {
		return new ExportText(messages).period(period, locale);
	}

	/** The officer's province, if they supervise one; 403 otherwise. */
	static String province(Officer officer) {
		if (!officer.hasRole(Officer.SUPERVISOR) || officer.province() == null) {
			throw ApiException.forbidden("report.supervisors-only");
		}
		return officer.province();
	}

	private String provinceName(String province) {
		return province == null ? "" : units.province(province).map(AdministrativeUnits.Province::nameVi).orElse(province);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Vietnam.ZONE));
	}

	private static String purpose(String province, ReportPeriod period) {
		return "report:" + province + ":" + PeriodParameter.format(period);
	}
}
