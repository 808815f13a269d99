package org.loive.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.loive.access.Officer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Báo cáo / Reports", description = "Chỉ tiêu, chỉ số, phân tổ và bản xuất của tỉnh, chỉ đọc; không có dữ liệu "
		+ "cá nhân / The province's targets, indicators, breakdowns and exports, read-only; no personal data")
class ReportController {

	private final ReportViews views;

	ReportController(ReportViews views) {
		this.views = views;
	}

	@GetMapping
	@Operation(summary = "Báo cáo của tỉnh tôi cho một kỳ, số liệu chính xác (được ghi nhật ký) / My province's report for a "
			+ "period, exact figures (on record)")
	Report report(@Parameter(description = "2026-11, 2026-Q3, 2026-H1, 2026, 2021-2025 hoặc/or 2022-07-01..2022-09-30; "
			+ "mặc định quý hiện tại / default the current quarter") @RequestParam(required = false) String period,
			@Parameter(hidden = true) Officer officer, Locale locale) {
		return views.report(officer, period(period), locale).report();
	}

	@GetMapping("/indicators/{indicator}/trend")
	@Operation(summary = "Một chỉ số qua các kỳ cùng loại đến kỳ này / An indicator over the periods up to this one")
	List<Reports.TrendPoint> trend(@PathVariable String indicator, @RequestParam(required = false) String period,
			@Parameter(hidden = true) Officer officer, Locale locale) {
		return views.trend(officer, indicator, period(period), locale);
	}

	@GetMapping("/indicators/{indicator}/cases")
	@Operation(summary = "Hồ sơ sau một số liệu của chỉ số / The cases behind a figure of an indicator")
	List<ReportViews.CaseBehind> cases(@PathVariable String indicator, @RequestParam(required = false) String period,
			@RequestParam(defaultValue = "NUMERATOR") Indicators.Figure figure, @Parameter(hidden = true) Officer officer) {
		return views.casesBehind(officer, indicator, period(period), figure);
	}

	@GetMapping("/export")
	@Operation(summary = "Bản xuất rời khỏi tỉnh, các ô nhỏ được che: DOCX, XLSX hoặc CSV (chỉ số, hoặc một bảng) / The "
			+ "export that leaves the province, small cells suppressed: DOCX, XLSX or CSV (indicators, or one table)")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String period,
			@RequestParam(defaultValue = "DOCX") ReportViews.Format format, @RequestParam(required = false) String table,
			@Parameter(hidden = true) Officer officer, Locale locale) {
		return ReportPages.download(views.export(officer, period(period), format, table, locale));
	}

	private ReportPeriod period(String period) {
		return PeriodParameter.requested(period, views::defaultPeriod);
	}
}
