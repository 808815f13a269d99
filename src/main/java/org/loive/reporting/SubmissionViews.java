package org.loive.reporting;

import org.loive.access.Officer;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.Vietnam;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The reporting calendar and the submissions, for the pages and the API alike: what the province owes and when,
 * a report's preview as it will leave the province, its submission frozen and sealed, its versions. Supervisors
 * see their province's; auditors see submissions and their seals (of their province, or every province's for an
 * auditor without one), never the figures.
 */
@Service
class SubmissionViews {

	/** The official report is in Vietnamese, whatever the language of the page it is submitted from. */
	static final Locale OFFICIAL = Locale.forLanguageTag("vi");

	/** A line of the calendar as shown: the obligation named, the period, the due day, where it stands. */
	record CalendarLine(String obligation, String name, String recipient, String responsibleAgency, String source,
			ReportPeriod period, String periodParameter, String periodLabel, LocalDate dueOn, Instant overdueFrom,
			ReportCalendar.Status status, ReportSubmissions.Summary latest, Instant escalatedAt) {

		/** The last moment it is on time: the end of the due day in Vietnam. */
		public Instant deadline() {
			return overdueFrom.minusSeconds(1);
		}
	}

	/** A submission as shown: what it is, all its versions, whether its seal holds, its figures for supervisors. */
	record Submission(ReportSubmissions.Summary summary, String name, String periodLabel, String periodParameter,
			List<ReportSubmissions.Summary> versions, boolean sealHolds, SmallCellReport figures) {
	}

	/** A report before it is submitted: the figures as they will leave the province and the versions so far. */
	record Preview(CalendarLine line, SmallCellReport figures, int currentVersion,
			List<ReportSubmissions.Summary> versions) {
	}

	private final ReportCalendar calendar;
	private final ReportSubmissions submissions;
	private final Reports reports;
	private final SmallCells smallCells;
	private final DocxReport docx;
	private final ReportViews views;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;

