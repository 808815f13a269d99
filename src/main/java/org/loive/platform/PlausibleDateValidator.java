package org.loive.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.Instant;
import java.time.LocalDate;

/** {@link PlausibleDate} for days, judged by Vietnam's calendar, and for moments. */
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

	static class OfDay implements ConstraintValidator<PlausibleDate, LocalDate> {

		@Override
		public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
			LocalDate today = LocalDate.now(context.getClockProvider().getClock().withZone(Vietnam.ZONE));
			return Violations.none(problem(day, today), context, null);
		}
	}

	static class OfMoment implements ConstraintValidator<PlausibleDate, Instant> {

		@Override
		public boolean isValid(Instant moment, ConstraintValidatorContext context) {
			return Violations.none(problem(moment, context.getClockProvider().getClock().instant()), context, null);
		}
	}
}
