package org.loive.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer tokens this node has verified lately, so that the next request with the same token is not decoded
 * and its signature not checked again (about a sixth of a node's CPU under load: docs/benchmarks.md). A token is
 * taken from here only before its own expiry, without the validator's clock skew; one that failed is never kept; a
 * token signed by a key Keycloak has since removed stays good here until it expires, as it would at any resource
 * server holding the key set it fetched. Its clock is the system's, as the validator's is.
 */
final class RecentTokens implements JwtDecoder {

	static final int SIZE = 4096;
	static final Duration KEPT = Duration.ofMinutes(10);

	private final JwtDecoder decoder;
	private final Clock clock;
	private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(SIZE).expireAfterWrite(KEPT).build();

	RecentTokens(JwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Instant now = clock.instant();
		Jwt known = verified.getIfPresent(token);
		if (known != null && unexpired(known, now)) {
			return known;
		}
		Jwt jwt = decoder.decode(token);
		if (unexpired(jwt, now)) {
			verified.put(token, jwt);
		}
		else {
			verified.invalidate(token);
		}
		return jwt;
	}

	private static boolean unexpired(Jwt jwt, Instant now) {
		return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
	}
}
