package org.loive.reporting;

import org.junit.jupiter.api.Test;
import org.loive.access.Agency;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plans' obligations as configuration: their periods, data cut-offs and due days, worked out by hand. */
class ReportObligationTest {

	static ReportObligation obligation(ReportPeriod.Kind kind, List<Integer> of, int cutoffDay, int cutoffOffset,
			int dueBefore, int dueOffset, LocalDate from, LocalDate to) {
		return new ReportObligation("test", kind, of, cutoffDay, cutoffOffset, dueBefore, dueOffset, from, to,
				Agency.POLICE, "001");
	}

	@Test
	void seed001sQuartersAreCutOffAsDecree09SaysAndDueTheDayBeforeThe16th() {
		List<ReportCalendar.Due> dues = obligation(ReportPeriod.Kind.QUARTER, List.of(1, 3), 14, 0, 16, 0, null, null)
			.occurrences(2026, 2026);
		assertThat(dues).hasSize(2);
		assertThat(dues.get(0).period()).isEqualTo(new ReportPeriod(ReportPeriod.Kind.QUARTER,
				LocalDate.parse("2025-12-15"), LocalDate.parse("2026-03-14")));
		assertThat(dues.get(0).dueOn()).as("trước ngày 16/3").isEqualTo(LocalDate.parse("2026-03-15"));
		assertThat(dues.get(0).overdueFrom()).as("00:00 on 16 March in Vietnam").hasToString("2026-03-15T17:00:00Z");
		assertThat(dues.get(1).period().from()).isEqualTo(LocalDate.parse("2026-06-15"));
		assertThat(dues.get(1).period().to()).isEqualTo(LocalDate.parse("2026-09-14"));
		assertThat(dues.get(1).dueOn()).isEqualTo(LocalDate.parse("2026-09-15"));
	}

	@Test
	void seed002sYearEndsWithNovemberSinceItIsDueBeforeTheFifthOfDecember() {
		ReportCalendar.Due year = obligation(ReportPeriod.Kind.YEAR, List.of(), 31, -1, 5, 0, null, null)
			.occurrences(2026, 2026).get(0);
		assertThat(year.period().from()).isEqualTo(LocalDate.parse("2025-12-01"));
		assertThat(year.period().to()).isEqualTo(LocalDate.parse("2026-11-30"));
		assertThat(year.dueOn()).isEqualTo(LocalDate.parse("2026-12-04"));
	}

	@Test
	void aCalendarMonthAndACampaign() {
		ReportCalendar.Due february = obligation(ReportPeriod.Kind.MONTH, List.of(2), 0, 0, 31, 1, null, null)
			.occurrences(2028, 2028).get(0);
		assertThat(february.period().to()).as("a leap year").isEqualTo(LocalDate.parse("2028-02-29"));
		assertThat(february.dueOn()).as("day 31 of March less one").isEqualTo(LocalDate.parse("2028-03-30"));
		ReportCalendar.Due campaign = obligation(ReportPeriod.Kind.CAMPAIGN, List.of(), 14, 0, 5, 1,
				LocalDate.parse("2022-07-01"), LocalDate.parse("2022-09-30")).occurrences(2020, 2030).get(0);
		assertThat(campaign.period().from()).as("a campaign's days are its own").isEqualTo(LocalDate.parse("2022-07-01"));
		assertThat(campaign.period().to()).isEqualTo(LocalDate.parse("2022-09-30"));
		assertThat(campaign.dueOn()).isEqualTo(LocalDate.parse("2022-10-04"));
	}

	@Test
	void aCutOffPeriodIsNamedAfterItsLastDayAndLinkedByItsDays() {
		ReportPeriod q1 = new ReportPeriod(ReportPeriod.Kind.QUARTER, LocalDate.parse("2025-12-15"), LocalDate.parse("2026-03-14"));
		assertThat(q1.aligned()).isFalse();
		assertThat(PeriodParameter.format(q1)).isEqualTo("2025-12-15..2026-03-14");
		assertThat(PeriodParameter.parse("2026-Q1").orElseThrow().aligned()).isTrue();
		assertThat(PeriodParameter.parse("2026-2030").orElseThrow().aligned()).isTrue();
	}

	@Test
	void aWrongObligationIsRefusedAtStartup() {
		assertThatThrownBy(() -> obligation(ReportPeriod.Kind.QUARTER, List.of(5), 14, 0, 16, 0, null, null))
			.hasMessageContaining("1 to 4");
		assertThatThrownBy(() -> obligation(ReportPeriod.Kind.CAMPAIGN, List.of(), 14, 0, 16, 0, null, null))
			.hasMessageContaining("from and to");
		assertThatThrownBy(() -> obligation(ReportPeriod.Kind.MONTH, List.of(), 14, 0, 0, 0, null, null))
			.hasMessageContaining("due-before-day");
		assertThatThrownBy(() -> new ReportObligation("Bad Id", ReportPeriod.Kind.MONTH, List.of(), 14, 0, 16, 0, null,
				null, Agency.POLICE, null)).hasMessageContaining("id");
		assertThatThrownBy(() -> new CalendarProperties(List.of(obligation(ReportPeriod.Kind.MONTH, List.of(), 14, 0, 16, 0,
				null, null), obligation(ReportPeriod.Kind.YEAR, List.of(), 14, 0, 16, 0, null, null)), null))
			.hasMessageContaining("two reporting obligations");
	}
}
