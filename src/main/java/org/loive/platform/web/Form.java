package org.loive.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A form as the record the API reads describes it: one field per record component, its kind from the
 * component's type, required from its constraints, the choices of an enum, nested records as groups and
 * lists of records as repeated groups. Adding a component to the record adds the field to the page.
 */
public record Form(String name, List<Field> fields) {

	/** How a field is entered. */
	public enum Kind {
		/** one line of text */
		TEXT,
		/** a long text */
		TEXTAREA,
		/** a calendar day */
		DATE,
		/** a moment, entered in Vietnam's time */
		DATETIME,
		/** a whole number */
		NUMBER,
		/** yes or no */
		YES_NO,
		/** a box to tick that must be ticked: the officer confirms a step was done */
		CONFIRM,
		/** one of a list */
		CHOICE,
		/** any of a list */
		CHOICES,
		/** a nested record */
		GROUP,
		/** a list of nested records */
		REPEATED
	}

	/**
	 * A field: its name in the record, the key of its label ({@code form.<Form>.<name>}), its kind, whether
	 * it is required, an enum's constants, the run-time choices it takes, its condition and nested form.
	 */
	public record Field(String name, String labelKey, Kind kind, boolean required, String vocabulary,
			List<String> constants, String choicesFrom, ShownWhen shownWhen, Form nested, Integer maxLength,
			Class<?> type, String description) {
	}

	private static final Map<Class<?>, Form> FORMS = new ConcurrentHashMap<>();
	private static final int LONG_TEXT = 1000;

	/** The form of a record type, read once (not in computeIfAbsent: reading a form reads its nested ones). */
	public static Form of(Class<?> type) {
		Form form = FORMS.get(type);
		if (form == null) {
			form = read(type);
			FORMS.putIfAbsent(type, form);
		}
		return form;
	}

	public Optional<Field> field(String name) {
		return fields.stream().filter(field -> field.name().equals(name)).findFirst();
	}

	private static Form read(Class<?> type) {
		if (!type.isRecord()) {
			throw new IllegalArgumentException(type + " is not a record");
		}
		String name = formName(type);
		return new Form(name, Arrays.stream(type.getRecordComponents()).map(component -> field(name, component)).toList());
	}

	/** The record's schema name in the OpenAPI document, or its simple name. */
	static String formName(Class<?> type) {
		Schema schema = type.getAnnotation(Schema.class);
		return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
	}

	/**
	 * Constraints and OpenAPI annotations of a record component land on its field (their targets do not include
	 * record components), so they are read from there.
	 */
	@SuppressWarnings("unchecked")
	private static Field field(String form, RecordComponent component) {
		java.lang.reflect.Field declared;
		try {
			declared = component.getDeclaringRecord().getDeclaredField(component.getName());
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException(e);
		}
		Class<?> type = component.getType();
		Class<?> element = type == List.class || type == Set.class ? elementType(component.getGenericType()) : null;
		Size size = declared.getAnnotation(Size.class);
		Integer maxLength = size == null || size.max() == Integer.MAX_VALUE ? null : size.max();
		ChoicesFrom choicesFrom = declared.getAnnotation(ChoicesFrom.class);
		Schema schema = declared.getAnnotation(Schema.class);
		boolean required = declared.isAnnotationPresent(NotNull.class) || declared.isAnnotationPresent(NotEmpty.class);
		Kind kind;
		Class<? extends Enum<?>> enumType = null;
		Form nested = null;
		if (element != null) {
			if (element.isEnum()) {
				kind = Kind.CHOICES;
				enumType = (Class<? extends Enum<?>>) element;
			}
			else if (element.isRecord()) {
				kind = Kind.REPEATED;
				nested = of(element);
			}
			else {
				kind = Kind.CHOICES;
			}
			maxLength = null;
		}
		else if (type.isEnum()) {
			kind = Kind.CHOICE;
			enumType = (Class<? extends Enum<?>>) type;
		}
		else if (type.isRecord()) {
			kind = Kind.GROUP;
			nested = of(type);
		}
		else if (type == Boolean.class || type == boolean.class) {
			kind = declared.isAnnotationPresent(AssertTrue.class) ? Kind.CONFIRM : Kind.YES_NO;
		}
		else if (type == LocalDate.class) {
			kind = Kind.DATE;
		}
		else if (type == Instant.class) {
			kind = Kind.DATETIME;
		}
		else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			kind = Kind.NUMBER;
		}
		else if (type == String.class && declared.isAnnotationPresent(OneOf.class)) {
			kind = Kind.CHOICE;
		}
		else if (type == String.class || type == UUID.class) {
			kind = choicesFrom != null ? Kind.CHOICE : maxLength != null && maxLength >= LONG_TEXT ? Kind.TEXTAREA : Kind.TEXT;
		}
		else {
			throw new IllegalArgumentException("no form field for " + type + " of " + form + "." + component.getName());
		}
		OneOf oneOf = declared.getAnnotation(OneOf.class);
		String vocabulary = oneOf != null ? oneOf.vocabulary() : enumType == null ? null : enumType.getSimpleName();
		List<String> constants = oneOf != null ? List.of(oneOf.value()) : enumType == null ? List.of()
				: Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
		return new Field(component.getName(), "form." + form + "." + component.getName(), kind, required, vocabulary,
				constants,
				choicesFrom == null ? null : choicesFrom.value(), declared.getAnnotation(ShownWhen.class), nested,
				maxLength, type, schema == null ? null : schema.description());
	}

	private static Class<?> elementType(Type generic) {
		if (generic instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
			return element;
		}
		return String.class;
	}
}
