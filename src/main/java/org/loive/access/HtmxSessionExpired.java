package org.loive.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A partial update after the session ended (idle timeout, logout in another tab) cannot follow a redirect
 * to Keycloak: htmx is told to reload the page, which then goes to the login.
 */
class HtmxSessionExpired implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
		response.setHeader("HX-Refresh", "true");
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
	}
}
