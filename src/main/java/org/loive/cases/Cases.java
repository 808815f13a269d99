package org.loive.cases;

import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.loive.platform.Vietnam;
import org.loive.vault.Consents;
import org.loive.workflow.CaseMilestones;
import org.loive.workflow.CaseProgress;
import org.loive.workflow.ReferralWorkflow;
import org.loive.workflow.ExploitationForm;
import org.loive.workflow.ReturnMode;
import org.loive.workflow.Stage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cases of a province: their view and list, and what happens to a case outside its tasks
 * (consent withdrawn, transfer; criminal cases are records of their own). Caseworkers and supervisors see their
 * own province only.
 */
@Service
class Cases {

	/** Later than any case's receipt: the upper bound of a list without a month. */
	private static final Instant END_OF_RECORDS = Instant.parse("9999-01-01T00:00:00Z");

	private final JdbcClient jdbc;
	private final CasePersons persons;
	private final CaseProgress progress;
	private final CaseMilestones milestones;
	private final ReferralWorkflow workflow;
	private final Consents consents;
	private final CaseFlags flags;
	private final VictimDataAccess access;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Cases(JdbcClient jdbc, CasePersons persons, CaseProgress progress, CaseMilestones milestones,
			ReferralWorkflow workflow, Consents consents, CaseFlags flags, VictimDataAccess access, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.progress = progress;
		this.milestones = milestones;
		this.workflow = workflow;
		this.consents = consents;
		this.flags = flags;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	CaseView view(UUID caseId, Officer officer) {
		CaseRecord record = visible(caseId, officer);
		CaseProgress.Progress state = progress.of(caseId);
		return new CaseView(record.id(), record.reference(), record.channel(), record.place(), record.area(),
				record.intakeArea(),
				record.receivedAt(), record.immediateDanger(), record.facts(), record.registeredBy(), record.registeredAt(),
				state.stage(), state.outcome(), persons.of(caseId), flags.of(caseId), state.completedSteps(),
				state.openSteps(), state.escalations(), milestones.of(caseId), record.processInstanceId(),
				record.reportResolution());
	}

	/**
	 * A page of the province's cases, newest first, found by reference (exact or prefix, any case) and by the
	 * calendar month of Vietnam they were received in. The
	 * engine's open steps are read in one query; a stage or overdue filter becomes a set of case ids to keep
	 * or to leave out, so that matching, sorting and paging all happen in SQL.
	 */
	@Transactional(readOnly = true)
	CasePage list(Officer officer, String q, Stage stage, Boolean overdue, YearMonth received, int page, int size) {
		String province = officer.province();
		Map<UUID, CaseProgress.Summary> open = progress.openCasesOf(province);
		Filter filter = Filter.of(open, stage, overdue);
		String where = """
				where (area = :province or area like :communes)
				  and (:q = '' or upper(reference) like :q escape '\\')
				  and received_at >= :from and received_at < :to
				  and (id = any(cast(string_to_array(:ids, ',') as uuid[])) = :keep or not :filtered)""";
		long total = jdbc.sql("select count(*) from referral_case " + where)
			.params(filter.params(province, q))
			.params(months(received))
			.query(Long.class)
			.single();
		List<CaseSummary> items = jdbc.sql("select * from referral_case " + where
				+ " order by received_at desc, id limit :size offset :offset")
			.params(filter.params(province, q))
			.params(months(received))
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, n) -> map(row))
			.list()
			.stream()
			.map(record -> summary(record, open.get(record.id())))
			.toList();
		return new CasePage(items, page, size, total);
	}

	/** Where the case's processes wait now, by process key, for its diagrams; the case's province only. */
	@Transactional(readOnly = true)
	Map<String, Set<String>> currentActivities(UUID caseId, Officer officer) {
		visible(caseId, officer);
		return progress.currentActivities(caseId);
	}

	/** How many cases of the province were received in a calendar month of Vietnam. */
	long receivedIn(String province, YearMonth month) {
		return jdbc.sql("""
				select count(*) from referral_case
				where (area = :province or area like :communes) and received_at >= :from and received_at < :to""")
			.param("province", province)
			.param("communes", province + "-%")
			.params(months(month))
			.query(Long.class)
			.single();
	}

	/** From the first moment of the month in Vietnam to the first of the next; every time when there is no month. */
	private static Map<String, Object> months(YearMonth month) {
		return month == null ? Map.of("from", Timestamp.from(Instant.EPOCH), "to", Timestamp.from(END_OF_RECORDS))
				: Map.of("from", monthStart(month), "to", monthStart(month.plusMonths(1)));
	}

	private static Timestamp monthStart(YearMonth month) {
		return Timestamp.from(month.atDay(1).atStartOfDay(Vietnam.ZONE).toInstant());
	}

	/** The cases a stage or overdue filter keeps (or leaves out), by id; no filter keeps every case. */
	private record Filter(boolean filtered, boolean keep, Set<UUID> ids) {

		static Filter of(Map<UUID, CaseProgress.Summary> open, Stage stage, Boolean overdue) {
			if (stage == null && overdue == null) {
				return new Filter(false, true, Set.of());
			}
			if (stage == Stage.CLOSED) {
				return Boolean.TRUE.equals(overdue) ? new Filter(true, true, Set.of())
						: new Filter(true, false, open.keySet());
			}
			if (stage == null && !overdue) {
				return new Filter(true, false, ids(open, summary -> summary.overdue()));
			}
			return new Filter(true, true, ids(open, summary -> (stage == null || summary.stage() == stage)
					&& (overdue == null || summary.overdue() == overdue)));
		}

		private static Set<UUID> ids(Map<UUID, CaseProgress.Summary> open,
				java.util.function.Predicate<CaseProgress.Summary> test) {
			return open.entrySet().stream().filter(entry -> test.test(entry.getValue())).map(Map.Entry::getKey)
				.collect(java.util.stream.Collectors.toSet());
		}

		Map<String, Object> params(String province, String q) {
			String prefix = q == null ? "" : q.strip().toUpperCase(java.util.Locale.ROOT);
			return Map.of("province", province, "communes", province + "-%", "q",
					prefix.isEmpty() ? "" : prefix.replaceAll("([\\\\%_])", "\\\\$1") + "%", "ids",
					String.join(",", ids.stream().map(UUID::toString).toList()), "keep", keep, "filtered", filtered);
		}
	}

	/**
	 * Withdraws every consent of the case's persons and stops every service: a change to victim data, so
	 * only an agency with work on the case may record it, as for a single consent, and it is on record.
	 */
	@Transactional
	void withdrawConsent(UUID caseId, String reason, Officer officer) {
		CaseRecord record = visible(caseId, officer);
		access.authorizeWrite(officer, scope(record), null, Set.of(), AuditAction.CONSENT_WITHDRAW);
		Instant now = clock.instant();
		milestones.record(caseId, CaseMilestones.Kind.CONSENT_WITHDRAWN, reason, officer.username(), now);
		events.publishEvent(new CaseEvents.ConsentWithdrawn(caseId, now));
		consents.withdrawAll(persons.of(caseId).stream().map(CasePersons.LinkedPerson::personId).toList(),
				officer.username());
		workflow.withdrawConsent(caseId, reason);
	}

	/**
	 * Records how the report was resolved, in any state of the case: the police, or the border guard that received
	 * it, decide on a report; not before it was received.
	 */
	@Transactional
	void resolveReport(UUID caseId, ReportResolution.ReportDecision outcome, LocalDate decidedOn, Officer officer) {
		CaseRecord record = visible(caseId, officer);
		if (!resolvesReports(officer)) {
			throw ApiException.forbidden("case.report-resolution-agency");
		}
		if (decidedOn.isBefore(record.receivedAt().atZone(Vietnam.ZONE).toLocalDate())) {
			throw new InvalidRequestException(List.of(new Rejection("decidedOn", "validation.before-received")));
		}
		access.authorizeWrite(officer, scope(record), null, Set.of(), AuditAction.CASE_REPORT_RESOLUTION);
		Instant now = clock.instant();
		String agency = officer.belongsTo(Agency.POLICE.group()) ? Agency.POLICE.group() : Agency.BORDER_GUARD.group();
		jdbc.sql("""
				update referral_case set report_resolution = :outcome, report_resolved_on = :day, report_resolved_by = :by,
				                         report_resolved_at = :at, report_resolved_agency = :agency
				where id = :id""")
			.param("outcome", outcome.name())
			.param("day", decidedOn)
			.param("by", officer.username())
			.param("at", Timestamp.from(now))
			.param("agency", agency)
			.param("id", caseId)
			.update();
		events.publishEvent(new CaseEvents.ReportResolved(caseId, outcome.name(), decidedOn, now, agency));
	}

	/** The police and the border guard decide on reports. */
	static boolean resolvesReports(Officer officer) {
		return officer.belongsTo(Agency.POLICE.group()) || officer.belongsTo(Agency.BORDER_GUARD.group());
	}

	@Transactional
	void transfer(UUID caseId, String area, Officer officer) {
		CaseRecord record = visible(caseId, officer);
		if (record.area().equals(area)) {
			throw ApiException.conflict("case.same-area", area);
		}
		audit.record(AuditEvent.of(AuditAction.CASE_TRANSFER, officer.actor())
			.onCase(caseId)
			.purpose("from:" + record.area() + ":to:" + area));
		jdbc.sql("update referral_case set area = :area where id = :id").param("area", area).param("id", caseId).update();
		Instant now = clock.instant();
		milestones.record(caseId, CaseMilestones.Kind.TRANSFERRED, area, officer.username(), now);
		events.publishEvent(new CaseEvents.CaseTransferred(caseId, record.area(), area, now));
		workflow.transfer(caseId, area);
	}

	/** The case, if it lies in the officer's province; 404 or 403 otherwise. */
	CaseRecord visible(UUID caseId, Officer officer) {
		CaseRecord record = find(caseId).orElseThrow(() -> ApiException.notFound("case.not-found", caseId));
		if (!record.province().equals(officer.province())) {
			throw ApiException.forbidden("case.other-area", caseId);
		}
		return record;
	}

	/** The case and its province now, for access decisions; 404 if there is no such case. */
	VictimDataAccess.CaseScope scope(UUID caseId) {
		return scope(find(caseId).orElseThrow(() -> ApiException.notFound("case.not-found", caseId)));
	}

	private static VictimDataAccess.CaseScope scope(CaseRecord record) {
		return new VictimDataAccess.CaseScope(record.id(), record.province());
	}

	Optional<CaseRecord> find(UUID caseId) {
		return jdbc.sql("select * from referral_case where id = :id").param("id", caseId).query((row, n) -> map(row))
			.optional();
	}

	Optional<CaseRecord> findByReference(String reference) {
		return jdbc.sql("select * from referral_case where reference = :reference")
			.param("reference", reference)
			.query((row, n) -> map(row))
			.optional();
	}

	private static CaseSummary summary(CaseRecord record, CaseProgress.Summary open) {
		return new CaseSummary(record.id(), record.reference(), record.channel(), record.area(), record.receivedAt(),
				open == null ? Stage.CLOSED : open.stage(), open == null ? 0 : open.openSteps(),
				open != null && open.overdue());
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from referral_case)").query(Boolean.class).single();
	}

	/** Every case's registration as it was published, in the order registered: what the reports' rebuild replays. */
	List<CaseEvents.Recorded<CaseEvents.CaseRegistered>> registrations() {
		return jdbc.sql("select * from referral_case order by registered_at, id")
			.query((row, n) -> new CaseEvents.Recorded<>(row.getTimestamp("registered_at").toInstant(),
					new CaseEvents.CaseRegistered(row.getObject("id", UUID.class), row.getString("reference"),
							row.getString("channel"), row.getString("report_kind"), row.getString("place"),
							row.getString("return_mode"), row.getString("trafficking_scope"),
							texts(row.getArray("exploitation_forms")), texts(row.getArray("recruitment_contexts")),
							row.getString("destination_country"), row.getString("intake_area"),
							row.getTimestamp("received_at").toInstant(), row.getString("registered_agency"))))
			.list();
	}

	/**
	 * Every case's report resolution, the last one recorded (earlier ones left no trace in the table). A case
	 * resolved before its moment was kept counts as resolved at the start of the day decided, or at registration.
	 */
	List<CaseEvents.Recorded<CaseEvents.ReportResolved>> resolutions() {
		return jdbc.sql("""
				select id, report_resolution, report_resolved_on, report_resolved_agency,
				       coalesce(report_resolved_at, greatest(registered_at,
				                cast(report_resolved_on as timestamp) at time zone 'Asia/Ho_Chi_Minh')) as resolved_at
				from referral_case where report_resolution is not null order by resolved_at, id""")
			.query((row, n) -> {
				Instant at = row.getTimestamp("resolved_at").toInstant();
				return new CaseEvents.Recorded<>(at, new CaseEvents.ReportResolved(row.getObject("id", UUID.class),
						row.getString("report_resolution"), row.getObject("report_resolved_on", LocalDate.class), at,
						row.getString("report_resolved_agency")));
			})
			.list();
	}

	private static List<String> texts(Array codes) throws SQLException {
		return Arrays.stream((Object[]) codes.getArray()).map(String::valueOf).toList();
	}

	/** The reference drawn for a case written without it (intake draws it last, V33). */
	void reference(UUID caseId, String reference) {
		jdbc.sql("update referral_case set reference = :reference where id = :id and reference is null")
			.param("reference", reference)
			.param("id", caseId)
			.update();
	}

	/** A new case's row, its reference drawn last ({@link #reference}): its codes and facts and the agency that received it, never personal data. */
	void insert(CaseRecord record, String receivingAgency) {
		IntakeFacts facts = record.facts();
		jdbc.sql("""
				insert into referral_case (id, reference, channel, place, area, intake_area, received_at, immediate_danger,
				                           process_instance_id, registered_by, registered_at, report_kind, hotline_number,
				                           return_mode, trafficking_scope, exploitation_forms, recruitment_contexts,
				                           destination_country, residence_area, registered_agency)
				values (:id, :reference, :channel, :place, :area, :intakeArea, :receivedAt, :danger, :process, :officer,
				        :registeredAt, :reportKind, :hotline, :returnMode, :scope,
				        cast(string_to_array(:exploitation, ',') as varchar[]),
				        cast(string_to_array(:recruitment, ',') as varchar[]), :destination, :residence, :agency)""")
			.param("id", record.id())
			.param("reference", record.reference())
			.param("channel", record.channel())
			.param("place", record.place())
			.param("area", record.area())
			.param("intakeArea", record.intakeArea())
			.param("receivedAt", Timestamp.from(record.receivedAt()))
			.param("danger", record.immediateDanger())
			.param("process", record.processInstanceId())
			.param("officer", record.registeredBy())
			.param("registeredAt", Timestamp.from(record.registeredAt()))
			.param("reportKind", code(facts.reportKind()))
			.param("hotline", facts.hotlineNumber())
			.param("returnMode", code(facts.returnMode()))
			.param("scope", code(facts.traffickingScope()))
			.param("exploitation", codes(facts.exploitationForms()))
			.param("recruitment", codes(facts.recruitmentContexts()))
			.param("destination", facts.destinationCountry())
			.param("residence", facts.residenceArea())
			.param("agency", receivingAgency)
			.update();
	}

	private static String code(Enum<?> code) {
		return code == null ? null : code.name();
	}

	/** A list of codes as PostgreSQL's string_to_array reads it: none is an empty array. */
	private static String codes(List<? extends Enum<?>> codes) {
		return String.join(",", codes.stream().map(Enum::name).toList());
	}

	private static CaseRecord map(ResultSet row) throws SQLException {
		return new CaseRecord(row.getObject("id", UUID.class), row.getString("reference"), row.getString("channel"),
				row.getString("place"), row.getString("area"), row.getString("intake_area"),
				row.getTimestamp("received_at").toInstant(),
				row.getBoolean("immediate_danger"), facts(row), row.getString("registered_by"),
				row.getTimestamp("registered_at").toInstant(), row.getString("process_instance_id"), resolution(row));
	}

	private static ReportResolution resolution(ResultSet row) throws SQLException {
		String outcome = row.getString("report_resolution");
		return outcome == null ? null : new ReportResolution(ReportResolution.ReportDecision.valueOf(outcome),
				row.getObject("report_resolved_on", LocalDate.class), row.getString("report_resolved_by"));
	}

	private static IntakeFacts facts(ResultSet row) throws SQLException {
		return new IntakeFacts(code(ReportKind.class, row.getString("report_kind")), row.getString("hotline_number"),
				code(ReturnMode.class, row.getString("return_mode")),
				code(TraffickingScope.class, row.getString("trafficking_scope")),
				codes(ExploitationForm.class, row.getArray("exploitation_forms")),
				codes(RecruitmentContext.class, row.getArray("recruitment_contexts")), row.getString("destination_country"),
				row.getString("residence_area"));
	}

	private static <E extends Enum<E>> E code(Class<E> type, String code) {
		return code == null ? null : Enum.valueOf(type, code);
	}

	private static <E extends Enum<E>> List<E> codes(Class<E> type, Array codes) throws SQLException {
		return Arrays.stream((Object[]) codes.getArray()).map(code -> Enum.valueOf(type, (String) code)).toList();
	}
}
