package org.loive.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression of one table, margins included.
 * <p>
 * Primary: every cell from 1 to threshold − 1 is hidden as "&lt;threshold" (a zero is not sensitive and stays).
 * Secondary: the table's totals are equations, one per line (each row when {@code rowTotals}, each column when
 * {@code columnTotals}, the margins' own lines included). A reader who sees a line knows that a "&lt;5" cell lies
 * in [1, threshold − 1] and that any other hidden cell is at least the threshold (it was not small). For every
 * line we compute, from its published cells and these bounds, the interval each hidden cell of the line can take;
 * while some interval is a single value (one hidden cell alone in its line is the common case; two "&lt;5" cells
 * whose sum is 2 the rarer one), the smallest other non-zero cell of that line is hidden too, or, when none is
 * left, the line's total. This repeats until no line gives a hidden cell away. Hiding a cell only widens the
 * intervals of the other lines, so the loop ends. A line of threshold − 1 cells of 1 whose total is
 * threshold − 1 is given away by the bounds alone; its total is then shown as hidden ("x") rather than
 * "&lt;threshold", the one case where an "x" cell may be small.
 * <p>
 * Each table is protected on its own equations (single-line disclosure, the rule of statistical offices'
 * tabular protection); a table whose rows add up to a figure shown elsewhere should carry that figure as its total
 * so that the equation is seen here.
 */
final class Suppression {

	/** What a reader is shown of a cell. */
	enum Mark {
		/** The exact count. */
		SHOWN,
		/** A count from 1 to threshold − 1, shown as "&lt;threshold". */
		SMALL,
		/** Hidden so that no small cell can be worked out, shown as "x". */
		HIDDEN
	}

	private final long[][] counts;
	private final Mark[][] marks;
	private final int threshold;
	private final List<int[][]> lines = new ArrayList<>();

	private Suppression(long[][] counts, boolean rowTotals, boolean columnTotals, int threshold) {
		this.counts = counts;
		this.threshold = threshold;
		int rows = counts.length;
		int columns = rows == 0 ? 0 : counts[0].length;
		marks = new Mark[rows][columns];
		if (rowTotals && columns > 1) {
			for (int r = 0; r < rows; r++) {
				int[][] line = new int[columns][];
				for (int c = 0; c < columns; c++) {
					line[c] = new int[] { r, c };
				}
				lines.add(line);
			}
		}
		if (columnTotals && rows > 1) {
			for (int c = 0; c < columns; c++) {
				int[][] line = new int[rows][];
				for (int r = 0; r < rows; r++) {
					line[r] = new int[] { r, c };
				}
				lines.add(line);
			}
		}
		for (int[][] line : lines) {
			long sum = 0;
			for (int k = 0; k < line.length - 1; k++) {
				sum += count(line[k]);
			}
			if (sum != count(line[line.length - 1])) {
				throw new IllegalArgumentException("a total of the table is not the sum of its line");
			}
		}
	}

	/** The marks of the table's cells (rows × columns, margins included) at this threshold. */
	static Mark[][] marks(ReportTable table, int threshold) {
		long[][] counts = table.rows().stream()
			.map(row -> row.counts().stream().mapToLong(Long::longValue).toArray())
			.toArray(long[][]::new);
		Suppression suppression = new Suppression(counts, table.rowTotals(), table.columnTotals(), threshold);
		suppression.protect();
		return suppression.marks;
	}

	private void protect() {
		for (int r = 0; r < counts.length; r++) {
			for (int c = 0; c < counts[r].length; c++) {
				long count = counts[r][c];
				if (count < 0) {
					throw new IllegalArgumentException("a count is negative");
				}
				marks[r][c] = count > 0 && count < threshold ? Mark.SMALL : Mark.SHOWN;
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int[][] line : lines) {
				if (givesAway(line)) {
					hideAnother(line);
					changed = true;
				}
			}
		}
	}

	/** True if the line's equation narrows one of its hidden cells to a single value. */
	private boolean givesAway(int[][] line) {
		int total = line.length - 1;
		double published = 0;
		List<Integer> hidden = new ArrayList<>();
		for (int k = 0; k < line.length; k++) {
			if (mark(line[k]) == Mark.SHOWN) {
				published += sign(k, total) * count(line[k]);
			}
			else {
				hidden.add(k);
			}
		}
		// Σ over hidden of sign·v = −published
		double target = -published;
		for (int k : hidden) {
			double low = 0;
			double high = 0;
			for (int j : hidden) {
				if (j != k) {
					low += sign(j, total) > 0 ? lower(line[j]) : -upper(line[j]);
					high += sign(j, total) > 0 ? upper(line[j]) : -lower(line[j]);
				}
			}
			double from = sign(k, total) > 0 ? target - high : low - target;
			double to = sign(k, total) > 0 ? target - low : high - target;
			from = Math.max(from, lower(line[k]));
			to = Math.min(to, upper(line[k]));
			if (from == to) {
				return true;
			}
		}
		return false;
	}

	/** Hides the smallest non-zero shown cell of the line, else its total, else shows its small total as "x". */
	private void hideAnother(int[][] line) {
		int[] chosen = null;
		for (int k = 0; k < line.length - 1; k++) {
			int[] cell = line[k];
			if (mark(cell) == Mark.SHOWN && count(cell) > 0 && (chosen == null || count(cell) < count(chosen))) {
				chosen = cell;
			}
		}
		int[] total = line[line.length - 1];
		if (chosen == null && mark(total) != Mark.HIDDEN) {
			chosen = total;
		}
		if (chosen == null) {
			throw new IllegalStateException("a line stays disclosive with every cell hidden");
		}
		marks[chosen[0]][chosen[1]] = Mark.HIDDEN;
	}

	private static int sign(int k, int total) {
		return k == total ? -1 : 1;
	}

	private double lower(int[] cell) {
		return mark(cell) == Mark.SMALL ? 1 : threshold;
	}

	private double upper(int[] cell) {
		return mark(cell) == Mark.SMALL ? threshold - 1 : Double.POSITIVE_INFINITY;
	}

	private long count(int[] cell) {
		return counts[cell[0]][cell[1]];
	}

	private Mark mark(int[] cell) {
		return marks[cell[0]][cell[1]];
	}
}
