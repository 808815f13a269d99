package org.loive.support;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/** A browser login in a page slice test, as the application maps a Keycloak ID token. */
public final class PageLogin {

	private PageLogin() {
	}

	/** Realm role as ROLE_x and agency groups as GROUP_x, the claims {@code org.loive.access.Officers} reads, area QNG. */
	public static OidcLoginRequestPostProcessor officer(String username, String role, String... groups) {
		List<SimpleGrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_" + role)));
		for (String group : groups) {
			authorities.add(new SimpleGrantedAuthority("GROUP_" + group));
		}
		return oidcLogin().authorities(authorities.toArray(SimpleGrantedAuthority[]::new))
			.idToken(token -> token.claim("preferred_username", username)
				.claim("roles", List.of(role))
				.claim("groups", List.of(groups))
				.claim("area", "QNG"));
	}
}
