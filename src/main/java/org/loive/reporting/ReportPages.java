package org.loive.reporting;

import org.loive.access.Officer;
import org.loive.platform.web.PageController;
import org.loive.platform.web.SvgImages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The supervisor's reports: targets and indicators of a period, breakdowns, charts, the cases behind a figure, exports. */
@PageController
class ReportPages {

	/** What the reports page shows. */
	record ReportPage(Report report, String provinceName, String periodParameter, String periodLabel,
			boolean periodRejected, List<Shortcut> shortcuts, String trendChart, long overdueReports) {
	}

	/** A period the page offers with one click. */
	record Shortcut(String parameter, String label) {
	}

	private final ReportViews views;
	private final SubmissionViews submissions;

	ReportPages(ReportViews views, SubmissionViews submissions) {
		this.views = views;
		this.submissions = submissions;
	}

	@GetMapping("/reports")
	String reports(@RequestParam(required = false) String period, Officer officer, Locale locale, Model model) {
		Optional<ReportPeriod> asked = PeriodParameter.parse(period);
		ReportViews.Shown shown = views.report(officer, asked.orElseGet(views::defaultPeriod), locale);
		List<Shortcut> shortcuts = views.shortcuts().stream()
			.map(option -> new Shortcut(PeriodParameter.format(option), views.periodLabel(option, locale)))
			.toList();
		model.addAttribute("page", new ReportPage(shown.report(), shown.provinceName(), shown.periodParameter(),
				shown.periodLabel(), period != null && asked.isEmpty(), shortcuts,
				"/reports/charts/trend.svg?period=" + shown.periodParameter(), submissions.overdue(officer)));
		return "reporting/reports";
	}

	@GetMapping("/reports/cases")
	String cases(@RequestParam String indicator, @RequestParam(required = false) String period,
			@RequestParam(defaultValue = "NUMERATOR") Indicators.Figure figure, Officer officer, Locale locale, Model model) {
		ReportPeriod shown = period(period);
		model.addAttribute("indicator", indicator);
		model.addAttribute("figure", figure);
		model.addAttribute("periodParameter", PeriodParameter.format(shown));
		model.addAttribute("periodLabel", views.periodLabel(shown, locale));
		model.addAttribute("cases", views.casesBehind(officer, indicator, shown, figure));
		return "reporting/cases";
	}

	@GetMapping(value = "/reports/charts/trend.svg", produces = "image/svg+xml")
	ResponseEntity<String> trendChart(@RequestParam(required = false) String period, Officer officer, Locale locale) {
		return SvgImages.ok(views.trendChart(officer, period(period), locale));
	}

	@GetMapping(value = "/reports/charts/{table}.svg", produces = "image/svg+xml")
	ResponseEntity<String> tableChart(@PathVariable String table, @RequestParam(required = false) String period,
			Officer officer, Locale locale) {
		return views.tableChart(officer, period(period), table, locale).map(SvgImages::ok)
			.orElseGet(SvgImages::notFound);
	}

	@GetMapping("/reports/export.{format:docx|xlsx|csv}")
	ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(required = false) String period,
			@RequestParam(required = false) String table, Officer officer, Locale locale) {
		return download(views.export(officer, period(period), ReportViews.Format.valueOf(format.toUpperCase(Locale.ROOT)),
				table, locale));
	}

	private ReportPeriod period(String period) {
		return PeriodParameter.requested(period, views::defaultPeriod);
	}

	static ResponseEntity<byte[]> download(ReportViews.Export export) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(export.content());
	}
}
