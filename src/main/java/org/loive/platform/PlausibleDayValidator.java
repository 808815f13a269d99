package org.loive.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.LocalDate;

/** {@link PlausibleDate} for a day, by Vietnam's calendar and the validator's clock. Public: Hibernate Validator makes it outside Spring too. */
public class PlausibleDayValidator implements ConstraintValidator<PlausibleDate, LocalDate> {

	@Override
	public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
		LocalDate today = LocalDate.now(context.getClockProvider().getClock().withZone(Vietnam.ZONE));
		return Violations.none(PlausibleDateValidator.problem(day, today), context, null);
	}
}
