package org.loive.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record holding an identity number checks it by its kind ({@link TextRules#idNumber}); the violation is on
 * its {@code idNumber}, so the API's error and the page's message name that field.
 */
@Documented
@Constraint(validatedBy = IdDocumentValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface IdDocument {

	/** What a record with an identity number gives the check. */
	interface Holder {

		TextRules.IdType idType();

		String idNumber();

		String nationality();
	}

	String message() default "validation.id-number-other";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
