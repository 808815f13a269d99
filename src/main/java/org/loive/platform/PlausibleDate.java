package org.loive.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A day or moment that has happened: a birth, a report's receipt, a decision, a milestone. Not before
 * {@link #EARLIEST} and not after today in Vietnam (a day) or now (a moment), by the application's clock.
 */
@Documented
@Constraint(validatedBy = { PlausibleDayValidator.class, PlausibleMomentValidator.class })
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	/** The earliest day any date of the application may be: no one living was born before. */
	LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	String message() default "validation.date-future";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
