package org.loive.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Adds a fresh idempotency key to every form a page renders (Thymeleaf asks for the extra hidden fields of each
 * {@code th:action} form), so that a double click or a resubmitted page acts once; the CSRF token and whatever
 * else the wrapped processor adds stay.
 */
final class IdempotencyFormFields implements RequestDataValueProcessor {

	/** Set while a GET form is rendered: a search or filter acts on nothing and keeps its URL clean. */
	private static final String GET_FORM = IdempotencyFormFields.class.getName() + ".GET";

	private final RequestDataValueProcessor wrapped;

	IdempotencyFormFields(RequestDataValueProcessor wrapped) {
		this.wrapped = wrapped;
	}

	@Override
	public String processAction(HttpServletRequest request, String action, String httpMethod) {
		if ("GET".equalsIgnoreCase(httpMethod)) {
			request.setAttribute(GET_FORM, Boolean.TRUE);
		}
		else {
			request.removeAttribute(GET_FORM);
		}
		return wrapped.processAction(request, action, httpMethod);
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
		return wrapped.processFormFieldValue(request, name, value, type);
	}

	@Override
	public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> others = wrapped.getExtraHiddenFields(request);
		if (others != null) {
			fields.putAll(others);
		}
		if (request.getAttribute(GET_FORM) == null) {
			fields.put(IdempotentRequests.FIELD, UUID.randomUUID().toString());
		}
		request.removeAttribute(GET_FORM);
		return fields;
	}

	@Override
	public String processUrl(HttpServletRequest request, String url) {
		return wrapped.processUrl(request, url);
	}
}
