package org.loive.access;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

/** {@link KnownArea} against the table, through Spring's validator factory, which hands it the port. */
class KnownAreaValidator implements ConstraintValidator<KnownArea, String> {

	private static final Pattern AREA = Pattern.compile(Areas.PATTERN);

	private final AdministrativeUnits units;

	KnownAreaValidator(AdministrativeUnits units) {
		this.units = units;
	}

	@Override
	public boolean isValid(String area, ConstraintValidatorContext context) {
		return area == null || !AREA.matcher(area).matches() || units.knows(area);
	}
}
