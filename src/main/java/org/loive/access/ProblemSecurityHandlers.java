package org.loive.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loive.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * 401 and 403 of the API as problem details, keeping the {@code WWW-Authenticate} header the bearer
 * token standard (RFC 6750) asks for. A 403 is put on record here; a refused token by the login events.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
	private final Problems problems;
	private final AuditedRequests audited;

	ProblemSecurityHandlers(Problems problems, AuditedRequests audited) {
		this.problems = problems;
		this.audited = audited;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		bearerEntryPoint.commence(request, response, e);
		problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		audited.denied(request);
		bearerDenied.handle(request, response, e);
		problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
	}
}
