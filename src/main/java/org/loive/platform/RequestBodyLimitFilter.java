package org.loive.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies over the limit with 413 (a problem detail for the API, the error page for a page): at once
 * when Content-Length says so, otherwise as soon as a chunked body passes the limit while it is read. The
 * Camunda webapps and engine REST API keep their own limits.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;
	private final Problems problems;

	RequestBodyLimitFilter(long limit, Problems problems) {
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "problem.payload-too-large");
			}
			else {
				response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
			}
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			return new LimitedInputStream(super.getInputStream(), limit);
		}
	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream body;
		private final long limit;
		private long read;

		LimitedInputStream(ServletInputStream body, long limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = body.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = body.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			read += n;
			if (read > limit) {
				throw new PayloadTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return body.isFinished();
		}

		@Override
		public boolean isReady() {
			return body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			body.setReadListener(listener);
		}
	}
}
