package org.loive.reporting;

import org.loive.platform.Vietnam;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a province owes the steering committee and when: each configured obligation's periods, their data
 * cut-off and due day, what was submitted for them, and, once a report is past its due day unsubmitted, an
 * escalation to the province's supervisors, raised once, as an overdue step is.
 */
@Service
class ReportCalendar {

	/** How close a due day must be to show as due soon. */
	static final Duration DUE_SOON = Duration.ofDays(7);
	/** How far back the calendar lists reports due. */
	static final int DAYS_BACK = 400;

	/** A period an obligation covers and the day it is due, by the end of which (in Vietnam) it must be submitted. */
	record Due(ReportObligation obligation, ReportPeriod period, LocalDate dueOn) {

		/** The instant it becomes overdue: the start of the day after the due day, in Vietnam. */
		Instant overdueFrom() {
			return dueOn.plusDays(1).atStartOfDay(Vietnam.ZONE).toInstant();
		}

		String key() {
			return obligation.id() + "|" + period.from() + "|" + period.to();
		}
	}

	/** Where a due report stands. */
	enum Status { OVERDUE, DUE_SOON, OPEN, UPCOMING, SUBMITTED_LATE, SUBMITTED }

	/** A line of the calendar: the report due, where it stands, its latest submission, its escalation. */
	record Entry(Due due, Status status, ReportSubmissions.Summary latest, Instant escalatedAt) {

		boolean submitted() {
			return latest != null;
		}
	}

	private final CalendarProperties properties;
	private final ReportSubmissions submissions;
	private final JdbcClient jdbc;
	private final Clock clock;

	ReportCalendar(CalendarProperties properties, ReportSubmissions submissions, JdbcClient jdbc, MessageSource messages,
			Clock clock) {
		this.properties = properties;
		this.submissions = submissions;
		this.jdbc = jdbc;
		this.clock = clock;
		for (ReportObligation obligation : properties.calendar()) {
			// every obligation is named and addressed in both languages, or the application does not start
			for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
				messages.getMessage("reports.obligation." + obligation.id(), null, locale);
				messages.getMessage("reports.obligation." + obligation.id() + ".recipient", null, locale);
			}
		}
	}

	List<ReportObligation> obligations() {
		return properties.calendar();
	}

	/**
	 * The province's calendar: every report due from {@link #DAYS_BACK} days ago (not before tracking started) and
	 * each obligation's next one, those to do first (overdue, due soon, open, upcoming, by due day), then those
	 * submitted (latest due first).
	 */
	@Transactional(readOnly = true)
	List<Entry> of(String province) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, Vietnam.ZONE);
		Map<String, ReportSubmissions.Summary> latest = submissions.latestOf(province);
		Map<String, Instant> escalated = escalations(province);
		List<Entry> entries = new ArrayList<>();
		for (Due due : dues(today)) {
			ReportSubmissions.Summary submitted = latest.get(due.key());
			entries.add(new Entry(due, status(due, submitted, now, today), submitted, escalated.get(due.key())));
		}
		Comparator<Entry> order = Comparator.comparing((Entry entry) -> entry.submitted())
			.thenComparing(entry -> entry.submitted() ? -entry.due().dueOn().toEpochDay() : entry.due().dueOn().toEpochDay())
			.thenComparing(entry -> entry.due().obligation().id());
		return entries.stream().sorted(order).toList();
	}

	/** The report an obligation owes for a period, if the calendar has it. */
	Optional<Due> find(String obligation, ReportPeriod period) {
		return properties.calendar().stream()
			.filter(candidate -> candidate.id().equals(obligation))
			.flatMap(candidate -> candidate.occurrences(period.to().getYear() - 1, period.to().getYear() + 1).stream())
			.filter(due -> due.period().from().equals(period.from()) && due.period().to().equals(period.to()))
			.findFirst();
	}

	/**
	 * Raises every report past its due day and not submitted, in every province with cases, once: the unique key
	 * makes a second node's or a second run's insert a no-op.
	 */
	@Scheduled(fixedDelayString = "${loive.reporting.overdue-check:15m}", initialDelayString = "${loive.reporting.overdue-check:15m}")
	@Transactional
	void escalateOverdue() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, Vietnam.ZONE);
		List<String> provinces = jdbc.sql("select distinct province from report_case").query(String.class).list();
		for (String province : provinces) {
			Map<String, ReportSubmissions.Summary> latest = submissions.latestOf(province);
			for (Due due : dues(today)) {
				if (!latest.containsKey(due.key()) && !now.isBefore(due.overdueFrom())) {
					raise(province, due, now);
				}
			}
		}
	}

	private void raise(String province, Due due, Instant now) {
		jdbc.sql("""
				insert into report_escalation (province, obligation, period_from, period_to, due_at, raised_at)
				values (:province, :obligation, :from, :to, :due, :raised)
				on conflict (province, obligation, period_from, period_to) do nothing""")
			.param("province", province)
			.param("obligation", due.obligation().id())
			.param("from", due.period().from())
			.param("to", due.period().to())
			.param("due", Timestamp.from(due.overdueFrom()))
			.param("raised", Timestamp.from(now))
			.update();
	}

	private Map<String, Instant> escalations(String province) {
		return jdbc.sql("select obligation, period_from, period_to, raised_at from report_escalation where province = :province")
			.param("province", province)
			.query((row, n) -> Map.entry(row.getString("obligation") + "|" + row.getDate("period_from").toLocalDate() + "|"
					+ row.getDate("period_to").toLocalDate(), row.getTimestamp("raised_at").toInstant()))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	/** Reports due in the window of the calendar: the past ones, and each obligation's next. */
	private List<Due> dues(LocalDate today) {
		LocalDate first = today.minusDays(DAYS_BACK).isAfter(properties.calendarFrom()) ? today.minusDays(DAYS_BACK)
				: properties.calendarFrom();
		List<Due> dues = new ArrayList<>();
		for (ReportObligation obligation : properties.calendar()) {
			List<Due> all = obligation.occurrences(today.getYear() - 2, today.getYear() + 1).stream()
				.filter(due -> !due.dueOn().isBefore(first))
				.sorted(Comparator.comparing(Due::dueOn))
				.toList();
			all.stream().filter(due -> due.dueOn().isBefore(today)).forEach(dues::add);
			all.stream().filter(due -> !due.dueOn().isBefore(today)).findFirst().ifPresent(dues::add);
		}
		return dues;
	}

	private static Status status(Due due, ReportSubmissions.Summary submitted, Instant now, LocalDate today) {
		if (submitted != null) {
			return submitted.firstSubmittedAt().isBefore(due.overdueFrom()) ? Status.SUBMITTED : Status.SUBMITTED_LATE;
		}
		if (!now.isBefore(due.overdueFrom())) {
			return Status.OVERDUE;
		}
		if (!today.isAfter(due.period().to())) {
			return Status.UPCOMING;
		}
		return Duration.between(now, due.overdueFrom()).compareTo(DUE_SOON) <= 0 ? Status.DUE_SOON : Status.OPEN;
	}
}
