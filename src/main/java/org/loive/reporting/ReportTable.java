package org.loive.reporting;

import java.util.List;

/**
 * A table of a report as every view of it shows it (page, DOCX, XLSX, CSV, chart): labelled rows of counts under
 * column headings, labels already in the reader's language. When {@code rowTotals}, the last column of each row
 * is the sum of the others; when {@code columnTotals}, the last row is the sum of the rows above it. Suppression
 * of small cells works on this shape and keeps it.
 */
record ReportTable(String key, String title, List<String> columns, List<Row> rows, boolean rowTotals,
		boolean columnTotals) {

	ReportTable {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
		for (Row row : rows) {
			if (row.counts().size() != columns.size()) {
				throw new IllegalArgumentException("row " + row.code() + " of table " + key + " has "
						+ row.counts().size() + " counts for " + columns.size() + " columns");
			}
		}
	}

	/** A row: its code (a breakdown value or an indicator id), its label, one count per column. */
	record Row(String code, String label, List<Long> counts) {

		Row {
			counts = List.copyOf(counts);
		}
	}
}
