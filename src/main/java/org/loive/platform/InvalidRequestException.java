package org.loive.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;

/** A request that passed JSON and bean validation but breaks a rule of the domain, field by field. */
public class InvalidRequestException extends RuntimeException {

	/** A rejected field and the message key saying why. */
	public record Rejection(String field, String messageKey) {
	}

	private final transient List<Rejection> rejections;

	public InvalidRequestException(List<Rejection> rejections) {
		super("invalid request: " + rejections.stream().map(Rejection::field).toList());
		this.rejections = List.copyOf(rejections);
	}

	public List<Rejection> rejections() {
		return rejections;
	}

	/** The field a constraint's property path names: a cross-field rule is a method {@code is<Field>Valid}. */
	public static String fieldOf(String propertyPath) {
		return propertyPath.replaceFirst("Valid$", "");
	}

	/** Why Jackson could not read a field: a field it does not know, a code not in its list, a wrong type. */
	public static String messageKey(JsonMappingException e) {
		if (e instanceof UnrecognizedPropertyException) {
			return "problem.field.unknown";
		}
		return e instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum() ? "problem.field.unknown-code" : "problem.field.wrong-type";
	}

	/** The path of the field Jackson could not read, as rejections name fields: {@code person.minors[0].sex}. */
	public static String fieldPath(JsonMappingException e) {
		StringBuilder path = new StringBuilder();
		for (var reference : e.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
