package org.loive.access.camunda;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.loive.access.Officers;

import java.util.List;

/**
 * Hands the officer Spring Security already authenticated (Keycloak login or bearer token) to the
 * Camunda webapps and engine REST API, with their agency groups and roles as Camunda groups.
 * Instantiated by Camunda's filters by class name.
 */
public class OfficerAuthenticationProvider implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		return Officers.current().map(officer -> {
			AuthenticationResult result = AuthenticationResult.successful(officer.username());
			result.setGroups(List.copyOf(officer.engineGroups()));
			result.setTenants(List.of());
			return result;
		}).orElseGet(AuthenticationResult::unsuccessful);
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security has already answered unauthenticated requests.
	}
}
