package org.loive.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Builds RFC 9457 problem details with localized text (Vietnamese by default, English on request),
 * for controllers and for the filters that answer before any controller.
 */
@Component
public class Problems {

	/** Problem types are documented under this base. */
	public static final String TYPE_BASE = "https://loive.org/problems/";

	private final MessageSource messages;
	private final ObjectMapper json;
	private final LocaleResolver locales;

	Problems(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	public ProblemDetail problem(HttpStatus status, String messageKey, Object... arguments) {
		return problem(currentLocale(), status, messageKey, arguments);
	}

	public ProblemDetail invalid(List<FieldError> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid-request");
		problem.setProperty("errors", errors);
		return problem;
	}

	public String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, currentLocale());
	}

	/** Answers with a problem straight from a filter or security handler, before MVC runs. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String messageKey) throws IOException {
		ProblemDetail problem = problem(locales.resolveLocale(request), status, messageKey);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	private ProblemDetail problem(Locale locale, HttpStatus status, String messageKey, Object... arguments) {
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(status, messages.getMessage(messageKey, arguments, messageKey, locale));
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setType(URI.create(TYPE_BASE + messageKey.replace("problem.", "").replace('.', '-')));
		return problem;
	}

	private Locale currentLocale() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return locales.resolveLocale(request.getRequest());
		}
		return LocaleContextHolder.getLocale();
	}
}
