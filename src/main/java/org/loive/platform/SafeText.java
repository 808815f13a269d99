package org.loive.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Text of one of the kinds {@link TextRules} checks; the violation's message is the key of what is wrong. */
@Documented
@Constraint(validatedBy = SafeTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {

	enum Kind {
		/** a person's name: one line, visible, at least one letter */
		NAME,
		/** one line of visible characters: an address, a code, a reference */
		LINE,
		/** a statement or notes: line breaks allowed */
		NARRATIVE
	}

	Kind value();

	String message() default "validation.text-invisible";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
