package org.loive.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.loive.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The engine REST API's errors as the rest of the API answers them: RFC 9457 problem details, in the caller's
 * language, with the status the fault deserves. Camunda answers 500 for many faults of the caller (an unknown id,
 * a stale version, a suspended instance); those get 404, 409 or 400, so a 500 means a fault of ours, whose
 * engine message stays in the log under an incident id and never reaches the caller.
 */
class EngineProblems extends OncePerRequestFilter {

	private static final Logger LOG = LoggerFactory.getLogger(EngineProblems.class);

	/** Camunda's exception types that are the caller's fault, by the status they deserve. */
	private static final Map<String, HttpStatus> CALLER_FAULTS = Map.of("NullValueException", HttpStatus.NOT_FOUND,
			"NotFoundException", HttpStatus.NOT_FOUND, "BadUserRequestException", HttpStatus.BAD_REQUEST,
			"NotValidException", HttpStatus.BAD_REQUEST, "OptimisticLockingException", HttpStatus.CONFLICT,
			"SuspendedEntityInteractionException", HttpStatus.CONFLICT, "AuthorizationException", HttpStatus.FORBIDDEN);

	/** JAX-RS answers a query parameter it cannot read (maxResults=many) with 404, as if the resource were missing. */
	private static final Map<String, HttpStatus> MISREPORTED = Map.of("QueryParamException", HttpStatus.BAD_REQUEST,
			"HeaderParamException", HttpStatus.BAD_REQUEST, "FormParamException", HttpStatus.BAD_REQUEST);

	private static final Pattern NOT_FOUND = Pattern.compile(
			"(?i)\\b(not found|does not exist|doesn't exist|no \\w+( \\w+)? found|cannot find|couldn't find)\\b");
	private static final Pattern SUSPENDED = Pattern.compile("(?i)\\bis suspended\\b");

	/** Statuses with an explanation of their own; others get a general one. */
	private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 409);

	private final Problems problems;
	private final ObjectMapper json;

	EngineProblems(Problems problems, ObjectMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ErrorCapture capture = new ErrorCapture(response);
		chain.doFilter(request, capture);
		if (capture.writer != null) {
			capture.writer.flush();
		}
		if (capture.captured != null) {
			answer(request, response, capture.getStatus(), capture.captured.toByteArray());
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, int status, byte[] engineBody)
			throws IOException {
		JsonNode engine = engineError(engineBody);
		String type = engine.path("type").asText("");
		HttpStatus answered = MISREPORTED.containsKey(type) ? MISREPORTED.get(type)
				: status >= 500 ? callerFault(type, engine.path("message").asText(""))
				: HttpStatus.resolve(status) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(status);
		ProblemDetail problem;
		if (answered.is5xxServerError()) {
			String incident = UUID.randomUUID().toString();
			LOG.error("Engine REST {} {} failed with {} (incident {})", request.getMethod(), request.getRequestURI(), type,
					incident);
			problem = problems.problem(answered, "problem.unexpected", incident);
		}
		else {
			problem = problems.problem(answered, EXPLAINED.contains(answered.value()) ? "problem.engine." + answered.value()
					: "problem.engine.other");
			problem.setProperty("engineType", type);
			problem.setProperty("engineMessage", engine.path("message").asText(""));
		}
		problem.setInstance(URI.create(request.getRequestURI()));
		byte[] body = json.writeValueAsBytes(problem);
		response.resetBuffer();
		response.setStatus(answered.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * The status a 500 of Camunda deserves: by the exception's type, or, where Camunda wrapped an engine exception
	 * in its own with status 500 (an unknown job's retries), by what its message says.
	 */
	private static HttpStatus callerFault(String type, String message) {
		HttpStatus byType = CALLER_FAULTS.get(type);
		if (byType != null) {
			return byType;
		}
		if (NOT_FOUND.matcher(message).find()) {
			return HttpStatus.NOT_FOUND;
		}
		return SUSPENDED.matcher(message).find() ? HttpStatus.CONFLICT : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private JsonNode engineError(byte[] body) {
		try {
			return json.readTree(body);
		}
		catch (IOException notJson) {
			return json.createObjectNode();
		}
	}

	/** Passes successful responses through untouched; keeps an error's body to be rewritten. */
	private static final class ErrorCapture extends HttpServletResponseWrapper {

		private ByteArrayOutputStream captured;
		private ServletOutputStream stream;
		private PrintWriter writer;

		ErrorCapture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (getStatus() < 400) {
				return super.getOutputStream();
			}
			if (stream == null) {
				captured = captured == null ? new ByteArrayOutputStream() : captured;
				stream = new CapturingStream(captured);
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (getStatus() < 400) {
				return super.getWriter();
			}
			if (writer == null) {
				writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
			}
			return writer;
		}

		@Override
		public void sendError(int status, String message) {
			setStatus(status);
			captured = captured == null ? new ByteArrayOutputStream() : captured;
		}

		@Override
		public void sendError(int status) {
			sendError(status, null);
		}

		@Override
		public void flushBuffer() throws IOException {
			if (getStatus() < 400) {
				super.flushBuffer();
			}
		}
	}

	private static final class CapturingStream extends ServletOutputStream {

		private final ByteArrayOutputStream target;

		CapturingStream(ByteArrayOutputStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) {
			target.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			target.write(bytes, offset, length);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			throw new UnsupportedOperationException("blocking writes only");
		}
	}
}
