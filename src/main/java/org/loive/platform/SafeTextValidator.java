package org.loive.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link SafeText} by {@link TextRules}, the message naming the rule broken. Public: Hibernate Validator makes it outside Spring too. */
public class SafeTextValidator implements ConstraintValidator<SafeText, String> {

	private SafeText.Kind kind;

	@Override
	public void initialize(SafeText annotation) {
		kind = annotation.value();
	}

	@Override
	public boolean isValid(String text, ConstraintValidatorContext context) {
		String problem = switch (kind) {
			case NAME -> TextRules.name(text);
			case LINE -> TextRules.line(text);
			case NARRATIVE -> TextRules.narrative(text);
		};
		return Violations.none(problem, context, null);
	}
}
