package org.loive.reporting;

import java.time.Instant;
import java.util.List;

/**
 * A report as computed for a province (or the whole country, {@code province} null) and a period: its indicators
 * against their targets and its tables, labels in the reader's language. The one shape the page, the API, the
 * submission and every export render.
 */
record Report(String province, ReportPeriod period, Instant computedAt, List<IndicatorValue> indicators,
		List<ReportTable> tables) {

	Report {
		indicators = List.copyOf(indicators);
		tables = List.copyOf(tables);
	}
}
