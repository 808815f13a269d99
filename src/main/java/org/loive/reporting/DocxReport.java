package org.loive.reporting;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The official report as DOCX, laid out as a Vietnamese administrative report (Decree 30/2020, Appendix I): A4,
 * margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13–14 pt; at the top the parent
 * agency and the issuing agency over its number on the left, the national name and motto over place and date on
 * the right; "BÁO CÁO" and the subject centred; the body with the indicators against their targets and the
 * tables with their charts; "Nơi nhận" bottom left and the signature block bottom right.
 */
@Component
class DocxReport {

	private static final String FONT = "Times New Roman";
	private static final int TEXT_WIDTH = 9355; // twips: 210 − 30 − 15 mm
	private static final int CHART_PIXELS = 480;
	private static final double CHART_POINTS = 300;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final SmallCells smallCells;
	private final ExportText text;

	DocxReport(SmallCells smallCells, MessageSource messages) {
		this.smallCells = smallCells;
		this.text = new ExportText(messages);
	}

	byte[] render(Report report, Letterhead letterhead, boolean suppress, Locale locale) {
		SmallCellReport shown = smallCells.publish(report, suppress);
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			page(document);
			pageNumbers(document);
			header(document, letterhead, locale);
			title(document, shown, locale);
			body(document, shown, letterhead, locale);
			footer(document, letterhead, locale);
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void page(XWPFDocument document) {
		CTSectPr section = document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(1134));
		margins.setBottom(BigInteger.valueOf(1134));
		margins.setLeft(BigInteger.valueOf(1701));
		margins.setRight(BigInteger.valueOf(850));
		margins.setHeader(BigInteger.valueOf(567));
		margins.setFooter(BigInteger.valueOf(567));
	}

