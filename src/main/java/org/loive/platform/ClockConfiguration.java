package org.loive.platform;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** One clock for the application, replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * Ticks in microseconds, what PostgreSQL keeps: an instant read back from a table equals the one written, so
	 * that the reports' rebuild finds the same instants (and source keys) as the live events carried.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
	}

	/**
	 * {@code @Past} and {@code @PastOrPresent} judge dates by Vietnam's calendar and the application's clock: at
	 * 01:00 in Hà Nội today's date is not in the future, whatever the server's zone.
	 */
	@Bean
	ValidationConfigurationCustomizer vietnameseToday(Clock clock) {
		return configuration -> configuration.clockProvider(() -> clock.withZone(Vietnam.ZONE));
	}
}
