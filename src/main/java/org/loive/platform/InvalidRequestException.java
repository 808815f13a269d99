package org.loive.platform;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

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

	/**
	 * The path of the key a JSON body gives twice ({@code person.fullName}), when that is why the parser refused it
	 * (Jackson's strict duplicate detection says so only in its message, and keeps the place in its parser).
	 */
	public static Optional<String> duplicateKey(Throwable refused) {
		for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
					&& read.getOriginalMessage().startsWith("Duplicate field") && read.getProcessor() != null) {
				return Optional.of(path(read.getProcessor().getParsingContext()));
			}
		}
		return Optional.empty();
	}

	private static String path(JsonStreamContext context) {
		Deque<String> steps = new ArrayDeque<>();
		for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
			steps.push(step.inArray() ? "[" + step.getCurrentIndex() + "]"
					: String.valueOf(step.getCurrentName()));
		}
		StringBuilder path = new StringBuilder();
		steps.forEach(step -> path.append(path.isEmpty() || step.startsWith("[") ? "" : ".").append(step));
		// the key came from the client: a bounded echo of it
		return path.length() > 200 ? path.substring(0, 200) : path.toString();
	}
}
