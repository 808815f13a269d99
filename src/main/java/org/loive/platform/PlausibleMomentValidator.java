package org.loive.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.Instant;

/** {@link PlausibleDate} for a moment, by the validator's clock. Public: Hibernate Validator makes it outside Spring too. */
public class PlausibleMomentValidator implements ConstraintValidator<PlausibleDate, Instant> {

	@Override
	public boolean isValid(Instant moment, ConstraintValidatorContext context) {
		return Violations.none(PlausibleDateValidator.problem(moment, context.getClockProvider().getClock().instant()),
				context, null);
	}
}
