package org.loive.platform;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates people enter are judged by Vietnam's calendar, not the server's. */
class VietnameseTodayTest {

	record Application(@PastOrPresent LocalDate receivedOn) {
	}

	/** 18:30 UTC on 2 December is 01:30 on 3 December in Hà Nội. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T18:30:00Z"), ZoneOffset.UTC);

	@Test
	void todayInVietnamIsNotInTheFutureWhileItIsStillYesterdayInUtc() {
		HibernateValidatorConfiguration configuration = Validation.byProvider(org.hibernate.validator.HibernateValidator.class)
			.configure();
		new ClockConfiguration().vietnameseToday(CLOCK).customize(configuration);
		Validator validator = configuration.buildValidatorFactory().getValidator();

		assertThat(validator.validate(new Application(LocalDate.parse("2026-12-03")))).isEmpty();
		assertThat(validator.validate(new Application(LocalDate.parse("2026-12-04")))).hasSize(1);
	}
}