	SubmissionViews(ReportCalendar calendar, ReportSubmissions submissions, Reports reports, SmallCells smallCells,
			DocxReport docx, ReportViews views, AuditLog audit, MessageSource messages, Clock clock) {
		this.calendar = calendar;
		this.submissions = submissions;
		this.reports = reports;
		this.smallCells = smallCells;
		this.docx = docx;
		this.views = views;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The supervisor's province's calendar. */
	@Transactional(readOnly = true)
	List<CalendarLine> calendar(Officer officer, Locale locale) {
		return calendar.of(ReportViews.province(officer)).stream().map(entry -> line(entry, locale)).toList();
	}

	/** How many of the province's reports are overdue and not submitted. */
	@Transactional(readOnly = true)
	long overdue(Officer officer) {
		return calendar.of(ReportViews.province(officer)).stream()
			.filter(entry -> entry.status() == ReportCalendar.Status.OVERDUE)
			.count();
	}

	/** The report an obligation owes for a period, as it will leave the province; 404 if the calendar has no such. */
	@Transactional(readOnly = true)
	Preview preview(Officer officer, String obligation, ReportPeriod asked, Locale locale) {
		String province = ReportViews.province(officer);
		ReportCalendar.Due due = due(obligation, asked);
		ReportPeriod period = due.period();
		ReportCalendar.Entry entry = calendar.of(province).stream()
			.filter(candidate -> candidate.due().key().equals(due.key()))
			.findFirst()
			.orElse(new ReportCalendar.Entry(due, ReportCalendar.Status.OPEN, null, null));
		int version = submissions.latestVersion(province, obligation, period);
		List<ReportSubmissions.Summary> versions = entry.latest() == null ? List.of() : submissions.versions(entry.latest());
		return new Preview(line(entry, locale), smallCells.publish(reports.report(province, period, locale), true), version,
				versions);
	}

	/**
	 * Submits the report an obligation owes for a period: computed now, suppressed, rendered as the official DOCX,
	 * frozen and sealed into the audit chain, as version {@code expectedVersion + 1}. The same {@code requestId}
	 * again returns the submission it made; a version submitted meanwhile by someone else is a 409.
	 */
	@Transactional
	ReportSubmissions.Summary submit(Officer officer, String obligation, ReportPeriod asked, int expectedVersion,
			UUID requestId, SubmissionForm form) {
		String province = ReportViews.province(officer);
		if (requestId != null) {
			Optional<ReportSubmissions.Summary> made = submissions.find(requestId);
			if (made.isPresent()) {
				if (!made.get().province().equals(province)) {
					throw ApiException.conflict("report.submission.request-used");
				}
				return made.get();
			}
		}
		ReportCalendar.Due due = due(obligation, asked);
		ReportPeriod period = due.period();
		LocalDate today = LocalDate.now(clock.withZone(Vietnam.ZONE));
		int current = submissions.latestVersion(province, obligation, period);
		if (current != expectedVersion) {
			throw ApiException.conflict("report.submission.newer-version", current);
		}
		List<InvalidRequestException.Rejection> rejections = new ArrayList<>();
		if (!today.isAfter(period.to())) {
			rejections.add(new InvalidRequestException.Rejection("period", "validation.report.period-not-over"));
		}
		if (current > 0 && form.reason() == null) {
			rejections.add(new InvalidRequestException.Rejection("reason", "validation.report.reason-required"));
		}
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
		Report report = reports.report(province, period, OFFICIAL);
		byte[] rendering = docx.render(report, letterhead(province, due, form, today), true, OFFICIAL);
		try {
			return submissions.freeze(new ReportSubmissions.Draft(requestId == null ? UUID.randomUUID() : requestId,
					province, obligation, period, current + 1, clock.instant(), officer.actor(), form.documentNo(),
					form.reason(), smallCells.publish(report, true), rendering));
		}
		catch (DuplicateKeyException concurrent) {
			throw ApiException.conflict("report.submission.newer-version", current + 1);
		}
	}

	/** The submissions the officer may see, latest first. */
	@Transactional(readOnly = true)
	List<ReportSubmissions.Summary> list(Officer officer) {
		return submissions.of(scope(officer));
	}

	/** A submission with its versions and whether its seal holds; the figures for its province's supervisors only. */
	@Transactional(readOnly = true)
	Submission submission(Officer officer, UUID id, Locale locale) {
		ReportSubmissions.Summary summary = visible(officer, id);
		boolean supervisor = officer.hasRole(Officer.SUPERVISOR) && summary.province().equals(officer.province());
		return new Submission(summary, name(summary.obligation(), locale), views.periodLabel(summary.period(), locale),
				PeriodParameter.format(summary.period()), submissions.versions(summary), audit.seals(summary.auditSeq(), summary.sha256())
						&& summary.sha256().equals(submissions.seal(id).orElse(null)),
				supervisor ? submissions.figures(id).orElseThrow() : null);
	}

	/** The frozen DOCX, for the province's supervisors. */
	@Transactional(readOnly = true)
	ReportViews.Export document(Officer officer, UUID id) {
		String province = ReportViews.province(officer);
		ReportSubmissions.Summary summary = submissions.find(id).filter(found -> found.province().equals(province))
			.orElseThrow(() -> ApiException.notFound("report.no-submission", id));
		return new ReportViews.Export(submissions.rendering(id).orElseThrow(),
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"bao-cao-" + province + "-" + PeriodParameter.format(summary.period()) + "-v" + summary.version() + ".docx");
	}

	String name(String obligation, Locale locale) {
		return messages.getMessage("reports.obligation." + obligation, null, obligation, locale);
	}

	private ReportSubmissions.Summary visible(Officer officer, UUID id) {
		String scope = scope(officer);
		return submissions.find(id).filter(found -> scope == null || found.province().equals(scope))
			.orElseThrow(() -> ApiException.notFound("report.no-submission", id));
	}

	/** The province whose submissions the officer sees; null for an auditor of no province: every one. */
	private static String scope(Officer officer) {
		if (officer.hasRole(Officer.SUPERVISOR)) {
			return ReportViews.province(officer);
		}
		if (officer.hasRole(Officer.AUDITOR)) {
			return officer.province();
		}
		throw ApiException.forbidden("report.supervisors-only");
	}

	private ReportCalendar.Due due(String obligation, ReportPeriod period) {
		return calendar.find(obligation, period)
			.orElseThrow(() -> ApiException.notFound("report.no-obligation", obligation, PeriodParameter.format(period)));
	}

	private Letterhead letterhead(String province, ReportCalendar.Due due, SubmissionForm form, LocalDate today) {
		Letterhead standard = views.letterhead(province, OFFICIAL);
		List<String> recipients = List.of(messages.getMessage("reports.obligation." + due.obligation().id() + ".recipient",
				null, OFFICIAL), messages.getMessage("reports.letterhead.archive", null, OFFICIAL));
		return new Letterhead(standard.parentAgency(), standard.agency(), form.documentNo(), standard.place(), today,
				recipients, standard.signerTitle(), form.signerName());
	}

	private CalendarLine line(ReportCalendar.Entry entry, Locale locale) {
		ReportObligation obligation = entry.due().obligation();
		return new CalendarLine(obligation.id(), name(obligation.id(), locale),
				messages.getMessage("reports.obligation." + obligation.id() + ".recipient", null, locale),
				obligation.responsibleAgency().label(), obligation.source(), entry.due().period(),
				PeriodParameter.format(entry.due().period()), views.periodLabel(entry.due().period(), locale),
				entry.due().dueOn(), entry.due().overdueFrom(), entry.status(), entry.latest(), entry.escalatedAt());
	}
}
