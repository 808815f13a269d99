package org.loive.reporting;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A report as it is shown: {@link Report}'s shape with each count either shown or hidden. Built by
 * {@link SmallCells}; the exact count of a hidden cell is not kept, so no view of it can leak one. With
 * {@code suppressed} false (the in-province page) every cell is shown.
 */
record SmallCellReport(String province, ReportPeriod period, Instant computedAt, List<Indicator> indicators,
		List<Table> tables, boolean suppressed, int threshold) {

	SmallCellReport {
		indicators = List.copyOf(indicators);
		tables = List.copyOf(tables);
	}

	/** A count as shown: the count when {@code mark} is SHOWN, else 0 and the mark. */
	record Cell(long count, Suppression.Mark mark) {

		static Cell shown(long count) {
			return new Cell(count, Suppression.Mark.SHOWN);
		}

		static Cell hidden(Suppression.Mark mark) {
			return new Cell(0, mark);
		}

		boolean shown() {
			return mark == Suppression.Mark.SHOWN;
		}

		/** The count in the reader's number format, "&lt;5" or "x". */
		public String text(Locale locale, int threshold) {
			return switch (mark) {
				case SHOWN -> NumberFormat.getIntegerInstance(locale).format(count);
				case SMALL -> "<" + threshold;
				case HIDDEN -> "x";
			};
		}

		/** As {@link #text} with the digits alone, for files read by programs (CSV). */
		String plain(int threshold) {
			return shown() ? Long.toString(count) : text(Locale.ROOT, threshold);
		}
	}

	/** A table as shown. */
	record Table(String key, String title, List<String> columns, List<Row> rows, boolean rowTotals,
			boolean columnTotals) {

		Table {
			columns = List.copyOf(columns);
			rows = List.copyOf(rows);
		}

		/** The rows that are not the total row. */
		List<Row> bodyRows() {
			return columnTotals ? rows.subList(0, rows.size() - 1) : rows;
		}

		/** The columns that are not the total column. */
		List<String> bodyColumns() {
			return rowTotals ? columns.subList(0, columns.size() - 1) : columns;
		}

		boolean anyHidden() {
			return rows.stream().flatMap(row -> row.cells().stream()).anyMatch(cell -> !cell.shown());
		}
	}

	record Row(String code, String label, List<Cell> cells) {

		Row {
			cells = List.copyOf(cells);
		}
	}

	/**
	 * An indicator as shown. {@code share} is null when nothing was counted or the numerator is hidden;
	 * {@code met} is null without a target or when the denominator is hidden or zero.
	 */
	record Indicator(String id, String label, Cell numerator, Cell denominator, BigDecimal share,
			IndicatorValue.Target target, Boolean met, String plan) {
	}

	boolean anyHidden() {
		return tables.stream().anyMatch(Table::anyHidden)
				|| indicators.stream().anyMatch(i -> !i.numerator().shown() || !i.denominator().shown());
	}
}
