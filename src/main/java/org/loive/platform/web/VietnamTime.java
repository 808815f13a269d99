package org.loive.platform.web;

import org.loive.platform.Vietnam;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Moments as every page shows them to people: {@code dd/MM/yyyy} (and {@code HH:mm}) in Vietnam's time, and
 * a deadline both absolute and relative ("còn 2 ngày", "quá hạn 1 ngày"). Templates reach it as
 * {@code @vietnamTime}.
 */
@Component("vietnamTime")
public class VietnamTime {

	/** A deadline this close, in calendar days, is shown as due soon. */
	static final int SOON_DAYS = 2;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vietnam.ZONE);
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(Vietnam.ZONE);

	/** A due date as people read it: the day, how far away it is, and its status class (overdue, soon, ontime). */
	public record Deadline(String date, String relative, String status) {
	}

	private final Clock clock;
	private final MessageSource messages;

	VietnamTime(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	public String date(Instant at) {
		return at == null ? "" : DATE.format(at);
	}

	public String dateTime(Instant at) {
		return at == null ? "" : DATE_TIME.format(at);
	}

	/** The deadline in the user's language, counted in calendar days in Vietnam; "no deadline" when there is none. */
	public Deadline deadline(Instant due) {
		if (due == null) {
			return new Deadline(null, message("time.none"), "ontime");
		}
		Instant now = clock.instant();
		long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, Vietnam.ZONE), LocalDate.ofInstant(due, Vietnam.ZONE));
		if (due.isBefore(now)) {
			return new Deadline(date(due), days == 0 ? message("time.overdue-today") : message("time.overdue", -days),
					"overdue");
		}
		return new Deadline(date(due), days == 0 ? message("time.due-today") : message("time.due-in", days),
				days <= SOON_DAYS ? "soon" : "ontime");
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}
}
