package org.loive.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the working-day calendar gets its days off. The government announces each year's days off (Tết,
 * compensatory days, swapped working days) only months ahead, so the list is data an operator replaces, not code.
 *
 * @param holidaysFile the YAML holiday file (a Spring resource location, e.g. {@code file:/etc/loive/holidays.yml});
 *        defaults to the bundled {@code classpath:calendar/holidays-vn.yml}
 * @param extraHolidays days off added to the file's, e.g. a day the province declares before a new file is out
 * @param extraWorkingDays Saturdays or Sundays declared working days (ngày làm bù), added to the file's
 */
@ConfigurationProperties("loive.calendar")
record HolidayProperties(@DefaultValue(WorkingCalendar.BUNDLED_HOLIDAYS) Resource holidaysFile,
		@DefaultValue List<LocalDate> extraHolidays, @DefaultValue List<LocalDate> extraWorkingDays) {

	HolidayProperties {
		extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
		extraWorkingDays = extraWorkingDays == null ? List.of() : List.copyOf(extraWorkingDays);
	}
}
