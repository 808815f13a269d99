package org.loive.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.IntegrationTest;
import org.loive.support.TestKeycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mistake: a client fetches its token from Keycloak at 127.0.0.1 instead of localhost. Keycloak's fixed host
 * name gives the token the one issuer the application trusts, so the API accepts it.
 */
class LoopbackIssuerIT extends IntegrationTest {

	@Test
	void aTokenFetchedVia127001IsAccepted() throws IOException {
		String viaLoopback = TestKeycloak.get().issuer().replace("//localhost:", "//127.0.0.1:");
		assertThat(viaLoopback).startsWith("http://127.0.0.1:");
		HttpRequest request = HttpRequest.newBuilder(URI.create(viaLoopback + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("client_id=loive-cli&grant_type=password&username=police.qng&password=demo"))
			.build();
		Api.Reply grant = Api.send(request);
		assertThat(grant.status()).isEqualTo(200);
		String token = grant.body().get("access_token").asText();

		assertThat(claims(token).get("iss").asText()).isEqualTo(TestKeycloak.get().issuer());
		assertThat(Api.get("/api/v1/tasks", token).status()).isEqualTo(200);
	}

	private static JsonNode claims(String token) throws IOException {
		return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}
}
