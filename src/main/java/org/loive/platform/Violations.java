package org.loive.platform;

import jakarta.validation.ConstraintValidatorContext;

/** A rule's answer as a constraint violation whose message is the rule's message key. */
final class Violations {

	private Violations() {
	}

	/** True when there is no problem; otherwise the violation, on {@code property} when given. */
	static boolean none(String problem, ConstraintValidatorContext context, String property) {
		if (problem == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		var violation = context.buildConstraintViolationWithTemplate(problem);
		if (property == null) {
			violation.addConstraintViolation();
		}
		else {
			violation.addPropertyNode(property).addConstraintViolation();
		}
		return false;
	}
}
