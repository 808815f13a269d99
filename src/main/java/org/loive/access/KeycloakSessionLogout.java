package org.loive.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Logging out of the Camunda webapps ends the Keycloak session too, server to server with the refresh
 * token, so that the next visit asks for the password again instead of signing straight back in.
 */
class KeycloakSessionLogout implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(KeycloakSessionLogout.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;
	private final KeycloakProperties keycloak;
	private final RestClient http;

	KeycloakSessionLogout(OAuth2AuthorizedClientRepository authorizedClients, KeycloakProperties keycloak,
			RestClient.Builder http) {
		this.authorizedClients = authorizedClients;
		this.keycloak = keycloak;
		this.http = http.build();
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication == null) {
			return;
		}
		OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(SecurityConfiguration.REGISTRATION,
				authentication, request);
		if (client == null || client.getRefreshToken() == null) {
			return;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", keycloak.clientId());
		form.add("client_secret", keycloak.clientSecret());
		form.add("refresh_token", client.getRefreshToken().getTokenValue());
		try {
			http.post()
				.uri(keycloak.internalEndpoint("logout"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException e) {
			// the local session ends regardless; Keycloak's own session then ends at its idle timeout
			log.warn("Keycloak session of {} not ended: {}", authentication.getName(), e.getClass().getSimpleName());
		}
		authorizedClients.removeAuthorizedClient(SecurityConfiguration.REGISTRATION, authentication, request, response);
	}
}
