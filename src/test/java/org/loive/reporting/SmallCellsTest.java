package org.loive.reporting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallCellsTest {

	private static final int THRESHOLD = 5;

	private final SmallCells smallCells = new SmallCells(THRESHOLD);

	@Test
	void insideTheProvinceEveryCountIsShown() {
		SmallCellReport.Table table = publish(table(true, true, new long[][] { { 3, 7 }, { 0, 12 } }), false);

		assertThat(table.rows().get(0).cells()).extracting(SmallCellReport.Cell::count).containsExactly(3L, 7L, 10L);
		assertThat(table.anyHidden()).isFalse();
	}

	@Test
	void aSmallCellAloneInItsRowHidesItsNeighbourToo() {
		SmallCellReport.Table table = publish(table(true, false, new long[][] { { 3, 9, 40 } }), true);

		assertThat(table.rows().get(0).cells()).extracting(SmallCellReport.Cell::mark)
			.containsExactly(Suppression.Mark.SMALL, Suppression.Mark.HIDDEN, Suppression.Mark.SHOWN, Suppression.Mark.SHOWN);
		assertThat(table.rows().get(0).cells().get(0).text(java.util.Locale.ROOT, THRESHOLD)).isEqualTo("<5");
		assertThat(table.rows().get(0).cells().get(1).text(java.util.Locale.ROOT, THRESHOLD)).isEqualTo("x");
	}

	@Test
	void twoSmallCellsWhoseSumGivesThemAwayHideAThird() {
		// 1 + 1 = 2 with both at least 1: each is 1
		SmallCellReport.Table table = publish(table(true, false, new long[][] { { 1, 1, 20, 30 } }), true);

		assertThat(table.rows().get(0).cells().get(2).mark()).isEqualTo(Suppression.Mark.HIDDEN);
		assertThat(disclosures(table, table(true, false, new long[][] { { 1, 1, 20, 30 } }), THRESHOLD)).isEmpty();
	}

	@Test
	void aLineOfOnesWhoseTotalIsSmallShowsItsTotalAsHidden() {
		ReportTable source = table(true, false, new long[][] { { 1, 1, 1, 1 } });
		SmallCellReport.Table table = publish(source, true);

		assertThat(table.rows().get(0).cells()).extracting(SmallCellReport.Cell::mark).containsExactly(
				Suppression.Mark.SMALL, Suppression.Mark.SMALL, Suppression.Mark.SMALL, Suppression.Mark.SMALL,
				Suppression.Mark.HIDDEN);
		assertThat(disclosures(table, source, THRESHOLD)).isEmpty();
	}

	@Test
	void theCheckerFindsWhatPrimarySuppressionAloneGivesAway() {
		ReportTable source = table(true, true, new long[][] { { 3, 10 }, { 8, 9 } });
		SmallCellReport.Table primaryOnly = new SmallCellReport.Table("t", "t", source.columns(), source.rows().stream()
			.map(row -> new SmallCellReport.Row(row.code(), row.label(), row.counts().stream()
				.map(count -> count > 0 && count < THRESHOLD ? SmallCellReport.Cell.hidden(Suppression.Mark.SMALL)
						: SmallCellReport.Cell.shown(count))
				.toList()))
			.toList(), true, true);

		assertThat(disclosures(primaryOnly, source, THRESHOLD)).isNotEmpty();
	}

	@Test
	void totalsThatDoNotAddUpAreRefused() {
		ReportTable wrong = new ReportTable("t", "t", List.of("a", "b", "total"),
				List.of(new ReportTable.Row("r", "r", List.of(2L, 3L, 6L))), true, false);

		assertThatThrownBy(() -> smallCells.publish(report(List.of(), List.of(wrong)), true))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aThresholdBelowThreeIsRefused() {
		assertThatThrownBy(() -> new SmallCells(2)).isInstanceOf(IllegalArgumentException.class);
	}

	/** Many random tables, every shape of totals, three thresholds: nothing small shown, nothing recomputable. */
	@Test
	void noRandomTableShowsASmallCellOrGivesAHiddenOneAway() {
		Random random = new Random(20260315);
		int hiddenSeen = 0;
		for (int threshold : new int[] { 3, 5, 10 }) {
			SmallCells cells = new SmallCells(threshold);
			for (int n = 0; n < 3000; n++) {
				int rows = 1 + random.nextInt(7);
				int columns = 1 + random.nextInt(6);
				long[][] body = new long[rows][columns];
				int scale = random.nextInt(4);
				for (long[] row : body) {
					for (int c = 0; c < columns; c++) {
						row[c] = random.nextInt(3) == 0 ? 0 : random.nextInt(new int[] { 3, 8, 20, 200 }[scale]);
					}
				}
				ReportTable source = table(random.nextBoolean(), random.nextBoolean(), body);
				SmallCellReport.Table shown = cells.publish(report(List.of(), List.of(source)), true).tables().get(0);
				assertThat(disclosures(shown, source, threshold)).as("table %s at threshold %d", source, threshold).isEmpty();
				hiddenSeen += shown.anyHidden() ? 1 : 0;
			}
		}
		assertThat(hiddenSeen).as("the random tables exercise suppression").isGreaterThan(3000);
	}

	@Test
	void anIndicatorShowsItsShareOnlyWhenNeitherItsNumeratorNorItsComplementIsSmall() {
		IndicatorValue.Target target = new IndicatorValue.Target(BigDecimal.valueOf(90), true);
		List<SmallCellReport.Indicator> shown = smallCells.publish(report(List.of(
				new IndicatorValue("K2", "resolved", 40, 50, target, "000"),
				new IndicatorValue("K3", "solved", 47, 50, target, "000"),
				new IndicatorValue("K1", "classified", 3, 50, target, "000"),
				new IndicatorValue("K4", "prosecuted", 3, 3, target, "000"),
				new IndicatorValue("K5", "tried", 0, 0, target, "000")), List.of()), true).indicators();

		assertThat(shown.get(0).share()).isEqualByComparingTo("80.0");
		assertThat(shown.get(0).met()).isFalse();
		assertThat(shown.get(1).numerator().mark()).isEqualTo(Suppression.Mark.HIDDEN);
		assertThat(shown.get(1).share()).isNull();
		assertThat(shown.get(1).met()).isTrue();
		assertThat(shown.get(2).numerator().mark()).isEqualTo(Suppression.Mark.SMALL);
		assertThat(shown.get(2).denominator().count()).isEqualTo(50);
		assertThat(shown.get(3).denominator().mark()).isEqualTo(Suppression.Mark.SMALL);
		assertThat(shown.get(3).numerator().mark()).isEqualTo(Suppression.Mark.SMALL);
		assertThat(shown.get(3).met()).isNull();
		assertThat(shown.get(4).denominator().count()).isZero();
		assertThat(shown.get(4).share()).isNull();
	}

	/**
	 * The reader's view, written apart from {@link Suppression}: a "&lt;t" cell lies in [1, t−1], an "x" cell is at
	 * least t, a shown cell is what it says. For every row or column equation, works out the range each hidden
	 * cell can take and reports those narrowed to one value; also reports shown cells that are small or differ
	 * from the source, and hidden zeros.
	 */
	static List<String> disclosures(SmallCellReport.Table shown, ReportTable source, int threshold) {
		List<String> found = new ArrayList<>();
		int rows = source.rows().size();
		int columns = source.columns().size();
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				SmallCellReport.Cell cell = shown.rows().get(r).cells().get(c);
				long truth = source.rows().get(r).counts().get(c);
				if (cell.shown() && (cell.count() != truth || truth > 0 && truth < threshold)) {
					found.add("shown " + r + "," + c);
				}
				if (!cell.shown() && truth == 0) {
					found.add("zero hidden " + r + "," + c);
				}
			}
		}
		List<List<SmallCellReport.Cell>> lines = new ArrayList<>();
		if (source.rowTotals() && columns > 1) {
			shown.rows().forEach(row -> lines.add(row.cells()));
		}
		if (source.columnTotals() && rows > 1) {
			IntStream.range(0, columns).forEach(c -> lines.add(shown.rows().stream().map(row -> row.cells().get(c)).toList()));
		}
		for (List<SmallCellReport.Cell> line : lines) {
			List<SmallCellReport.Cell> parts = line.subList(0, line.size() - 1);
			SmallCellReport.Cell total = line.get(line.size() - 1);
			long shownParts = parts.stream().filter(SmallCellReport.Cell::shown).mapToLong(SmallCellReport.Cell::count).sum();
			List<SmallCellReport.Cell> hiddenParts = parts.stream().filter(cell -> !cell.shown()).toList();
			if (total.shown()) {
				// the hidden parts add up to total − shown parts
				long rest = total.count() - shownParts;
				for (int k = 0; k < hiddenParts.size(); k++) {
					long othersLow = 0;
					boolean othersUnbounded = false;
					long othersHigh = 0;
					for (int j = 0; j < hiddenParts.size(); j++) {
						if (j != k) {
							othersLow += low(hiddenParts.get(j), threshold);
							othersUnbounded |= hiddenParts.get(j).mark() == Suppression.Mark.HIDDEN;
							othersHigh += hiddenParts.get(j).mark() == Suppression.Mark.SMALL ? threshold - 1 : 0;
						}
					}
					long high = Math.min(rest - othersLow, hiddenParts.get(k).mark() == Suppression.Mark.SMALL ? threshold - 1 : Long.MAX_VALUE);
					long low = Math.max(othersUnbounded ? Long.MIN_VALUE : rest - othersHigh, low(hiddenParts.get(k), threshold));
					if (low == high) {
						found.add("part worked out from its line: " + line);
					}
				}
			}
			else if (hiddenParts.isEmpty()) {
				found.add("total worked out from its line: " + line);
			}
			else if (total.mark() == Suppression.Mark.SMALL && hiddenParts.stream().allMatch(p -> p.mark() == Suppression.Mark.SMALL)
					&& shownParts + hiddenParts.size() >= threshold - 1) {
				// total ≤ t−1 and every part ≥ 1: when they meet, all is known
				found.add("small line worked out from its bounds: " + line);
			}
		}
		return found;
	}

	private static long low(SmallCellReport.Cell cell, int threshold) {
		return cell.mark() == Suppression.Mark.SMALL ? 1 : threshold;
	}

	private SmallCellReport.Table publish(ReportTable table, boolean suppress) {
		return smallCells.publish(report(List.of(), List.of(table)), suppress).tables().get(0);
	}

	static Report report(List<IndicatorValue> indicators, List<ReportTable> tables) {
		return new Report("QNG", ReportPeriod.year(2026), Instant.parse("2026-12-15T01:00:00Z"), indicators, tables);
	}

	/** A table of these body counts with the totals asked for added. */
	static ReportTable table(boolean rowTotals, boolean columnTotals, long[][] body) {
		int columns = body[0].length;
		List<String> headings = new ArrayList<>(IntStream.range(0, columns).mapToObj(c -> "c" + c).toList());
		if (rowTotals) {
			headings.add("Tổng");
		}
		List<ReportTable.Row> rows = new ArrayList<>();
		long[] sums = new long[columns + 1];
		for (int r = 0; r < body.length; r++) {
			List<Long> counts = new ArrayList<>();
			long sum = 0;
			for (int c = 0; c < columns; c++) {
				counts.add(body[r][c]);
				sum += body[r][c];
				sums[c] += body[r][c];
			}
			sums[columns] += sum;
			if (rowTotals) {
				counts.add(sum);
			}
			rows.add(new ReportTable.Row("r" + r, "r" + r, counts));
		}
		if (columnTotals) {
			List<Long> counts = new ArrayList<>();
			for (int c = 0; c < columns + (rowTotals ? 1 : 0); c++) {
				counts.add(sums[c]);
			}
			rows.add(new ReportTable.Row("TOTAL", "Tổng", counts));
		}
		return new ReportTable("t", "t", headings, rows, rowTotals, columnTotals);
	}
}
