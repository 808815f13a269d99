package org.loive.devstack;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The local stack of the dev run.
 *
 * @param dataDirectory where PostgreSQL's data and the Keycloak admin password are kept between runs
 * @param databasePort the embedded PostgreSQL's port, on 127.0.0.1
 * @param keycloakHome the unpacked Keycloak distribution
 * @param keycloakPort Keycloak's HTTP port
 * @param appUrl the application's own address, allowed as an OIDC redirect
 * @param mfa the demo users log in as officers do in production, with a one-time code (set up at their first login)
 * @param secondNode this run is a second node: it joins the PostgreSQL and the Keycloak of a first dev run already
 *        running, and starts neither
 */
@ConfigurationProperties("loive.dev")
public record DevStackProperties(Path dataDirectory, int databasePort, Path keycloakHome, int keycloakPort,
		String appUrl, boolean mfa, boolean secondNode) {
}
