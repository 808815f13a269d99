package org.loive.reporting;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReportTest {

	private final SmallCells smallCells = new SmallCells(5);
	private final CsvReport csv = new CsvReport(smallCells, ExportSamples.messages());

	@Test
	void aTableIsWrittenInUtf8WithABomAndHoldsTheFiguresAfterSuppression() throws IOException {
		byte[] bytes = csv.table(ExportSamples.report(), "victims-by-sex-age", true, ExportSamples.VI);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);

		List<CSVRecord> records = parse(bytes);
		assertThat(records.get(0).toList()).containsExactly("Mã", "Nội dung", "Dưới 16 tuổi", "Từ 16 đến dưới 18 tuổi",
				"Từ 18 tuổi trở lên", "Tổng");
		SmallCellReport.Table shown = smallCells.publish(ExportSamples.report(), true).tables().get(0);
		for (int r = 0; r < shown.rows().size(); r++) {
			SmallCellReport.Row row = shown.rows().get(r);
			assertThat(records.get(r + 1).get(0)).isEqualTo(row.code());
			assertThat(records.get(r + 1).get(1)).isEqualTo(row.label());
			assertThat(records.get(r + 1).toList().subList(2, records.get(r + 1).size()))
				.isEqualTo(row.cells().stream().map(cell -> cell.plain(5)).toList());
		}
		assertThat(records.get(1).toList()).containsExactly("MALE", "Nam", "<5", "0", "x", "11");
	}

	@Test
	void theIndicatorsAreWrittenWithTheirTargets() throws IOException {
		List<CSVRecord> records = parse(csv.indicators(ExportSamples.report(), true, ExportSamples.VI));

		assertThat(records.get(2).toList()).containsExactly("K2", "Tố giác, tin báo, kiến nghị khởi tố được giải quyết",
				"44", "52", "84.6", ">90", "false", "000");
		assertThat(records.get(4).toList().subList(2, 7)).containsExactly("<5", "<5", "", ">=95", "");
	}

	@Test
	void cellsASpreadsheetWouldTakeForAFormulaAreEscaped() throws IOException {
		ReportTable hostile = new ReportTable("hostile", "=HYPERLINK(\"http://x\")", List.of("@SUM(A1)", "+1", "Tổng"),
				List.of(new ReportTable.Row("=1+1", "-2+3", List.of(10L, 20L, 30L)),
						new ReportTable.Row("\tcode", "\rlabel", List.of(0L, 0L, 0L))), true, false);
		Report report = new Report("QNG", ReportPeriod.year(2026), Instant.now(), List.of(), List.of(hostile));

		List<CSVRecord> records = parse(csv.table(report, "hostile", true, ExportSamples.VI));

		assertThat(records.get(0).toList()).containsExactly("Mã", "Nội dung", "'@SUM(A1)", "'+1", "Tổng");
		assertThat(records.get(1).toList()).containsExactly("'=1+1", "'-2+3", "10", "20", "30");
		assertThat(records.get(2).get(0)).isEqualTo("'\tcode");
		assertThat(records.get(2).get(1)).isEqualTo("'\rlabel");
		assertThat(CsvReport.safe("Nữ")).isEqualTo("Nữ");
		assertThat(CsvReport.safe("<5")).isEqualTo("<5");
	}

	@Test
	void anUnknownTableIsRefused() {
		assertThatThrownBy(() -> csv.table(ExportSamples.report(), "nope", true, ExportSamples.VI))
			.isInstanceOf(NoSuchElementException.class);
	}

	private static List<CSVRecord> parse(byte[] bytes) throws IOException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
	}
}
