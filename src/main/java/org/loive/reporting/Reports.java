package org.loive.reporting;

import org.loive.reporting.Breakdowns.Dimension;
import org.loive.reporting.Breakdowns.Measure;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.loive.reporting.Breakdowns.Measure.ESCALATIONS;
import static org.loive.reporting.Breakdowns.Measure.PERSONS_RECEIVED;
import static org.loive.reporting.Breakdowns.Measure.PERSONS_REPATRIATED;
import static org.loive.reporting.Breakdowns.Measure.PERSONS_RESCUED;
import static org.loive.reporting.Breakdowns.Measure.REPORTS_RECEIVED;
import static org.loive.reporting.Breakdowns.Measure.SERVICES_ACCEPTED;
import static org.loive.reporting.Breakdowns.Measure.SERVICES_DECLINED;
import static org.loive.reporting.Breakdowns.Measure.SERVICES_DELIVERED;
import static org.loive.reporting.Breakdowns.Measure.SERVICES_REFERRED;
import static org.loive.reporting.Breakdowns.Measure.SERVICES_UNMET;
import static org.loive.reporting.Breakdowns.Measure.TASKS_COMPLETED;
import static org.loive.reporting.Breakdowns.Measure.TASKS_LATE;
import static org.loive.reporting.Breakdowns.Measure.VICTIMS_IDENTIFIED;

/**
 * A whole report for a province (or the country) and a period in the reader's language: every indicator against its
 * target and the tables a provincial report to Ban Chỉ đạo 138 contains (reports by channel and kind; persons and
 * victims by sex, age, ethnic minority, nationality, support category, form of exploitation, recruitment context,
 * scope, destination and return mode; where they were received and are now; rescues by agency; services by code,
 * provider and decline reason; risk levels; evidence kinds; repatriations by nationality; timeliness by step and
 * agency). Also the cases behind a figure and an indicator's trend over successive periods.
 */
@Service
class Reports {

	/** A table of the standard set: measures (columns) by a dimension (rows). */
	record Table(Dimension dimension, List<Measure> measures) {
	}

	/** A point of a trend: a period and the indicator's value in it. */
	record TrendPoint(ReportPeriod period, IndicatorValue value) {
	}

	private static final List<Measure> PERSONS = List.of(PERSONS_RECEIVED, VICTIMS_IDENTIFIED);
	private static final List<Measure> TIMELINESS = List.of(TASKS_COMPLETED, TASKS_LATE, ESCALATIONS);

	static final List<Table> STANDARD = List.of(
			new Table(Dimension.CHANNEL, List.of(REPORTS_RECEIVED)),
			new Table(Dimension.REPORT_KIND, List.of(REPORTS_RECEIVED)),
			new Table(Dimension.SEX, PERSONS),
			new Table(Dimension.AGE_BAND, PERSONS),
			new Table(Dimension.AGE_GROUP, PERSONS),
			new Table(Dimension.ETHNIC_MINORITY, PERSONS),
			new Table(Dimension.NATIONALITY, PERSONS),
			new Table(Dimension.EXPLOITATION_FORM, PERSONS),
			new Table(Dimension.RECRUITMENT_CONTEXT, PERSONS),
			new Table(Dimension.TRAFFICKING_SCOPE, PERSONS),
			new Table(Dimension.DESTINATION_COUNTRY, PERSONS),
			new Table(Dimension.RETURN_MODE, PERSONS),
			new Table(Dimension.INTAKE_PROVINCE, List.of(REPORTS_RECEIVED, VICTIMS_IDENTIFIED)),
			new Table(Dimension.PROVINCE, List.of(REPORTS_RECEIVED, VICTIMS_IDENTIFIED)),
			new Table(Dimension.AREA, List.of(REPORTS_RECEIVED, PERSONS_RECEIVED)),
			new Table(Dimension.AGENCY, List.of(PERSONS_RESCUED)),
			new Table(Dimension.SUPPORT_CATEGORY, List.of(VICTIMS_IDENTIFIED, SERVICES_REFERRED)),
			new Table(Dimension.SERVICE, List.of(SERVICES_REFERRED, SERVICES_ACCEPTED, SERVICES_DECLINED,
					SERVICES_DELIVERED, SERVICES_UNMET)),
			new Table(Dimension.PROVIDER, List.of(SERVICES_REFERRED, SERVICES_ACCEPTED)),
			new Table(Dimension.DECLINE_REASON, List.of(SERVICES_DECLINED)),
			new Table(Dimension.RISK_LEVEL, List.of(Measure.RISK_ASSESSED)),
			new Table(Dimension.EVIDENCE_KIND, List.of(VICTIMS_IDENTIFIED)),
			new Table(Dimension.NATIONALITY, List.of(PERSONS_REPATRIATED)),
			new Table(Dimension.STEP, TIMELINESS),
			new Table(Dimension.AGENCY, TIMELINESS));

	private final Indicators indicators;
	private final Breakdowns breakdowns;
	private final ReportReadings readings;
	private final Clock clock;

	Reports(Indicators indicators, Breakdowns breakdowns, ReportReadings readings, Clock clock) {
		this.indicators = indicators;
		this.breakdowns = breakdowns;
		this.readings = readings;
		this.clock = clock;
	}

	/** The report of a province ({@code null}: the whole country) for a period. */
	Report report(String province, ReportPeriod period, Locale locale) {
		List<ReportTable> tables = readings.each(STANDARD,
				table -> breakdowns.table(table.dimension(), table.measures(), province, period, locale));
		return new Report(province, period, clock.instant(), indicators.all(province, period, locale), tables);
	}

	/** The cases behind a figure of an indicator, none if there is no such indicator. */
	Optional<List<UUID>> cases(String indicator, String province, ReportPeriod period, Indicators.Figure figure) {
		return Indicators.Definition.of(indicator).map(definition -> indicators.cases(definition, province, period, figure));
	}

	/** The indicator over the {@code periods} periods of the same kind ending with {@code last}, oldest first. */
	Optional<List<TrendPoint>> trend(String indicator, String province, ReportPeriod last, int periods, Locale locale) {
		return Indicators.Definition.of(indicator).map(definition -> {
			List<TrendPoint> points = new ArrayList<>();
			ReportPeriod period = last;
			for (int i = 0; i < periods; i++) {
				points.add(0, new TrendPoint(period, indicators.value(definition, province, period, locale)));
				period = PeriodParameter.previous(period);
			}
			return points;
		});
	}
}
