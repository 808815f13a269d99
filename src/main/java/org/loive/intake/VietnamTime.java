package org.loive.intake;

import org.loive.platform.Vietnam;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Moments as the pages show them to people: {@code dd/MM/yyyy} (and {@code HH:mm}) in Vietnam's time. */
@Component("vietnamTime")
class VietnamTime {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vietnam.ZONE);
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(Vietnam.ZONE);

	private final Clock clock;

	VietnamTime(Clock clock) {
		this.clock = clock;
	}

	public String date(Instant at) {
		return at == null ? "" : DATE.format(at);
	}

	public String dateTime(Instant at) {
		return at == null ? "" : DATE_TIME.format(at);
	}

	/** Calendar days from today to the day of the deadline, in Vietnam: negative when it has passed. */
	public long daysLeft(Instant due) {
		return ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(Vietnam.ZONE)), due.atZone(Vietnam.ZONE).toLocalDate());
	}
}
