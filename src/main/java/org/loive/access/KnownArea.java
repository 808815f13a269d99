package org.loive.access;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An area of the table of administrative units: its province, and its commune when it names one, in force today.
 * A value that is not an area at all ({@link Areas#PATTERN}) is left to the format's own check.
 */
@Documented
@Constraint(validatedBy = KnownAreaValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownArea {

	String message() default "validation.area-unknown";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
