package org.loive.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the officer out of a Keycloak token (API bearer token or browser login's ID token): claims
 * {@code preferred_username}, {@code roles} (realm roles), {@code groups} (agency groups), {@code area}.
 */
public final class Officers {

	static final String USERNAME = "preferred_username";
	static final String ROLES = "roles";
	static final String GROUPS = "groups";
	static final String AREA = "area";

	private Officers() {
	}

	/** The officer of the current request, if one is signed in. */
	public static Optional<Officer> current() {
		return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication()).flatMap(Officers::of);
	}

	static Optional<Officer> of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof ClaimAccessor claims)) {
			return Optional.empty();
		}
		return Optional.of(of(claims));
	}

	static Officer of(ClaimAccessor claims) {
		return new Officer(claims.getClaimAsString(USERNAME), names(claims, ROLES), names(claims, GROUPS),
				claims.getClaimAsString(AREA));
	}

	/** Realm roles as {@code ROLE_x}, agency groups as {@code GROUP_x}. */
	static Collection<GrantedAuthority> authorities(ClaimAccessor claims) {
		return Stream
			.concat(names(claims, ROLES).stream().map(role -> "ROLE_" + role),
					names(claims, GROUPS).stream().map(group -> "GROUP_" + group))
			.<GrantedAuthority>map(SimpleGrantedAuthority::new)
			.toList();
	}

	private static Set<String> names(ClaimAccessor claims, String claim) {
		List<String> values = claims.hasClaim(claim) ? claims.getClaimAsStringList(claim) : List.of();
		return Set.copyOf(values);
	}
}
