package org.loive.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentTokensTest {

	static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	final AtomicInteger decoded = new AtomicInteger();
	final JwtDecoder keycloak = token -> {
		decoded.incrementAndGet();
		if (token.startsWith("bad")) {
			throw new BadJwtException("signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("police.qng")
			.expiresAt(Instant.parse(token.substring(token.indexOf('@') + 1))).build();
	};

	@Test
	void aVerifiedTokenIsNotDecodedAgainUntilItExpires() {
		RecentTokens tokens = new RecentTokens(keycloak, Clock.fixed(NOW, ZoneOffset.UTC));
		String token = "t1@2026-12-04T10:05:00Z";
		assertThat(tokens.decode(token).getSubject()).isEqualTo("police.qng");
		assertThat(tokens.decode(token).getTokenValue()).isEqualTo(token);
		assertThat(decoded).hasValue(1);
		assertThat(tokens.decode("t3@2026-12-04T10:05:00Z").getTokenValue()).isEqualTo("t3@2026-12-04T10:05:00Z");
		assertThat(decoded).as("another token is its own").hasValue(2);
	}

	@Test
	void aTokenPastItsExpiryIsDecodedEachTimeEvenOnceKept() {
		MutableClock clock = new MutableClock(NOW);
		RecentTokens tokens = new RecentTokens(keycloak, clock);
		String token = "t2@2026-12-04T10:01:00Z";
		tokens.decode(token);
		clock.now = NOW.plusSeconds(61);
		tokens.decode(token);
		tokens.decode(token);
		assertThat(decoded).hasValue(3);
	}

	@Test
	void aRefusedTokenIsRefusedEachTime() {
		RecentTokens tokens = new RecentTokens(keycloak, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThatThrownBy(() -> tokens.decode("bad@2026-12-04T10:05:00Z")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("bad@2026-12-04T10:05:00Z")).isInstanceOf(BadJwtException.class);
		assertThat(decoded).hasValue(2);
	}

	static final class MutableClock extends Clock {
		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
