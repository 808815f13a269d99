package org.loive.access;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Keycloak is and how the application is known to it.
 *
 * @param url the address browsers and token issuers use (the {@code iss} of every token)
 * @param internalUrl the address the application itself calls (keys, token exchange); often the same
 * @param realm the realm, {@code loive}
 * @param clientId the confidential client of the browser login
 * @param clientSecret its secret
 * @param audience the audience every API token must carry
 */
@ConfigurationProperties("loive.keycloak")
@Validated
public record KeycloakProperties(@NotBlank String url, @NotBlank String internalUrl, @NotBlank String realm,
		@NotBlank String clientId, @NotBlank(message = "set LOIVE_OIDC_CLIENT_SECRET") String clientSecret,
		@NotBlank String audience) {

	public String issuer() {
		return url + "/realms/" + realm;
	}

	String internalEndpoint(String path) {
		return internalUrl + "/realms/" + realm + "/protocol/openid-connect/" + path;
	}
}
