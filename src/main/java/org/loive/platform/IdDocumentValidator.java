package org.loive.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link IdDocument}: the number by its kind and the holder's nationality. Public: Hibernate Validator makes it outside Spring too. */
public class IdDocumentValidator implements ConstraintValidator<IdDocument, IdDocument.Holder> {

	@Override
	public boolean isValid(IdDocument.Holder holder, ConstraintValidatorContext context) {
		return holder == null || Violations.none(
				TextRules.idNumber(holder.idType(), holder.idNumber(), holder.nationality()), context, "idNumber");
	}
}
