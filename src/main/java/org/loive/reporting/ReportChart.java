package org.loive.reporting;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The bar chart of a report table, drawn on the server by JFreeChart: as SVG for the page and its print, as PNG
 * of the same chart for the DOCX. Rows are the bars' categories and the columns (totals left out) their
 * series; a hidden cell draws no bar. Java draws with its logical sans-serif (DejaVu Sans on Debian, which has
 * the Vietnamese letters); the SVG names the application's typeface first.
 */
final class ReportChart {

	static final int WIDTH = 640;

	// double quotes: JFreeSVG writes its attributes between single ones
	private static final String SVG_FONTS = "\"Be Vietnam Pro\", \"Noto Sans\", \"DejaVu Sans\", sans-serif";

	/** The series' colours, shared with the XLSX's charts. */
	static final Color[] SERIES = { new Color(0x1f4e79), new Color(0xc55a11), new Color(0x548235),
			new Color(0x7f6000), new Color(0x7030a0), new Color(0x2e75b6), new Color(0x595959) };

	private ReportChart() {
	}

	/** True when a chart helps: more bars to draw (shown, not zero) than cells hidden beside the totals. */
	static boolean drawable(SmallCellReport.Table table) {
		int columns = table.bodyColumns().size();
		long bars = table.bodyRows().stream().flatMap(row -> row.cells().subList(0, columns).stream())
			.filter(cell -> cell.shown() && cell.count() > 0).count();
		long hidden = table.bodyRows().stream().flatMap(row -> row.cells().subList(0, columns).stream())
			.filter(cell -> !cell.shown()).count();
		return bars > hidden;
	}

	/** The chart's height for the table: room for every bar. */
	static int height(SmallCellReport.Table table) {
		int bars = table.bodyRows().size() * Math.max(1, table.bodyColumns().size());
		return Math.min(900, 110 + 18 * bars);
	}

	static String svg(SmallCellReport.Table table, String note) {
		int height = height(table);
		SVGGraphics2D svg = new SVGGraphics2D(WIDTH, height);
		svg.setFontFunction(family -> SVG_FONTS);
		chart(table, note).draw(svg, new Rectangle2D.Double(0, 0, WIDTH, height));
		// scales to the width of its container; named for screen readers by the table's title
		return svg.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, height), null, null)
			.replaceFirst("<svg ", "<svg role='img' aria-label='" + SVGUtils.escapeForXML(table.title()) + "' ");
	}

	/**
	 * The same chart as PNG, {@code width} wide (narrower for a page of A4, so that its letters stay legible), drawn
	 * at {@code scale} times its size so that it stays sharp in print.
	 */
	static byte[] png(SmallCellReport.Table table, String note, int width, int scale) {
		int height = height(table);
		BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.scale(scale, scale);
		chart(table, note).draw(graphics, new Rectangle2D.Double(0, 0, width, height));
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ChartUtils.writeBufferedImageAsPNG(out, image);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static JFreeChart chart(SmallCellReport.Table table, String note) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		List<String> columns = table.bodyColumns();
		for (SmallCellReport.Row row : table.bodyRows()) {
			for (int c = 0; c < columns.size(); c++) {
				SmallCellReport.Cell cell = row.cells().get(c);
				// rows and columns are keyed by position: two rows may carry the same label
				data.addValue(cell.shown() ? (Number) cell.count() : null, new Key(c, columns.get(c)),
						new Key(table.rows().indexOf(row), row.label()));
			}
		}
		CategoryAxis categories = new CategoryAxis();
		categories.setMaximumCategoryLabelWidthRatio(0.45f);
		categories.setMaximumCategoryLabelLines(2);
		NumberAxis counts = new NumberAxis();
		counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		BarRenderer bars = new BarRenderer();
		bars.setBarPainter(new StandardBarPainter());
		bars.setShadowVisible(false);
		bars.setItemMargin(0.05);
		CategoryPlot plot = new CategoryPlot(data, categories, counts, bars);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xbfbfbf));
		plot.setOutlineVisible(false);
		JFreeChart chart = new JFreeChart(table.title(), new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, columns.size() > 1);
		if (table.anyHidden()) {
			chart.addSubtitle(new TextTitle(note, new Font(Font.SANS_SERIF, Font.ITALIC, 11)));
		}
		THEME.apply(chart);
		chart.setBackgroundPaint(Color.WHITE);
		for (int c = 0; c < SERIES.length; c++) {
			bars.setSeriesPaint(c, SERIES[c]);
		}
		return chart;
	}

	private static final StandardChartTheme THEME = theme();

	private static StandardChartTheme theme() {
		StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
		theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
		theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
		theme.setBarPainter(new StandardBarPainter());
		theme.setShadowVisible(false);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setRangeGridlinePaint(new Color(0xbfbfbf));
		return theme;
	}

	/** A row or column by its position, drawn by its label. */
	private record Key(int position, String label) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			return Integer.compare(position, other.position);
		}

		@Override
		public String toString() {
			return label;
		}
	}
}
