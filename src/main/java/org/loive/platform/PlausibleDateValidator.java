package org.loive.platform;

import java.time.Instant;
import java.time.LocalDate;

/** The bounds of {@link PlausibleDate}, for days and moments. */
final class PlausibleDateValidator {

	private static final Instant EARLIEST_MOMENT = PlausibleDate.EARLIEST.atStartOfDay(Vietnam.ZONE).toInstant();

	private PlausibleDateValidator() {
	}

	/** The message key of what is wrong with the day, or null; {@code today} is Vietnam's. */
	static String problem(LocalDate day, LocalDate today) {
		if (day == null) {
			return null;
		}
		if (day.isBefore(PlausibleDate.EARLIEST)) {
			return "validation.date-too-early";
		}
		return day.isAfter(today) ? "validation.date-future" : null;
	}

	static String problem(Instant moment, Instant now) {
		if (moment == null) {
			return null;
		}
		if (moment.isBefore(EARLIEST_MOMENT)) {
			return "validation.date-too-early";
		}
		return moment.isAfter(now) ? "validation.moment-future" : null;
	}
}
