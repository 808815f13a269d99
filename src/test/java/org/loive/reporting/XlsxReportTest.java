package org.loive.reporting;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxReportTest {

	private final SmallCells smallCells = new SmallCells(5);
	private final XlsxReport xlsx = new XlsxReport(smallCells, ExportSamples.messages());

	@Test
	void eachTableIsASheetHoldingTheFiguresOfTheReportAfterSuppression() throws IOException {
		SmallCellReport shown = smallCells.publish(ExportSamples.report(), true);
		try (XSSFWorkbook workbook = open(true)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1 + shown.tables().size());
			for (int t = 0; t < shown.tables().size(); t++) {
				SmallCellReport.Table table = shown.tables().get(t);
				XSSFSheet sheet = workbook.getSheetAt(t + 1);
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(table.title());
				for (int c = 0; c < table.columns().size(); c++) {
					assertThat(sheet.getRow(2).getCell(c + 1).getStringCellValue()).isEqualTo(table.columns().get(c));
				}
				for (int r = 0; r < table.rows().size(); r++) {
					SmallCellReport.Row row = table.rows().get(r);
					assertThat(sheet.getRow(r + 3).getCell(0).getStringCellValue()).isEqualTo(row.label());
					for (int c = 0; c < row.cells().size(); c++) {
						SmallCellReport.Cell cell = row.cells().get(c);
						var written = sheet.getRow(r + 3).getCell(c + 1);
						if (cell.shown()) {
							assertThat(written.getCellType()).isEqualTo(CellType.NUMERIC);
							assertThat(written.getNumericCellValue()).isEqualTo(cell.count());
						}
						else {
							assertThat(written.getStringCellValue()).isEqualTo(cell.text(ExportSamples.VI, 5));
						}
					}
				}
				int charts = sheet.getDrawingPatriarch() == null ? 0 : sheet.getDrawingPatriarch().getCharts().size();
				assertThat(charts).as(table.key()).isEqualTo(ReportChart.drawable(table) ? 1 : 0);
			}
			XSSFSheet services = workbook.getSheetAt(3);
			assertThat(services.getRow(6).getCell(3).getStringCellValue()).isEqualTo("<5");
			var bars = services.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0);
			assertThat(bars.getSeriesCount()).isEqualTo(3);
			// LibreOffice draws no bar of a series without a fill
			assertThat(bars.getSeries(0).getShapeProperties().getFillProperties())
				.isInstanceOf(org.apache.poi.xddf.usermodel.XDDFSolidFillProperties.class);
		}
	}

	@Test
	void theIndicatorsSheetShowsValueTargetAndMet() throws IOException {
		try (XSSFWorkbook workbook = open(true)) {
			XSSFSheet indicators = workbook.getSheetAt(0);
			assertThat(indicators.getSheetName()).isEqualTo("Chỉ tiêu");
			assertThat(indicators.getRow(4).getCell(0).getStringCellValue()).isEqualTo("K2");
			assertThat(indicators.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(44);
			assertThat(indicators.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(84.6);
			assertThat(indicators.getRow(4).getCell(5).getStringCellValue()).isEqualTo("trên 90% (000)");
			assertThat(indicators.getRow(4).getCell(6).getStringCellValue()).isEqualTo("Không đạt");
			assertThat(indicators.getRow(6).getCell(2).getStringCellValue()).isEqualTo("<5");
			assertThat(indicators.getRow(6).getCell(3).getStringCellValue()).isEqualTo("<5");
		}
	}

	@Test
	void insideTheProvinceTheCountsAreExact() throws IOException {
		try (XSSFWorkbook workbook = open(false)) {
			assertThat(workbook.getSheetAt(1).getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(workbook.getSheetAt(0).getRow(6).getCell(2).getNumericCellValue()).isEqualTo(3);
		}
	}

	private XSSFWorkbook open(boolean suppress) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(xlsx.render(ExportSamples.report(), suppress, ExportSamples.VI)));
	}
}