	/** The page number centred at the top from the second page on (none on the first), as the decree wants. */
	private static void pageNumbers(XWPFDocument document) {
		XWPFHeaderFooterPolicy policy = document.createHeaderFooterPolicy();
		policy.createHeader(XWPFHeaderFooterPolicy.FIRST);
		XWPFParagraph paragraph = centred(policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT).createParagraph());
		CTSimpleField field = paragraph.getCTP().addNewFldSimple();
		field.setInstr("PAGE");
		CTR number = field.addNewR();
		CTRPr properties = number.addNewRPr();
		CTFonts fonts = properties.addNewRFonts();
		fonts.setAscii(FONT);
		fonts.setHAnsi(FONT);
		properties.addNewSz().setVal(BigInteger.valueOf(28));
		number.addNewT().setStringValue("2");
		document.getDocument().getBody().getSectPr().addNewTitlePg();
	}

	private void header(XWPFDocument document, Letterhead letterhead, Locale locale) {
		XWPFTable table = plainTable(document, 2, 2, 4100);
		XWPFTableCell agency = table.getRow(0).getCell(0);
		if (!letterhead.parentAgency().isBlank()) {
			run(centred(agency.getParagraphs().get(0)), letterhead.parentAgency().toUpperCase(locale), 12, false, false);
			run(centred(agency.addParagraph()), letterhead.agency().toUpperCase(locale), 12, true, false);
		}
		else {
			run(centred(agency.getParagraphs().get(0)), letterhead.agency().toUpperCase(locale), 12, true, false);
		}
		rule(agency.addParagraph(), 1350);
		XWPFTableCell nation = table.getRow(0).getCell(1);
		run(centred(nation.getParagraphs().get(0)), text.get("report.export.nation", locale), 12, true, false);
		run(centred(nation.addParagraph()), text.get("report.export.motto", locale), 13, true, false);
		rule(nation.addParagraph(), 1050);
		run(centred(table.getRow(1).getCell(0).getParagraphs().get(0)),
				text.get("report.export.number", locale, letterhead.number()), 13, false, false);
		var date = letterhead.date();
		String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
		String month = date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
		run(centred(table.getRow(1).getCell(1).getParagraphs().get(0)), text.get("report.export.placeDate", locale,
				letterhead.place(), day, month, Integer.toString(date.getYear()), DAY.format(date)), 14, false, true);
	}

	private void title(XWPFDocument document, SmallCellReport report, Locale locale) {
		XWPFParagraph kind = centred(document.createParagraph());
		kind.setSpacingBefore(360);
		run(kind, text.get("report.export.kind", locale), 14, true, false);
		XWPFParagraph subject = centred(document.createParagraph());
		subject.setIndentationLeft(700);
		subject.setIndentationRight(700);
		run(subject, text.subject(report.period(), locale), 14, true, false);
		rule(document.createParagraph(), 3700);
	}

	private void body(XWPFDocument document, SmallCellReport report, Letterhead letterhead, Locale locale) {
		run(bodyParagraph(document), text.get("report.export.intro", locale, letterhead.agency(),
				text.period(report.period(), locale), DAY.format(report.period().from()), DAY.format(report.period().to())),
				14, false, false);
		heading(document, text.get("report.export.indicators", locale));
		indicators(document, report, locale);
		heading(document, text.get("report.export.tables", locale));
		if (report.tables().isEmpty()) {
			run(bodyParagraph(document), text.get("report.export.noTables", locale), 14, false, false);
		}
		int number = 1;
		for (SmallCellReport.Table table : report.tables()) {
			XWPFParagraph title = bodyParagraph(document);
			title.setKeepNext(true);
			run(title, number++ + ". " + table.title(), 14, true, false);
			table(document, table, report.threshold(), locale);
			if (ReportChart.drawable(table)) {
				chart(document, table, locale);
			}
		}
		if (report.suppressed()) {
			XWPFParagraph note = bodyParagraph(document);
			run(note, text.note(report.threshold(), locale), 12, false, true);
		}
	}

	private void indicators(XWPFDocument document, SmallCellReport report, Locale locale) {
		XWPFTable table = gridTable(document, report.indicators().size() + 1, 6);
		String[] headings = { "number", "indicator", "result", "share", "target", "met" };
		for (int c = 0; c < headings.length; c++) {
			cell(table.getRow(0).getCell(c), text.get("report.export.column." + headings[c], locale), true,
					ParagraphAlignment.CENTER);
		}
		widths(table, new int[] { 700, 3455, 1300, 1100, 1600, 1200 });
		for (int i = 0; i < report.indicators().size(); i++) {
			SmallCellReport.Indicator indicator = report.indicators().get(i);
			XWPFTableRow row = table.getRow(i + 1);
			cell(row.getCell(0), Integer.toString(i + 1), false, ParagraphAlignment.CENTER);
			cell(row.getCell(1), indicator.id() + ". " + indicator.label(), false, ParagraphAlignment.LEFT);
			cell(row.getCell(2), text.result(indicator, report.threshold(), locale), false, ParagraphAlignment.CENTER);
			cell(row.getCell(3), text.share(indicator, locale), false, ParagraphAlignment.CENTER);
			cell(row.getCell(4), text.target(indicator, locale), false, ParagraphAlignment.CENTER);
			cell(row.getCell(5), text.met(indicator, locale), false, ParagraphAlignment.CENTER);
		}
	}

	private void table(XWPFDocument document, SmallCellReport.Table table, int threshold, Locale locale) {
		int columns = table.columns().size();
		XWPFTable grid = gridTable(document, table.rows().size() + 1, columns + 1);
		cell(grid.getRow(0).getCell(0), text.get("report.export.column.row", locale), true, ParagraphAlignment.CENTER);
		for (int c = 0; c < columns; c++) {
			cell(grid.getRow(0).getCell(c + 1), table.columns().get(c), true, ParagraphAlignment.CENTER);
		}
		int first = Math.max(2400, TEXT_WIDTH - columns * 1200);
		int[] widths = new int[columns + 1];
		widths[0] = first;
		for (int c = 1; c <= columns; c++) {
			widths[c] = (TEXT_WIDTH - first) / columns;
		}
		widths(grid, widths);
		for (int r = 0; r < table.rows().size(); r++) {
			SmallCellReport.Row row = table.rows().get(r);
			boolean total = table.columnTotals() && r == table.rows().size() - 1;
			XWPFTableRow line = grid.getRow(r + 1);
			cell(line.getCell(0), row.label(), total, ParagraphAlignment.LEFT);
			for (int c = 0; c < columns; c++) {
				boolean totalColumn = table.rowTotals() && c == columns - 1;
				cell(line.getCell(c + 1), row.cells().get(c).text(locale, threshold), total || totalColumn,
						ParagraphAlignment.RIGHT);
			}
		}
	}

	private void chart(XWPFDocument document, SmallCellReport.Table table, Locale locale) {
		byte[] png = ReportChart.png(table, text.get("report.export.chartNote", locale), CHART_PIXELS, 3);
		double height = CHART_POINTS * ReportChart.height(table) / CHART_PIXELS;
		XWPFParagraph paragraph = centred(document.createParagraph());
		paragraph.setSpacingBefore(120);
		paragraph.setSpacingAfter(120);
		try {
			paragraph.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
					table.key() + ".png", Units.toEMU(CHART_POINTS), Units.toEMU(height));
		}
		catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
			throw new IllegalStateException("the chart of a report table could not be added", e);
		}
	}

	private void footer(XWPFDocument document, Letterhead letterhead, Locale locale) {
		XWPFTable table = plainTable(document, 1, 2, 4300);
		table.getRow(0).setCantSplitRow(true);
		XWPFTableCell recipients = table.getRow(0).getCell(0);
		recipients.getParagraphs().get(0).setSpacingBefore(240);
		run(recipients.getParagraphs().get(0), text.get("report.export.recipients", locale), 12, true, true);
		for (String recipient : letterhead.recipients()) {
			run(recipients.addParagraph(), "- " + recipient + ";", 11, false, false);
		}
		run(recipients.addParagraph(), "- " + text.get("report.export.archive", locale), 11, false, false);
		XWPFTableCell signature = table.getRow(0).getCell(1);
		signature.getParagraphs().get(0).setSpacingBefore(240);
		run(centred(signature.getParagraphs().get(0)), letterhead.signerTitle().toUpperCase(locale), 14, true, false);
		run(centred(signature.addParagraph()), text.get("report.export.signature", locale), 13, false, true);
		for (int i = 0; i < 3; i++) {
			signature.addParagraph();
		}
		run(centred(signature.addParagraph()), letterhead.signerName(), 14, true, false);
	}

	private void heading(XWPFDocument document, String heading) {
		XWPFParagraph paragraph = bodyParagraph(document);
		paragraph.setKeepNext(true);
		run(paragraph, heading, 14, true, false);
	}

	private static XWPFParagraph bodyParagraph(XWPFDocument document) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(720);
		paragraph.setSpacingBefore(120);
		paragraph.setSpacingAfter(120);
		return paragraph;
	}

	/** A table without borders that lays out the letterhead and the signature block. */
	private static XWPFTable plainTable(XWPFDocument document, int rows, int columns, int firstWidth) {
		XWPFTable table = document.createTable(rows, columns);
		table.removeBorders();
		table.setWidth(Integer.toString(TEXT_WIDTH));
		table.setTableAlignment(TableRowAlign.CENTER);
		widths(table, new int[] { firstWidth, TEXT_WIDTH - firstWidth });
		return table;
	}

	private static XWPFTable gridTable(XWPFDocument document, int rows, int columns) {
		XWPFTable table = document.createTable(rows, columns);
		table.setWidth(Integer.toString(TEXT_WIDTH));
		table.setTableAlignment(TableRowAlign.CENTER);
		table.getRow(0).setRepeatHeader(true);
		return table;
	}

	/** Fixed column widths in twips, so that Word and LibreOffice lay the table out alike. */
	private static void widths(XWPFTable table, int[] widths) {
		CTTbl grid = table.getCTTbl();
		(grid.getTblPr().isSetTblLayout() ? grid.getTblPr().getTblLayout() : grid.getTblPr().addNewTblLayout())
			.setType(STTblLayoutType.FIXED);
		CTTblGrid columns = grid.getTblGrid() == null ? grid.addNewTblGrid() : grid.getTblGrid();
		while (columns.sizeOfGridColArray() > 0) {
			columns.removeGridCol(0);
		}
		for (int width : widths) {
			columns.addNewGridCol().setW(BigInteger.valueOf(width));
		}
		for (XWPFTableRow row : table.getRows()) {
			for (int c = 0; c < widths.length; c++) {
				row.getCell(c).setWidth(Integer.toString(widths[c]));
			}
		}
	}

	private static void cell(XWPFTableCell cell, String value, boolean bold, ParagraphAlignment alignment) {
		cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		paragraph.setAlignment(alignment);
		paragraph.setSpacingBefore(40);
		paragraph.setSpacingAfter(40);
		run(paragraph, value, 12, bold, false);
	}

	/** A short centred line under a heading: a bottom border on an empty paragraph indented from both sides. */
	private static void rule(XWPFParagraph paragraph, int indent) {
		paragraph.setIndentationLeft(indent);
		paragraph.setIndentationRight(indent);
		paragraph.setBorderBottom(Borders.SINGLE);
		paragraph.setSpacingAfter(0);
		run(paragraph, "", 4, false, false);
	}

	private static XWPFParagraph centred(XWPFParagraph paragraph) {
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		paragraph.setSpacingAfter(0);
		return paragraph;
	}

	private static void run(XWPFParagraph paragraph, String value, int size, boolean bold, boolean italic) {
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		String[] lines = value.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				run.addBreak();
			}
			run.setText(lines[i]);
		}
	}
}
