package org.loive.platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.FileNotFoundException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

	/** The bundled list, read once: the calendar is immutable. */
	private static final WorkingCalendar VIETNAM = WorkingCalendar
		.load(new DefaultResourceLoader().getResource(WorkingCalendar.BUNDLED_HOLIDAYS));

	/** No holidays at all: only weekends are off. */
	private static final WorkingCalendar WEEKENDS_ONLY = WorkingCalendar.of(Set.of());

	private static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}

	/** A wall-clock time in Vietnam as an instant. */
	private static Instant inVietnam(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
	}

	@Nested
	class CountingDays {

		@Test
		void weekendsAreSkipped() {
			assertThat(WEEKENDS_ONLY.isWorkingDay(date("2026-03-06"))).as("Friday").isTrue();
			assertThat(WEEKENDS_ONLY.isWorkingDay(date("2026-03-07"))).as("Saturday").isFalse();
			assertThat(WEEKENDS_ONLY.isWorkingDay(date("2026-03-08"))).as("Sunday").isFalse();
			// Friday + 1 working day: Saturday and Sunday skipped, Monday
			assertThat(WEEKENDS_ONLY.addWorkingDays(date("2026-03-06"), 1)).isEqualTo("2026-03-09");
			// Wednesday + 5: Thu 1, Fri 2, Mon 3, Tue 4, Wed 5
			assertThat(WEEKENDS_ONLY.addWorkingDays(date("2026-03-04"), 5)).isEqualTo("2026-03-11");
			// a start on a weekend does not count itself: Saturday + 1 is Monday
			assertThat(WEEKENDS_ONLY.addWorkingDays(date("2026-03-07"), 1)).isEqualTo("2026-03-09");
		}

		@Test
		void aHolidayIsSkipped() {
			assertThat(WorkingCalendar.of(Set.of(date("2026-03-10"))).addWorkingDays(date("2026-03-09"), 1))
				.as("Monday + 1 with Tuesday off").isEqualTo("2026-03-11");

			// Giỗ Tổ 2026 is Sunday 26/4, made up on Monday 27/4; then 30/4 (Thu) and 1/5 (Fri).
			// From Friday 24/4: Sat 25, Sun 26, Mon 27 off; Tue 28 = 1, Wed 29 = 2; Thu 30, Fri 1/5, Sat, Sun off;
			// Mon 4/5 = 3.
			assertThat(VIETNAM.isWorkingDay(date("2026-04-27"))).isFalse();
			assertThat(VIETNAM.holidayName(date("2026-04-27"))).hasValueSatisfying(
					name -> assertThat(name).contains("Nghỉ bù Giỗ Tổ"));
			assertThat(VIETNAM.addWorkingDays(date("2026-04-24"), 3)).isEqualTo("2026-05-04");
			assertThat(WEEKENDS_ONLY.addWorkingDays(date("2026-04-24"), 3)).isEqualTo("2026-04-29");
		}

		@Test
		void theTetWeekOf2026IsSkipped() {
			// 9 working days from Thursday 12/2/2026, two days before the Tết break (Sat 14/2 - Sun 22/2):
			// Fri 13/2 = 1; 14/2-22/2 off; Mon 23 = 2, Tue 24 = 3, Wed 25 = 4, Thu 26 = 5, Fri 27 = 6;
			// Sat 28/2, Sun 1/3 off; Mon 2/3 = 7, Tue 3/3 = 8, Wed 4/3 = 9.
			assertThat(VIETNAM.addWorkingDays(date("2026-02-12"), 9)).isEqualTo("2026-03-04");
			// without the holidays it would be Wednesday 25/2: the five weekdays of Tết are what moves it
			assertThat(WEEKENDS_ONLY.addWorkingDays(date("2026-02-12"), 9)).isEqualTo("2026-02-25");
			assertThat(date("2026-02-16").datesUntil(date("2026-02-21")).filter(VIETNAM::isWorkingDay)).isEmpty();
		}

		@Test
		void aWeekendDayDeclaredWorkingCounts() {
			WorkingCalendar calendar = WorkingCalendar.of(Set.of(), Set.of(date("2026-03-07")));
			assertThat(calendar.isWorkingDay(date("2026-03-07"))).isTrue();
			assertThat(calendar.isWorkingDay(date("2026-03-08"))).isFalse();
			assertThat(calendar.addWorkingDays(date("2026-03-06"), 1)).as("Friday + 1").isEqualTo("2026-03-07");
			assertThat(calendar.addWorkingDays(date("2026-03-06"), 2)).as("Friday + 2").isEqualTo("2026-03-09");

			// Bundled: Saturday 22/8/2026 is worked to make up for Monday 31/8 (Quốc khánh break 29/8 - 2/9).
			assertThat(VIETNAM.isWorkingDay(date("2026-08-22"))).isTrue();
			assertThat(VIETNAM.addWorkingDays(date("2026-08-21"), 1)).isEqualTo("2026-08-22");
			// Friday 28/8 + 1: Sat 29, Sun 30, Mon 31 (swapped), Tue 1/9, Wed 2/9 off; Thursday 3/9
			assertThat(VIETNAM.addWorkingDays(date("2026-08-28"), 1)).isEqualTo("2026-09-03");
		}

		@Test
		void zeroDaysIsTheStartItselfEvenOnADayOff() {
			assertThat(VIETNAM.addWorkingDays(date("2026-03-04"), 0)).isEqualTo("2026-03-04");
			assertThat(VIETNAM.addWorkingDays(date("2026-02-17"), 0)).as("Tết").isEqualTo("2026-02-17");
			assertThat(VIETNAM.dueAfterWorkingDays(inVietnam("2026-02-17T09:30"), 0))
				.isEqualTo(inVietnam("2026-02-17T09:30"));
		}

		@Test
		void negativeDaysAreRejected() {
			assertThatThrownBy(() -> VIETNAM.addWorkingDays(date("2026-03-04"), -1))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("The number of working days must not be negative, got -1");
			assertThatThrownBy(() -> VIETNAM.dueAfterWorkingDays(inVietnam("2026-03-04T10:00"), -3))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("must not be negative, got -3");
			assertThatThrownBy(() -> VIETNAM.dueAfter(inVietnam("2026-03-04T10:00"), Duration.ofHours(-1)))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("must not be negative");
		}

		@Test
		void workingDaysBetweenIsTheInverseOfAdding() {
			// the Tết example above, both ways
			assertThat(VIETNAM.workingDaysBetween(date("2026-02-12"), date("2026-03-04"))).isEqualTo(9);
			assertThat(VIETNAM.workingDaysBetween(date("2026-03-04"), date("2026-02-12"))).isEqualTo(-9);
			assertThat(VIETNAM.workingDaysBetween(date("2026-02-12"), date("2026-02-12"))).isZero();
			// over the whole Tết break: nothing
			assertThat(VIETNAM.workingDaysBetween(date("2026-02-13"), date("2026-02-22"))).isZero();

			for (LocalDate start = date("2025-01-01"); start.getYear() < 2028; start = start.plusDays(3)) {
				for (int days : List.of(0, 1, 2, 5, 9, 15, 30)) {
					LocalDate end = VIETNAM.addWorkingDays(start, days);
					assertThat(VIETNAM.workingDaysBetween(start, end)).as("%s + %d = %s", start, days, end)
						.isEqualTo(days);
					assertThat(days == 0 || VIETNAM.isWorkingDay(end)).as("%s + %d lands on a working day", start,
							days).isTrue();
				}
			}
		}
	}

	@Nested
	class Deadlines {

		@Test
		void aWorkingDayDeadlineKeepsTheTimeOfDayInVietnam() {
			// Friday 15:00 in Vietnam (08:00 UTC) + 1 working day: Monday 15:00
			assertThat(VIETNAM.dueAfterWorkingDays(inVietnam("2026-03-06T15:00"), 1))
				.isEqualTo(inVietnam("2026-03-09T15:00"))
				.isEqualTo("2026-03-09T08:00:00Z");

			// Friday 01:30 in Vietnam is still Thursday in UTC (18:30). Counted in Vietnam: Monday 01:30 there,
			// Sunday 18:30 UTC. Counted (wrongly) in UTC it would be Friday 18:30 UTC.
			assertThat(VIETNAM.dueAfterWorkingDays(Instant.parse("2026-03-05T18:30:00Z"), 1))
				.isEqualTo(inVietnam("2026-03-09T01:30"))
				.isEqualTo("2026-03-08T18:30:00Z");

			// across Tết: opened Thursday 12/2/2026 10:00; 2 working days are Fri 13/2 and Mon 23/2
			assertThat(VIETNAM.dueAfterWorkingDays(inVietnam("2026-02-12T10:00"), 2))
				.isEqualTo(inVietnam("2026-02-23T10:00"));
		}

		@Test
		void anotherZoneCanBeGiven() {
			// 2026-03-05T18:30Z is Thursday in UTC: + 1 working day counted in UTC is Friday
			assertThat(WEEKENDS_ONLY.dueAfterWorkingDays(Instant.parse("2026-03-05T18:30:00Z"), 1, ZoneId.of("UTC")))
				.isEqualTo("2026-03-06T18:30:00Z");
		}

		@Test
		void anElapsedTimeDeadlineIgnoresHolidays() {
			// Friday 13/2/2026 15:00, the eve of the Tết break: hours and calendar days run on regardless
			Instant opened = inVietnam("2026-02-13T15:00");
			assertThat(VIETNAM.dueAfter(opened, Duration.parse("PT24H"))).isEqualTo(inVietnam("2026-02-14T15:00"));
			assertThat(VIETNAM.dueAfter(opened, Duration.parse("P3D"))).isEqualTo(inVietnam("2026-02-16T15:00"));
			assertThat(VIETNAM.dueAfter(opened, Duration.ZERO)).isEqualTo(opened);
		}
	}

	@Nested
	class TheBundledList {

		@Test
		void parsesAndHasTetForEveryYear() {
			assertThat(VIETNAM.yearsListed()).containsExactly(2025, 2026, 2027);
			// mùng 1 Tết of each year
			assertThat(VIETNAM.holidayName(date("2025-01-29"))).hasValue("Tết Nguyên đán Ất Tỵ");
			assertThat(VIETNAM.holidayName(date("2026-02-17"))).hasValue("Tết Nguyên đán Bính Ngọ");
			assertThat(VIETNAM.holidayName(date("2027-02-06"))).hasValueSatisfying(
					name -> assertThat(name).startsWith("Tết Nguyên đán Đinh Mùi"));
			// and the weekday after it is off too
			assertThat(VIETNAM.isWorkingDay(date("2027-02-08"))).isFalse();
		}

		@Test
		void hasTheAnnouncedWeekdaysOff() {
			// 2025: 1/1; Tết 27/1-31/1; Giỗ Tổ 7/4; 30/4, 1/5 and the swapped 2/5; Quốc khánh 1/9, 2/9
			assertThat(weekdaysOff(2025)).containsExactly(date("2025-01-01"), date("2025-01-27"), date("2025-01-28"),
					date("2025-01-29"), date("2025-01-30"), date("2025-01-31"), date("2025-04-07"),
					date("2025-04-30"), date("2025-05-01"), date("2025-05-02"), date("2025-09-01"),
					date("2025-09-02"));
			// 2026: 1/1 and the swapped 2/1; Tết 16/2-20/2; nghỉ bù Giỗ Tổ 27/4; 30/4, 1/5; swapped 31/8; 1/9, 2/9
			assertThat(weekdaysOff(2026)).containsExactly(date("2026-01-01"), date("2026-01-02"), date("2026-02-16"),
					date("2026-02-17"), date("2026-02-18"), date("2026-02-19"), date("2026-02-20"),
					date("2026-04-27"), date("2026-04-30"), date("2026-05-01"), date("2026-08-31"),
					date("2026-09-01"), date("2026-09-02"));
			// the Saturdays worked in exchange
			assertThat(VIETNAM.isWorkingDay(date("2025-04-26"))).isTrue();
			assertThat(VIETNAM.isWorkingDay(date("2026-01-10"))).isTrue();
		}

		private List<LocalDate> weekdaysOff(int year) {
			return LocalDate.of(year, 1, 1)
				.datesUntil(LocalDate.of(year + 1, 1, 1))
				.filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
				.filter(day -> !VIETNAM.isWorkingDay(day))
				.toList();
		}
	}

	@Nested
	class Wiring {

		private final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
			.withUserConfiguration(CalendarOnly.class);

		@Test
		void theBundledListIsTheDefault() {
			runner.run(context -> {
				WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
				assertThat(calendar.yearsListed()).containsExactly(2025, 2026, 2027);
				assertThat(calendar.isWorkingDay(date("2026-02-16"))).isFalse();
			});
		}

		@Test
		void anotherFileReplacesTheBundledOne() {
			runner.withPropertyValues("loive.calendar.holidays-file=classpath:calendar/holidays-test.yml")
				.run(context -> {
					WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
					assertThat(calendar.yearsListed()).containsExactly(2030);
					assertThat(calendar.holidayName(date("2030-03-05"))).hasValue("Ngày nghỉ thử nghiệm");
					assertThat(calendar.isWorkingDay(date("2030-03-09"))).as("Saturday worked").isTrue();
					assertThat(calendar.isWorkingDay(date("2030-03-17"))).as("Sunday worked, bare date").isTrue();
					// Monday 4/3/2030 + 3: Tue 5 off; Wed 6 = 1, Thu 7 = 2, Fri 8 = 3
					assertThat(calendar.addWorkingDays(date("2030-03-04"), 3)).isEqualTo("2030-03-08");
					// Wednesday 13/3 + 1: Thu 14 and Fri 15 off, Sat 16 off, Sun 17 worked
					assertThat(calendar.addWorkingDays(date("2030-03-13"), 1)).isEqualTo("2030-03-17");
					// Tết 2026 is not in this file
					assertThat(calendar.isWorkingDay(date("2026-02-16"))).isTrue();
				});
		}

		@Test
		void extraDaysAreAddedToTheFile() {
			runner
				.withPropertyValues("loive.calendar.extra-holidays=2026-03-10,2026-03-11",
						"loive.calendar.extra-working-days=2026-03-14")
				.run(context -> {
					WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
					assertThat(calendar.isWorkingDay(date("2026-03-10"))).isFalse();
					assertThat(calendar.holidayName(date("2026-03-11"))).hasValue("loive.calendar.extra-holidays");
					assertThat(calendar.isWorkingDay(date("2026-03-14"))).isTrue();
					// the file still counts
					assertThat(calendar.isWorkingDay(date("2026-02-16"))).isFalse();
					// Monday 9/3 + 2: Tue 10, Wed 11 off; Thu 12 = 1, Fri 13 = 2
					assertThat(calendar.addWorkingDays(date("2026-03-09"), 2)).isEqualTo("2026-03-13");
				});
		}

		@Test
		void aTypoInTheFileStopsTheStart() {
			runner.withPropertyValues("loive.calendar.holidays-file=classpath:calendar/holidays-typo.yml")
				.run(context -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("holidays[1]")
					.hasMessageContaining("unknown key 'form'"));
			assertThatThrownBy(() -> WorkingCalendar.load(new ClassPathResource("calendar/holidays-typo.yml")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("holidays-typo.yml")
				.hasMessageContaining("holidays[1]");
		}

		@Test
		void aMissingFileStopsTheStart() {
			runner.withPropertyValues("loive.calendar.holidays-file=classpath:calendar/no-such-file.yml")
				.run(context -> assertThat(context).hasFailed()
					.getFailure()
					.hasRootCauseInstanceOf(FileNotFoundException.class)
					.hasStackTraceContaining("Cannot read the holiday file class path resource [calendar/no-such-file.yml]"));
		}

		@Test
		void aWeekdayCannotBeDeclaredAWorkingDay() {
			runner.withPropertyValues("loive.calendar.extra-working-days=2026-03-13")
				.run(context -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("2026-03-13")
					.hasMessageContaining("only a Saturday or Sunday"));
		}

		@Test
		void aDayCannotBeBothOffAndWorked() {
			assertThatThrownBy(() -> WorkingCalendar.of(Set.of(date("2026-03-07")), Set.of(date("2026-03-07"))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("2026-03-07 is both a day off");
			// Saturday 21/2/2026 is inside the Tết break of the bundled file
			runner.withPropertyValues("loive.calendar.extra-working-days=2026-02-21")
				.run(context -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("2026-02-21 is both a day off (Tết Nguyên đán Bính Ngọ)"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(HolidayProperties.class)
	@Import(WorkingCalendar.class)
	static class CalendarOnly {
	}
}
