package org.loive.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.Problems;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.UUID;

/**
 * Errors of the pages as pages, in the user's language: the status, what happened, what to do next. As on
 * the API, rejected values and exception messages are never shown or logged: they may be victim data.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final Problems problems;
	private final ObjectProvider<PageAttributes> layout;

	PageExceptionHandler(Problems problems, ObjectProvider<PageAttributes> layout) {
		this.problems = problems;
		this.layout = layout;
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView api(ApiException e, HttpServletRequest request, HttpServletResponse response) {
		return page(e.status(), problems.message(e.messageKey(), e.arguments()), List.of(), request, response);
	}

	@ExceptionHandler(InvalidRequestException.class)
	ModelAndView invalid(InvalidRequestException e, HttpServletRequest request, HttpServletResponse response) {
		return page(HttpStatus.BAD_REQUEST, problems.message("problem.invalid-request"),
				e.rejections().stream().map(r -> r.field() + ": " + problems.message(r.messageKey())).toList(), request,
				response);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HandlerMethodValidationException.class })
	ModelAndView badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return page(HttpStatus.BAD_REQUEST, problems.message("problem.invalid-request"), List.of(), request, response);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected {} on a page (incident {})", e.getClass().getName(), incident);
		log.debug("Incident {}", incident, e);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, problems.message("problem.unexpected", incident), List.of(),
				request, response);
	}

	/** The error page; for a partial update (htmx), the alert alone, shown where the update would have gone. */
	private ModelAndView page(HttpStatus status, String message, List<String> details, HttpServletRequest request,
			HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView(request.getHeader("HX-Request") != null ? "fragments/alert :: alert" : "error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.addObject("details", details);
		layout.orderedStream().forEach(attributes -> page.addAllObjects(attributes.of(request)));
		return page;
	}
}
