package org.loive.reporting;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The report's figures as XLSX: a sheet of the indicators, then one sheet per table, headings styled, counts as
 * numbers (a hidden count is the text "&lt;5" or "x"), and beside each table its bar chart where one helps.
 */
@Component
class XlsxReport {

	private static final int TITLE_ROW = 0;
	private static final int HEADER_ROW = 2;

	private final SmallCells smallCells;
	private final ExportText text;

	XlsxReport(SmallCells smallCells, MessageSource messages) {
		this.smallCells = smallCells;
		this.text = new ExportText(messages);
	}

	byte[] render(Report report, boolean suppress, Locale locale) {
		SmallCellReport shown = smallCells.publish(report, suppress);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			Set<String> names = new HashSet<>();
			indicators(workbook.createSheet(name(text.get("report.export.indicatorsSheet", locale), names)), shown,
					styles, locale);
			for (SmallCellReport.Table table : shown.tables()) {
				table(workbook.createSheet(name(table.title(), names)), table, shown, styles, locale);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void indicators(XSSFSheet sheet, SmallCellReport report, Styles styles, Locale locale) {
		title(sheet, text.subject(report.period(), locale), styles);
		header(sheet, styles, List.of("code", "indicator", "numerator", "denominator", "percent", "target", "met").stream()
			.map(key -> text.get("report.export.column." + key, locale)).toList());
		int r = HEADER_ROW + 1;
		for (SmallCellReport.Indicator indicator : report.indicators()) {
			Row row = sheet.createRow(r++);
			text(row, 0, indicator.id(), styles.text);
			text(row, 1, indicator.label(), styles.text);
			count(row, 2, indicator.numerator(), report.threshold(), styles);
			count(row, 3, indicator.denominator(), report.threshold(), styles);
			if (indicator.share() != null) {
				row.createCell(4).setCellValue(indicator.share().doubleValue());
				row.getCell(4).setCellStyle(styles.percent);
			}
			else {
				text(row, 4, text.get("report.export.none", locale), styles.hidden);
			}
			text(row, 5, text.target(indicator, locale), styles.text);
			text(row, 6, text.met(indicator, locale), styles.text);
		}
		note(sheet, report, r + 1, locale);
		sheet.setColumnWidth(0, 8 * 256);
		sheet.setColumnWidth(1, 60 * 256);
		for (int c = 2; c <= 6; c++) {
			sheet.setColumnWidth(c, 16 * 256);
		}
	}

	private void table(XSSFSheet sheet, SmallCellReport.Table table, SmallCellReport report, Styles styles, Locale locale) {
		title(sheet, table.title(), styles);
		List<String> headings = new java.util.ArrayList<>();
		headings.add(text.get("report.export.column.row", locale));
		headings.addAll(table.columns());
		header(sheet, styles, headings);
		int r = HEADER_ROW + 1;
		for (int i = 0; i < table.rows().size(); i++) {
			SmallCellReport.Row line = table.rows().get(i);
			boolean total = table.columnTotals() && i == table.rows().size() - 1;
			Row row = sheet.createRow(r++);
			text(row, 0, line.label(), total ? styles.totalText : styles.text);
			for (int c = 0; c < line.cells().size(); c++) {
				count(row, c + 1, line.cells().get(c), report.threshold(), styles);
			}
		}
		note(sheet, report, r + 1, locale);
		sheet.setColumnWidth(0, 48 * 256);
		for (int c = 1; c <= table.columns().size(); c++) {
			sheet.setColumnWidth(c, 16 * 256);
		}
		sheet.createFreezePane(1, HEADER_ROW + 1);
		if (ReportChart.drawable(table)) {
			chart(sheet, table);
		}
	}

	/** A bar chart of the body (totals left out), to the right of the table. */
	private static void chart(XSSFSheet sheet, SmallCellReport.Table table) {
		int first = HEADER_ROW + 1;
		int last = first + table.bodyRows().size() - 1;
		int left = table.columns().size() + 2;
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, left, HEADER_ROW, left + 9,
				HEADER_ROW + Math.max(18, 3 * table.bodyRows().size() + 6)));
		chart.setTitleText(table.title());
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
		// the first row on top, as in the table and in the page's chart
		categories.setOrientation(AxisOrientation.MAX_MIN);
		XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
		counts.setCrosses(AxisCrosses.AUTO_ZERO);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, counts);
		data.setBarDirection(BarDirection.BAR);
		data.setVaryColors(false);
		XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(first, last, 0, 0));
		for (int c = 0; c < table.bodyColumns().size(); c++) {
			XDDFChartData.Series series = data.addSeries(labels, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(first, last, c + 1, c + 1)));
			series.setTitle(table.bodyColumns().get(c), new CellReference(sheet.getSheetName(), HEADER_ROW, c + 1, true, true));
			// a fill of its own: without one LibreOffice draws no bar
			Color colour = ReportChart.SERIES[c % ReportChart.SERIES.length];
			series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(
					new byte[] { (byte) colour.getRed(), (byte) colour.getGreen(), (byte) colour.getBlue() })));
		}
		chart.plot(data);
	}

	private static void title(XSSFSheet sheet, String title, Styles styles) {
		Row row = sheet.createRow(TITLE_ROW);
		text(row, 0, title, styles.title);
	}

	private static void header(XSSFSheet sheet, Styles styles, List<String> headings) {
		Row row = sheet.createRow(HEADER_ROW);
		for (int c = 0; c < headings.size(); c++) {
			text(row, c, headings.get(c), styles.header);
		}
	}

	private void note(XSSFSheet sheet, SmallCellReport report, int at, Locale locale) {
		if (report.suppressed()) {
			text(sheet.createRow(at), 0, text.note(report.threshold(), locale), null);
		}
	}

	private static void count(Row row, int column, SmallCellReport.Cell cell, int threshold, Styles styles) {
		if (cell.shown()) {
			row.createCell(column).setCellValue(cell.count());
			row.getCell(column).setCellStyle(styles.count);
		}
		else {
			text(row, column, cell.text(Locale.ROOT, threshold), styles.hidden);
		}
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
	private static String name(String title, Set<String> taken) {
		String safe = WorkbookUtil.createSafeSheetName(title);
		String name = safe;
		for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			name = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
		}
		return name;
	}

	private static final class Styles {

		final CellStyle title;
		final CellStyle header;
		final CellStyle text;
		final CellStyle totalText;
		final CellStyle count;
		final CellStyle hidden;
		final CellStyle percent;

		Styles(XSSFWorkbook workbook) {
			XSSFFont bold = workbook.createFont();
			bold.setBold(true);
			XSSFFont large = workbook.createFont();
			large.setBold(true);
			large.setFontHeightInPoints((short) 13);
			title = workbook.createCellStyle();
			title.setFont(large);
			header = bordered(workbook);
			header.setFont(bold);
			header.setWrapText(true);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			text = bordered(workbook);
			text.setWrapText(true);
			totalText = bordered(workbook);
			totalText.setFont(bold);
			count = bordered(workbook);
			count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			hidden = bordered(workbook);
			hidden.setAlignment(HorizontalAlignment.RIGHT);
			percent = bordered(workbook);
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
		}

		private static CellStyle bordered(XSSFWorkbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}
	}
}
