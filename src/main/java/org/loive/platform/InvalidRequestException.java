package org.loive.platform;

import com.fasterxml.jackson.databind.JsonMappingException;

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
