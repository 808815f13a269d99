package org.loive.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodParameterTest {

	@Test
	void eachKindOfPeriodReadsAsItsDaysAndFormatsBack() {
		assertPeriod("2026-02", ReportPeriod.Kind.MONTH, "2026-02-01", "2026-02-28");
		assertPeriod("2024-02", ReportPeriod.Kind.MONTH, "2024-02-01", "2024-02-29");
		assertPeriod("2026-Q3", ReportPeriod.Kind.QUARTER, "2026-07-01", "2026-09-30");
		assertPeriod("2026-H1", ReportPeriod.Kind.HALF_YEAR, "2026-01-01", "2026-06-30");
		assertPeriod("2026-H2", ReportPeriod.Kind.HALF_YEAR, "2026-07-01", "2026-12-31");
		assertPeriod("2026", ReportPeriod.Kind.YEAR, "2026-01-01", "2026-12-31");
		assertPeriod("2021-2025", ReportPeriod.Kind.PHASE, "2021-01-01", "2025-12-31");
		assertPeriod("2022-07-01..2022-09-30", ReportPeriod.Kind.AD_HOC, "2022-07-01", "2022-09-30");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2026-13", "2026-Q5", "2026-H3", "2022-2026", "2026-09-30..2026-07-01",
			"2026-02-30..2026-03-01", "1900", "2000-01-01..2010-01-01", "2026-Q1; drop table", "２０２６" })
	void anythingElseIsNotAPeriod(String text) {
		assertThat(PeriodParameter.parse(text)).isEmpty();
	}

	@Test
	void theTrendsPreviousPeriodIsTheOneJustBeforeOfTheSameLength() {
		assertThat(PeriodParameter.format(PeriodParameter.previous(PeriodParameter.parse("2026-01").orElseThrow())))
			.isEqualTo("2025-12");
		assertThat(PeriodParameter.format(PeriodParameter.previous(PeriodParameter.parse("2026-Q1").orElseThrow())))
			.isEqualTo("2025-Q4");
		assertThat(PeriodParameter.format(PeriodParameter.previous(PeriodParameter.parse("2026-H1").orElseThrow())))
			.isEqualTo("2025-H2");
		assertThat(PeriodParameter.format(PeriodParameter.previous(PeriodParameter.parse("2026-2030").orElseThrow())))
			.isEqualTo("2021-2025");
		assertThat(PeriodParameter.format(PeriodParameter.previous(PeriodParameter.parse("2022-07-01..2022-07-10").orElseThrow())))
			.isEqualTo("2022-06-21..2022-06-30");
	}

	private static void assertPeriod(String text, ReportPeriod.Kind kind, String from, String to) {
		ReportPeriod period = PeriodParameter.parse(text).orElseThrow();
		assertThat(period).isEqualTo(new ReportPeriod(kind, LocalDate.parse(from), LocalDate.parse(to)));
		assertThat(PeriodParameter.format(period)).isEqualTo(text);
	}
}
