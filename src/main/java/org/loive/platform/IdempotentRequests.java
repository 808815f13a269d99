package org.loive.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every POST that creates or acts may carry an idempotency key ({@code Idempotency-Key} header on the API,
 * hidden field {@code _idempotency} that every page form carries, one per rendering): the same key with the
 * same request gets the first response again without acting again, the same key with another request 422, a
 * retry while the first request still runs 409. Keys are the user's own, kept 24 hours in PostgreSQL so that
 * every node honours them. A refused or failed first request (4xx, 5xx) changed nothing: its key is released.
 * <p>
 * An API request runs in one transaction from its key to its answer: the key, what the request did and the
 * answer commit together or not at all. A client that saw an error, a timeout or a cut connection retries with its
 * key and gets the first answer if the request committed, or acts now if it did not, at once even when the node it
 * went to died or PostgreSQL went away meanwhile (FaultInjectionIT). A page form's key is taken and answered by
 * statements of their own, since page controllers render a refusal after a failed statement, which a transaction
 * around them would no longer run: a page request whose node died unanswered keeps its key for
 * {@link IdempotencyKeys#ABANDONED}.
 * <p>
 * The response kept is a JSON body (the API's answers to creating and acting: ids, references, codes) or a
 * page's redirect; a page fragment is not kept, since it may show victim data: its retry reloads the page, which
 * shows what the first request did. Reads sent as POST (a break-glass read, revealing a section) are not
 * idempotent: each is a read of its own, on record.
 */
class IdempotentRequests extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	static final String FIELD = "_idempotency";
	static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
	private static final Pattern READS = Pattern.compile(".*/(break-glass|reveal)$");
	/** JSON answers larger than this are not kept (none of the API's answers to creating or acting is). */
	private static final int KEPT_BODY = 64 * 1024;

	private final IdempotencyKeys keys;
	private final Problems problems;
	private final PlatformTransactionManager transactions;

	IdempotentRequests(IdempotencyKeys keys, Problems problems, PlatformTransactionManager transactions) {
		this.keys = keys;
		this.problems = problems;
		this.transactions = transactions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || path.startsWith("/camunda/") || path.startsWith("/engine-rest/")
				|| READS.matcher(path).matches() || owner() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = isForm(request);
		String key = request.getHeader(HEADER) != null || !form ? request.getHeader(HEADER) : request.getParameter(FIELD);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!KEY.matcher(key).matches()) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "problem.idempotency.invalid-key");
			return;
		}
		byte[] body;
		try {
			body = form ? null : request.getInputStream().readAllBytes();
		}
		catch (PayloadTooLargeException e) {
			refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "problem.payload-too-large");
			return;
		}
		String fingerprint = fingerprint(request, body);
		HttpServletRequest forwarded = body == null ? request : new ReadAgain(request, body);
		String owner = owner();
		if (isApi(request)) {
			inOneTransaction(request, forwarded, response, chain, owner, key, fingerprint);
		}
		else if (keys.take(owner, key, fingerprint)) {
			first(forwarded, response, chain, owner, key);
		}
		else {
			retry(request, response, owner, key, fingerprint);
		}
	}

	/** The key taken, the request's work and its answer, in one transaction that commits only a success. */
	private void inOneTransaction(HttpServletRequest request, HttpServletRequest forwarded, HttpServletResponse response,
			FilterChain chain, String owner, String key, String fingerprint) throws ServletException, IOException {
		TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
		try {
			boolean first;
			try {
				first = keys.take(owner, key, fingerprint);
			}
			catch (IdempotencyKeys.InProgress e) {
				transactions.rollback(transaction);
				inProgress(request, response);
				return;
			}
			if (!first) {
				retry(request, response, owner, key, fingerprint);
				return;
			}
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			chain.doFilter(forwarded, answer);
			if (answer.getStatus() >= 400) {
				transactions.rollback(transaction);
			}
			else if (transaction.isRollbackOnly()) {
				// part of the work failed and an exception was caught on the way: not the success the answer says, a 500
				// as the request's own transaction would have ended (its body is not sent)
				throw new UnexpectedRollbackException("Yêu cầu đã bị hoàn tác / the request was rolled back");
			}
			else {
				keys.answer(owner, key, answer.getStatus(), answer.getContentType(), answer.getHeader("Location"),
						answer.getHeader("HX-Redirect"), kept(answer));
				transactions.commit(transaction);
			}
			answer.copyBodyToResponse();
		}
		finally {
			// an exception on the way: nothing commits, the key stays free
			if (!transaction.isCompleted()) {
				transactions.rollback(transaction);
			}
		}
	}

	private void first(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String owner,
			String key) throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		boolean done = false;
		try {
			chain.doFilter(request, answer);
			done = true;
		}
		finally {
			int status = answer.getStatus();
			if (done && status < 400) {
				keys.answer(owner, key, status, answer.getContentType(), answer.getHeader("Location"),
						answer.getHeader("HX-Redirect"), kept(answer));
			}
			else {
				keys.release(owner, key);
			}
			answer.copyBodyToResponse();
		}
	}

	private void retry(HttpServletRequest request, HttpServletResponse response, String owner, String key,
			String fingerprint) throws IOException {
		IdempotencyKeys.Entry entry = keys.find(owner, key).orElse(null);
		if (entry != null && !entry.fingerprint().equals(fingerprint)) {
			refuse(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "problem.idempotency.other-request");
			return;
		}
		if (entry == null || !entry.answered()) {
			inProgress(request, response);
			return;
		}
		response.setHeader(REPLAYED, "true");
		if (entry.body() == null && entry.status() < 300 && entry.hxRedirect() == null) {
			reload(request, response);
			return;
		}
		response.setStatus(entry.status());
		if (entry.location() != null) {
			response.setHeader("Location", entry.location());
		}
		if (entry.hxRedirect() != null) {
			response.setHeader("HX-Redirect", entry.hxRedirect());
		}
		if (entry.body() != null) {
			response.setContentType(entry.contentType());
			response.getOutputStream().write(entry.body());
		}
	}

	private void inProgress(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "1");
		refuse(request, response, HttpStatus.CONFLICT, "problem.idempotency.in-progress");
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** A page fragment not kept: htmx reloads the page, a browser goes back to the page it came from. */
	private static void reload(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Refresh", "true");
			response.setStatus(HttpStatus.OK.value());
			return;
		}
		String referer = request.getHeader("Referer");
		String origin = request.getScheme() + "://" + request.getServerName();
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader("Location", referer != null && referer.startsWith(origin) ? referer : request.getContextPath() + "/");
	}

	private static byte[] kept(ContentCachingResponseWrapper answer) {
		String type = answer.getContentType();
		byte[] body = answer.getContentAsByteArray();
		boolean json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
		return json && body.length > 0 && body.length <= KEPT_BODY ? body : null;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			problems.write(request, response, status, message);
		}
		else {
			response.sendError(status.value());
		}
	}

	/** The request as the key promises it: method, path, query, content type and body (a form's fields, sorted). */
	private static String fingerprint(HttpServletRequest request, byte[] body) throws IOException, ServletException {
		MessageDigest sha256 = sha256();
		for (String part : new String[] { request.getMethod(), request.getRequestURI(), request.getQueryString(),
				request.getContentType() }) {
			update(sha256, part == null ? "" : part);
		}
		if (body != null) {
			sha256.update(body);
			return HexFormat.of().formatHex(sha256.digest());
		}
		Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
		fields.remove(FIELD);
		fields.remove("_csrf");
		fields.forEach((name, values) -> {
			update(sha256, name);
			for (String value : values) {
				update(sha256, value);
			}
		});
		if (isMultipart(request)) {
			for (Part part : request.getParts()) {
				if (part.getSubmittedFileName() != null) {
					update(sha256, part.getName());
					try (var content = part.getInputStream()) {
						sha256.update(content.readAllBytes());
					}
				}
			}
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	/** Length-prefixed, so that no two different requests read the same. */
	private static void update(MessageDigest sha256, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
		sha256.update((byte) ':');
		sha256.update(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || isMultipart(request));
	}

	private static boolean isMultipart(HttpServletRequest request) {
		return request.getContentType() != null && request.getContentType().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private static String owner() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
	}

	/** The body read for the fingerprint, read again by the application. */
	private static final class ReadAgain extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadAgain(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
