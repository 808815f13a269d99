package org.loive.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a report into what may be shown of it. Inside the province (the supervisor's page) every count is shown;
 * anything that leaves it (a submitted report, every export) passes {@code suppress}: tables through
 * {@link Suppression}, indicators by the rule of {@link #indicator}.
 */
@Component
class SmallCells {

	private final int threshold;

	SmallCells(@Value("${loive.reporting.small-cell-threshold:5}") int threshold) {
		if (threshold < 3) {
			// at 2, "<2" would say the count is 1
			throw new IllegalArgumentException("loive.reporting.small-cell-threshold must be at least 3");
		}
		this.threshold = threshold;
	}

	int threshold() {
		return threshold;
	}

	SmallCellReport publish(Report report, boolean suppress) {
		return new SmallCellReport(report.province(), report.period(), report.computedAt(),
				report.indicators().stream().map(value -> suppress ? indicator(value) : exact(value)).toList(),
				report.tables().stream().map(table -> table(table, suppress)).toList(), suppress, threshold);
	}

	/**
	 * An indicator leaving the province. The denominator is shown when 0 or at least the threshold, else "&lt;5".
	 * The numerator and the share are shown only when the denominator is, and the numerator and its complement
	 * (denominator − numerator, the cases the target missed) are each 0 or at least the threshold: numerator
	 * and denominator are the two cells of a line whose total is the denominator, and the share would give
	 * the numerator back. A hidden numerator of 1..4 shows "&lt;5", one hidden for its small complement "x".
	 * Met or not is shown whenever the denominator is and is not 0: it says only on which side of the target
	 * the share lies.
	 */
	private SmallCellReport.Indicator indicator(IndicatorValue value) {
		long numerator = value.numerator();
		long denominator = value.denominator();
		boolean denominatorShown = !small(denominator);
		boolean numeratorShown = denominatorShown && !small(numerator) && !small(denominator - numerator);
		SmallCellReport.Cell shownNumerator = numeratorShown ? SmallCellReport.Cell.shown(numerator)
				: SmallCellReport.Cell.hidden(small(numerator) ? Suppression.Mark.SMALL : Suppression.Mark.HIDDEN);
		SmallCellReport.Cell shownDenominator = denominatorShown ? SmallCellReport.Cell.shown(denominator)
				: SmallCellReport.Cell.hidden(Suppression.Mark.SMALL);
		return new SmallCellReport.Indicator(value.id(), value.label(), shownNumerator, shownDenominator,
				numeratorShown ? value.share() : null, value.target(), denominatorShown ? value.met() : null, value.plan());
	}

	private static SmallCellReport.Indicator exact(IndicatorValue value) {
		return new SmallCellReport.Indicator(value.id(), value.label(), SmallCellReport.Cell.shown(value.numerator()),
				SmallCellReport.Cell.shown(value.denominator()), value.share(), value.target(), value.met(), value.plan());
	}

	private SmallCellReport.Table table(ReportTable table, boolean suppress) {
		Suppression.Mark[][] marks = suppress ? Suppression.marks(table, threshold) : null;
		List<SmallCellReport.Row> rows = new ArrayList<>();
		for (int r = 0; r < table.rows().size(); r++) {
			ReportTable.Row row = table.rows().get(r);
			List<SmallCellReport.Cell> cells = new ArrayList<>();
			for (int c = 0; c < row.counts().size(); c++) {
				Suppression.Mark mark = marks == null ? Suppression.Mark.SHOWN : marks[r][c];
				cells.add(mark == Suppression.Mark.SHOWN ? SmallCellReport.Cell.shown(row.counts().get(c))
						: SmallCellReport.Cell.hidden(mark));
			}
			rows.add(new SmallCellReport.Row(row.code(), row.label(), cells));
		}
		return new SmallCellReport.Table(table.key(), table.title(), table.columns(), rows, table.rowTotals(),
				table.columnTotals());
	}

	private boolean small(long count) {
		return count > 0 && count < threshold;
	}
}
