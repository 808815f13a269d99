package org.loive.platform;

import org.springframework.http.HttpStatus;

/**
 * An API error with its status and a message key of {@code messages*.properties}; the arguments must
 * never carry victim data, only identifiers and codes.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;
	private final String messageKey;
	private final transient Object[] arguments;

	public ApiException(HttpStatus status, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public static ApiException notFound(String messageKey, Object... arguments) {
		return new ApiException(HttpStatus.NOT_FOUND, messageKey, arguments);
	}

	public static ApiException conflict(String messageKey, Object... arguments) {
		return new ApiException(HttpStatus.CONFLICT, messageKey, arguments);
	}

	public static ApiException forbidden(String messageKey, Object... arguments) {
		return new ApiException(HttpStatus.FORBIDDEN, messageKey, arguments);
	}

	public static ApiException badRequest(String messageKey, Object... arguments) {
		return new ApiException(HttpStatus.BAD_REQUEST, messageKey, arguments);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
