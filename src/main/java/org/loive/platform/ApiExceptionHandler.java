package org.loive.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.UUID;

/**
 * Every error of {@code /api/**} as an RFC 9457 problem detail. Rejected values are never echoed: they
 * may be victim data.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Problems problems;

	ApiExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException e) {
		return respond(problems.problem(e.status(), e.messageKey(), e.arguments()));
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
		return respond(problems.invalid(e.rejections()
			.stream()
			.map(rejection -> new FieldError(rejection.field(), problems.message(rejection.messageKey())))
			.toList()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		return respond(problems.invalid(List.of(new FieldError(e.getName(), problems.message("problem.field.wrong-type")))));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		String incident = UUID.randomUUID().toString();
		// The message may quote stored values (SQL errors do): only the type goes to the log by default.
		log.error("Unexpected {} (incident {})", e.getClass().getName(), incident);
		log.debug("Incident {}", incident, e);
		ProblemDetail problem = problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected", incident);
		problem.setProperty("incident", incident);
		return respond(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(problems.invalid(fieldErrors(e.getBindingResult())));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = e.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
						problems.message(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(problems.invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(e, PayloadTooLargeException.class)) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.body(problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "problem.payload-too-large"));
		}
		var duplicate = InvalidRequestException.duplicateKey(e);
		if (duplicate.isPresent()) {
			return invalidField(duplicate.get(), "problem.field.duplicate");
		}
		if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return invalidField(InvalidRequestException.fieldPath(mapping), InvalidRequestException.messageKey(mapping));
		}
		String key = e.getCause() instanceof JsonProcessingException ? "problem.json.malformed" : "problem.body.missing";
		return ResponseEntity.badRequest().body(problems.problem(HttpStatus.BAD_REQUEST, key));
	}

	private ResponseEntity<Object> invalidField(String field, String messageKey) {
		return ResponseEntity.badRequest()
			.body(problems.invalid(List.of(new FieldError(field, problems.message(messageKey)))));
	}

	private List<FieldError> fieldErrors(BindingResult result) {
		return result.getFieldErrors()
			.stream()
			.map(error -> new FieldError(InvalidRequestException.fieldOf(error.getField()),
					problems.message(error.getDefaultMessage())))
			.toList();
	}

	private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
