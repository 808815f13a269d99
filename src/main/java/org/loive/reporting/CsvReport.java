package org.loive.reporting;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A report's table, or its indicators, as CSV: UTF-8 with a byte order mark (so that Excel reads the Vietnamese
 * letters), digits without grouping, a hidden count as "&lt;5" or "x". A cell a spreadsheet would take for a
 * formula (beginning with = + - @, tab or carriage return) is written with a leading apostrophe.
 */
@Component
class CsvReport {

	private final SmallCells smallCells;
	private final ExportText text;

	CsvReport(SmallCells smallCells, MessageSource messages) {
		this.smallCells = smallCells;
		this.text = new ExportText(messages);
	}

	byte[] table(Report report, String key, boolean suppress, Locale locale) {
		SmallCellReport shown = smallCells.publish(report, suppress);
		SmallCellReport.Table table = shown.tables().stream().filter(t -> t.key().equals(key)).findFirst()
			.orElseThrow(() -> new NoSuchElementException("the report has no table " + key));
		List<List<String>> records = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of(text.get("report.export.column.code", locale),
				text.get("report.export.column.row", locale)));
		header.addAll(table.columns());
		records.add(header);
		for (SmallCellReport.Row row : table.rows()) {
			List<String> record = new ArrayList<>(List.of(row.code(), row.label()));
			row.cells().forEach(cell -> record.add(cell.plain(shown.threshold())));
			records.add(record);
		}
		return write(records);
	}

	byte[] indicators(Report report, boolean suppress, Locale locale) {
		SmallCellReport shown = smallCells.publish(report, suppress);
		List<List<String>> records = new ArrayList<>();
		records.add(List.of("code", "indicator", "numerator", "denominator", "percent", "target", "met", "plan").stream()
			.map(key -> text.get("report.export.column." + key, locale)).toList());
		for (SmallCellReport.Indicator indicator : shown.indicators()) {
			records.add(List.of(indicator.id(), indicator.label(), indicator.numerator().plain(shown.threshold()),
					indicator.denominator().plain(shown.threshold()),
					indicator.share() == null ? "" : indicator.share().toPlainString(),
					indicator.target() == null ? "" : (indicator.target().strictlyAbove() ? ">" : ">=") + indicator.target().percent().toPlainString(),
					indicator.met() == null ? "" : indicator.met().toString(), indicator.plan() == null ? "" : indicator.plan()));
		}
		return write(records);
	}

	static byte[] write(List<List<String>> records) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			writer.write('\uFEFF');
			for (List<String> record : records) {
				printer.printRecord(record.stream().map(CsvReport::safe).toList());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The value with a leading apostrophe when a spreadsheet would read it as a formula. */
	static String safe(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}
}
