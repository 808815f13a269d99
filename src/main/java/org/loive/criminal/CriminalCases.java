package org.loive.criminal;

import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.loive.platform.Vietnam;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Criminal cases and what is recorded on them, whatever state their referral cases are in. Every read and
 * every change is decided, and put on record, by {@link VictimDataAccess}: officers act on the criminal cases
 * of their own province only, each milestone by the agency whose act it is.
 */
@Service
public class CriminalCases {

	private final CriminalCaseRecords records;
	private final ReferralCases referrals;
	private final VictimDataAccess access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CriminalCases(CriminalCaseRecords records, ReferralCases referrals, VictimDataAccess access,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.referrals = referrals;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** Opens a criminal case of the officer's province; its number is unique in the province. */
	@Transactional
	UUID create(CriminalCaseController.NewCriminalCase request, Officer officer) {
		UUID id = UUID.randomUUID();
		access.authorizeCriminalCaseRecord(officer, Agency.POLICE,
				event(AuditAction.CRIMINAL_CASE_CREATE, officer, id).purpose(purpose(id) + ":" + request.charge()),
				officer.province());
		if (!records.insert(new CriminalCaseRecords.Row(id, request.reference(), officer.province(), request.charge(),
				CriminalCaseStatus.REGISTERED, officer.username(), clock.instant()))) {
			throw ApiException.conflict("criminal-case.duplicate", request.reference());
		}
		return id;
	}

	@Transactional
	CriminalCaseView view(UUID id, Officer officer) {
		CriminalCaseRecords.Row row = find(id);
		access.authorizeCriminalCaseRead(officer, row.province(), event(AuditAction.CRIMINAL_CASE_READ, officer, id));
		List<CriminalCaseView.LinkedReferral> linked = records.links(id)
			.stream()
			.map(link -> new CriminalCaseView.LinkedReferral(link.caseId(),
					referrals.find(link.caseId()).map(ReferralCases.Referral::reference).orElse(null), link.linkedBy(),
					link.linkedAt()))
			.toList();
		return new CriminalCaseView(row.id(), row.reference(), row.province(), row.charge(), row.status(),
				row.createdBy(), row.createdAt(), records.milestones(id), linked);
	}

	@Transactional
	CriminalCaseController.CriminalCasePage list(Officer officer, int page, int size) {
		String province = officer.province();
		access.authorizeCriminalCaseRead(officer, province,
				AuditEvent.of(AuditAction.CRIMINAL_CASE_READ, officer.actor()).purpose("criminal-cases:" + province));
		return new CriminalCaseController.CriminalCasePage(records.ofProvince(province, page, size), page, size,
				records.countOfProvince(province));
	}

	/**
	 * The criminal cases of the officer's province a referral case is linked to, for the referral case's page
	 * (whose own access the caller decided); a read on record when there is any.
	 */
	@Transactional
	public List<CriminalCaseSummary> linkedTo(UUID caseId, Officer officer) {
		List<CriminalCaseSummary> linked = records.linkedTo(caseId, officer.province());
		if (!linked.isEmpty()) {
			access.authorizeCriminalCaseRead(officer, officer.province(),
					AuditEvent.of(AuditAction.CRIMINAL_CASE_READ, officer.actor()).onCase(caseId)
						.purpose("criminal-cases-of-case"));
		}
		return linked;
	}

	/** Links a referral case of the same province, by its reference: 404 if there is none, 403 if it is elsewhere. */
	@Transactional
	void link(UUID id, String reference, Officer officer) {
		CriminalCaseRecords.Row row = find(id);
		ReferralCases.Referral referral = referrals.findByReference(reference)
			.orElseThrow(() -> ApiException.notFound("case.not-found", reference));
		access.authorizeCriminalCaseRecord(officer, Agency.POLICE,
				event(AuditAction.CRIMINAL_CASE_LINK, officer, id).onCase(referral.caseId()), row.province(),
				referral.province());
		Instant now = clock.instant();
		if (!records.link(id, referral.caseId(), officer.username(), now)) {
			throw ApiException.conflict("criminal-case.already-linked", reference);
		}
		events.publishEvent(new CriminalCaseEvents.ReferralLinked(id, row.province(), referral.caseId(), now));
	}

	@Transactional
	void unlink(UUID id, UUID caseId, Officer officer) {
		CriminalCaseRecords.Row row = find(id);
		access.authorizeCriminalCaseRecord(officer, Agency.POLICE,
				event(AuditAction.CRIMINAL_CASE_UNLINK, officer, id).onCase(caseId), row.province());
		if (!records.unlink(id, caseId)) {
			throw ApiException.notFound("criminal-case.not-linked", caseId);
		}
		events.publishEvent(new CriminalCaseEvents.ReferralUnlinked(id, caseId));
	}

	/**
	 * Records the next milestone, by its agency: out of order is a conflict (409); a day in the future or before
	 * the previous milestone, and an outcome missing at trial or given before it, are refused field by field (400).
	 */
	@Transactional
	void record(UUID id, CriminalCaseController.MilestoneRecord request, Officer officer) {
		CriminalCaseRecords.Row row = find(id);
		Milestone milestone = request.milestone();
		access.authorizeCriminalCaseRecord(officer, milestone.recordedBy(),
				event(AuditAction.CRIMINAL_CASE_MILESTONE, officer, id).purpose(purpose(id) + ":" + milestone),
				row.province());
		if (!row.status().next().equals(Optional.of(milestone))) {
			throw ApiException.conflict("criminal-case.out-of-order", milestone, row.status());
		}
		List<Rejection> rejections = new ArrayList<>();
		LocalDate today = LocalDate.now(clock.withZone(Vietnam.ZONE));
		Optional<LocalDate> previous = records.milestones(id)
			.stream()
			.map(CriminalCaseView.RecordedMilestone::date)
			.max(Comparator.naturalOrder());
		if (request.date().isAfter(today)) {
			rejections.add(new Rejection("date", "validation.not-in-future"));
		}
		else if (previous.isPresent() && request.date().isBefore(previous.get())) {
			rejections.add(new Rejection("date", "validation.before-previous-milestone"));
		}
		if (milestone == Milestone.TRIED && request.outcome() == null) {
			rejections.add(new Rejection("outcome", "validation.required"));
		}
		if (milestone != Milestone.TRIED && request.outcome() != null) {
			rejections.add(new Rejection("outcome", "validation.outcome-at-trial"));
		}
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
		Instant now = clock.instant();
		if (!records.advance(id, row.status(), milestone, request.date(), request.outcome(), officer.username(), now)) {
			throw ApiException.conflict("criminal-case.out-of-order", milestone, row.status());
		}
		events.publishEvent(new CriminalCaseEvents.MilestoneRecorded(id, row.province(), milestone.name(), request.date(),
				request.outcome() == null ? null : request.outcome().name(), now));
	}

	private CriminalCaseRecords.Row find(UUID id) {
		return records.find(id).orElseThrow(() -> ApiException.notFound("criminal-case.not-found", id));
	}

	private static AuditEvent event(AuditAction action, Officer officer, UUID id) {
		return AuditEvent.of(action, officer.actor()).purpose(purpose(id));
	}

	private static String purpose(UUID id) {
		return "criminal-case:" + id;
	}
}
