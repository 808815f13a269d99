package org.loive.reporting;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.access.Agency;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.support.MigrationDatabase;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The calendar of province QNG on a real PostgreSQL at fixed instants: what is due, due soon, overdue (from 00:00
 * in Vietnam the day after the due day), submitted on time or late, and the escalation of an overdue report,
 * raised once however often the check runs. The audit log is a mock: its chain is tested in the audit module.
 */
class ReportCalendarTest {

	@TempDir
	static Path directory;
	static MigrationDatabase database;
	static ReportSubmissions submissions;
	static final AtomicLong seq = new AtomicLong(1000);

	/** Seed 001's Q1 and Q3 (due 15/3 and 15/9) and seed 002's year (1/12 to 30/11, due 4/12). */
	static final CalendarProperties PLANS = new CalendarProperties(List.of(
			new ReportObligation("quarter", ReportPeriod.Kind.QUARTER, List.of(1, 3), 14, 0, 16, 0, null, null,
					Agency.POLICE, "001"),
			new ReportObligation("year", ReportPeriod.Kind.YEAR, List.of(), 31, -1, 5, 0, null, null, Agency.HEALTH, "002")),
			LocalDate.parse("2026-01-01"));

	@BeforeAll
	static void database() {
		database = MigrationDatabase.start(directory);
		database.migrate();
		AuditLog audit = mock(AuditLog.class);
		when(audit.recordChained(any(AuditEvent.class))).thenAnswer(call -> seq.incrementAndGet());
		submissions = new ReportSubmissions(database.jdbc(), audit, Jackson2ObjectMapperBuilder.json().build());
		new CaseDimensions(database.jdbc()).recordCase(new CaseDimensions.CaseCodes(UUID.randomUUID(), "QNG-1",
				"HOTLINE_111", "DENUNCIATION", "INLAND", null, "DOMESTIC", List.of(), List.of(), null, "QNG-001",
				Instant.parse("2026-01-05T02:00:00Z")));
	}

	@AfterAll
	static void stop() {
		database.close();
	}

	static ReportCalendar at(String instant) {
		StaticMessageSource messages = new StaticMessageSource();
		for (String id : List.of("quarter", "year")) {
			for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
				messages.addMessage("reports.obligation." + id, locale, id);
				messages.addMessage("reports.obligation." + id + ".recipient", locale, id);
			}
		}
		return new ReportCalendar(PLANS, submissions, database.jdbc(), messages,
				Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

	static ReportCalendar.Status status(List<ReportCalendar.Entry> entries, String obligation, String to) {
		return entries.stream()
			.filter(entry -> entry.due().obligation().id().equals(obligation) && entry.due().period().to().toString().equals(to))
			.findFirst().orElseThrow(() -> new AssertionError(obligation + " to " + to + " not in " + entries))
			.status();
	}

	@Test
	void aReportIsDueSoonThenOverdueFromMidnightInVietnamAndEscalatedOnce() {
		// 20:00 on 15 March in Vietnam: the last day, not yet overdue
		List<ReportCalendar.Entry> lastDay = at("2026-03-15T13:00:00Z").of("QNG");
		assertThat(status(lastDay, "quarter", "2026-03-14")).isEqualTo(ReportCalendar.Status.DUE_SOON);
		assertThat(status(lastDay, "year", "2026-11-30")).as("the year's data run to 30 November")
			.isEqualTo(ReportCalendar.Status.UPCOMING);
		assertThat(lastDay).extracting(entry -> entry.due().period().to().toString())
			.as("the next report of each obligation, nothing due before tracking started")
			.containsExactlyInAnyOrder("2026-03-14", "2026-11-30");

		// 00:00 on 16 March in Vietnam
		ReportCalendar midnight = at("2026-03-15T17:00:00Z");
		assertThat(status(midnight.of("QNG"), "quarter", "2026-03-14")).isEqualTo(ReportCalendar.Status.OVERDUE);
		midnight.escalateOverdue();
		at("2026-03-15T18:00:00Z").escalateOverdue();
		assertThat(database.jdbc().sql("select count(*) from report_escalation where obligation = 'quarter'")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(midnight.of("QNG").stream().filter(entry -> entry.escalatedAt() != null).map(ReportCalendar.Entry::escalatedAt))
			.containsExactly(Instant.parse("2026-03-15T17:00:00Z"));
	}

	@Test
	void aSubmissionMakesItSubmittedOnTimeOrLateByItsFirstVersion() {
		ReportCalendar calendar = at("2026-09-20T03:00:00Z");
		ReportCalendar.Due q3 = calendar.find("quarter", new ReportPeriod(ReportPeriod.Kind.AD_HOC,
				LocalDate.parse("2026-06-15"), LocalDate.parse("2026-09-14"))).orElseThrow();
		assertThat(q3.dueOn()).isEqualTo(LocalDate.parse("2026-09-15"));
		assertThat(status(calendar.of("QNG"), "quarter", "2026-09-14")).isEqualTo(ReportCalendar.Status.OVERDUE);

		freeze(q3, 1, "2026-09-16T01:00:00Z");
		assertThat(status(calendar.of("QNG"), "quarter", "2026-09-14")).isEqualTo(ReportCalendar.Status.SUBMITTED_LATE);
		assertThat(status(calendar.of("GLI"), "quarter", "2026-09-14")).as("another province's is its own")
			.isEqualTo(ReportCalendar.Status.OVERDUE);

		ReportCalendar.Due q1 = calendar.find("quarter", new ReportPeriod(ReportPeriod.Kind.AD_HOC,
				LocalDate.parse("2025-12-15"), LocalDate.parse("2026-03-14"))).orElseThrow();
		freeze(q1, 1, "2026-03-15T16:59:59Z");
		freeze(q1, 2, "2026-04-02T01:00:00Z");
		ReportCalendar.Entry entry = calendar.of("QNG").stream()
			.filter(candidate -> candidate.due().key().equals(q1.key())).findFirst().orElseThrow();
		assertThat(entry.status()).as("on time by its first version").isEqualTo(ReportCalendar.Status.SUBMITTED);
		assertThat(entry.latest().version()).isEqualTo(2);
		assertThatThrownBy(() -> freeze(q1, 2, "2026-04-03T01:00:00Z")).as("a version is submitted once")
			.isInstanceOf(DuplicateKeyException.class);
		assertThatThrownBy(() -> database.jdbc().sql("update report_submission set figures = '{}'").update())
			.as("frozen: the trigger refuses any change, even by the owner")
			.rootCause().hasMessageContaining("append-only: UPDATE on report_submission refused");
	}

	private static void freeze(ReportCalendar.Due due, int version, String at) {
		SmallCellReport figures = new SmallCellReport("QNG", due.period(), Instant.parse(at), List.of(), List.of(), true, 5);
		submissions.freeze(new ReportSubmissions.Draft(UUID.randomUUID(), "QNG", due.obligation().id(), due.period(),
				version, Instant.parse(at), AuditEvent.Actor.SYSTEM, "1/BC", version > 1 ? "sửa" : null, figures,
				new byte[] { 1, 2, 3 }));
	}
}
