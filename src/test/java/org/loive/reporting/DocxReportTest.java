package org.loive.reporting;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DocxReportTest {

	private final SmallCells smallCells = new SmallCells(5);
	private final DocxReport docx = new DocxReport(smallCells, ExportSamples.messages());

	@Test
	void theReportIsLaidOutAsAnAdministrativeReport() throws IOException {
		try (XWPFDocument document = open(true)) {
			List<XWPFTable> tables = document.getTables();
			String letterhead = tables.get(0).getText();
			assertThat(letterhead).contains("BỘ CÔNG AN", "CÔNG AN TỈNH QUẢNG NGÃI", "Số: 125/BC-CAT",
					"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 14 tháng 3 năm 2026");
			String body = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
			assertThat(body).contains("BÁO CÁO", "quý I năm 2026", "từ ngày 01/01/2026 đến ngày 31/03/2026", "Ghi chú");
			String signature = tables.get(tables.size() - 1).getText();
			assertThat(signature).contains("Nơi nhận:", "- Ban Chỉ đạo 138 tỉnh Quảng Ngãi;", "- Lưu: VT.", "KT. GIÁM ĐỐC",
					"(Ký, ghi rõ họ tên, đóng dấu)", "Đại tá Nguyễn Văn An");
			CTSectPr section = document.getDocument().getBody().getSectPr();
			assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
			assertThat(section.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1701));
			assertThat(section.isSetTitlePg()).as("no page number on the first page").isTrue();
			assertThat(document.getHeaderFooterPolicy().getDefaultHeader().getParagraphs().get(0).getCTP().getFldSimpleArray(0)
				.getInstr()).isEqualTo("PAGE");
			assertThat(document.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
				.filter(run -> !run.text().isEmpty()).map(XWPFRun::getFontFamily)
				.distinct()).containsExactly("Times New Roman");
			// the table by sex and age is mostly hidden: no chart for it
			assertThat(document.getAllPictures()).hasSize(2);
		}
	}

	@Test
	void theTablesHoldTheFiguresOfTheReportAfterSuppression() throws IOException {
		SmallCellReport shown = smallCells.publish(ExportSamples.report(), true);
		try (XWPFDocument document = open(true)) {
			List<XWPFTable> tables = document.getTables();
			XWPFTable indicators = tables.get(1);
			assertThat(indicators.getRow(2).getCell(2).getText()).isEqualTo("44/52");
			assertThat(indicators.getRow(2).getCell(3).getText()).isEqualTo("84,6%");
			assertThat(indicators.getRow(2).getCell(4).getText()).isEqualTo("trên 90% (000)");
			assertThat(indicators.getRow(2).getCell(5).getText()).isEqualTo("Không đạt");
			assertThat(indicators.getRow(4).getCell(2).getText()).isEqualTo("<5/<5");
			assertThat(indicators.getRow(4).getCell(5).getText()).isEqualTo("Chưa đánh giá");
			assertThat(indicators.getRow(5).getCell(2).getText()).isEqualTo("x/30");
			for (int t = 0; t < shown.tables().size(); t++) {
				SmallCellReport.Table table = shown.tables().get(t);
				XWPFTable grid = tables.get(t + 2);
				assertThat(grid.getRow(0).getCell(1).getText()).isEqualTo(table.columns().get(0));
				for (int r = 0; r < table.rows().size(); r++) {
					assertThat(grid.getRow(r + 1).getCell(0).getText()).isEqualTo(table.rows().get(r).label());
					for (int c = 0; c < table.columns().size(); c++) {
						assertThat(grid.getRow(r + 1).getCell(c + 1).getText())
							.isEqualTo(table.rows().get(r).cells().get(c).text(ExportSamples.VI, 5));
					}
				}
			}
			assertThat(tables.get(2).getRow(1).getCell(1).getText()).isEqualTo("<5");
			// men: 2 under 16 is small; 9 aged 18 and over is hidden with it, so that the row's 11 keeps it hidden
			assertThat(tables.get(2).getRow(1).getCell(3).getText()).isEqualTo("x");
			assertThat(tables.get(2).getRow(1).getCell(4).getText()).isEqualTo("11");
		}
	}

	@Test
	void insideTheProvinceTheCountsAreExact() throws IOException {
		try (XWPFDocument document = open(false)) {
			XWPFTable sexAge = document.getTables().get(2);
			assertThat(sexAge.getRow(1).getCell(1).getText()).isEqualTo("2");
			assertThat(sexAge.getRow(1).getCell(4).getText()).isEqualTo("11");
			assertThat(document.getTables().get(1).getRow(4).getCell(2).getText()).isEqualTo("3/3");
			assertThat(document.getBodyElements().stream().filter(e -> e instanceof XWPFParagraph).map(IBodyElement.class::cast)
				.map(e -> ((XWPFParagraph) e).getText())).noneMatch(text -> text.startsWith("Ghi chú"));
		}
	}

	@Test
	void inEnglishTheSameLayoutSpeaksEnglish() throws IOException {
		byte[] bytes = docx.render(ExportSamples.report(), ExportSamples.letterhead(), true, java.util.Locale.ENGLISH);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			assertThat(document.getTables().get(0).getText()).contains("SOCIALIST REPUBLIC OF VIET NAM",
					"Independence - Freedom - Happiness", "Quảng Ngãi, 14/03/2026", "No.: 125/BC-CAT");
			assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText)).contains("REPORT");
			assertThat(document.getTables().get(1).getRow(2).getCell(3).getText()).isEqualTo("84.6%");
		}
	}

	private XWPFDocument open(boolean suppress) throws IOException {
		byte[] bytes = docx.render(ExportSamples.report(), ExportSamples.letterhead(), suppress, ExportSamples.VI);
		return new XWPFDocument(new ByteArrayInputStream(bytes));
	}
}
