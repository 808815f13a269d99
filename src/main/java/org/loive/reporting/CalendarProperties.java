package org.loive.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reporting calendar as configured: the plans' obligations, and the day tracking starts (reports due before
 * it are neither listed nor escalated: the province reported on paper then).
 */
@ConfigurationProperties("loive.reporting")
record CalendarProperties(@DefaultValue List<ReportObligation> calendar, LocalDate calendarFrom) {

	CalendarProperties {
		calendar = List.copyOf(calendar);
		Set<String> ids = new HashSet<>();
		for (ReportObligation obligation : calendar) {
			if (!ids.add(obligation.id())) {
				throw new IllegalArgumentException("two reporting obligations have the id " + obligation.id());
			}
		}
		calendarFrom = calendarFrom == null ? LocalDate.MIN : calendarFrom;
	}
}
