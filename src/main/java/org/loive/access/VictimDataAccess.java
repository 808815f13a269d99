package org.loive.access;

import jakarta.servlet.http.HttpServletRequest;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one place that decides who may read or change victim data, and puts every decision on record.
 * A caseworker reads a section of a person when: the case is in their province (a transferred case takes
 * its access along), their agency has or had work on the case (an open or past task, a service referral),
 * the section is one their agency needs ({@link SectionPolicy}), and the law or the person's consent
 * covers the sharing. A supervisor reads only with a stated reason (break-glass), flagged for review.
 * Auditors and administrators never read victim data. Allowed reads are recorded in the transaction that
 * releases the data; denials in a transaction of their own, since the refused request rolls back.
 */
@Service
public class VictimDataAccess {

	/** The case the data belongs to, and its province now. */
	public record CaseScope(UUID caseId, String province) {
	}

	/** Why a supervisor breaks the glass: a code, and optionally the number of a decision or a request. */
	public enum BreakGlassReason { SAFETY_EMERGENCY, COMPLAINT_INVESTIGATION, COURT_OR_PROSECUTOR_REQUEST, QUALITY_REVIEW }

	/**
	 * Why a section cannot be read now: the officer's role, another province, no work of their agency on
	 * the case, a section outside their agency's duty, or a section the person has not consented to share.
	 */
	public enum Refusal {
		NO_VICTIM_DATA("access.no-victim-data"), OTHER_AREA("access.other-area"), NOT_INVOLVED("access.not-involved"),
		NOT_DUTY("access.section-not-allowed"), NO_CONSENT("access.section-not-allowed");

		private final String messageKey;

		Refusal(String messageKey) {
			this.messageKey = messageKey;
		}
	}

	/**
	 * The sections an officer could read now, why each other one asked about is refused, and whether they
	 * work on the case at all (a caseworker of its province whose agency is involved), whatever the sections.
	 */
	public record Readable(Set<String> sections, Map<String, Refusal> refused, boolean involved) {
	}

	static final String DENIAL_RECORDED = VictimDataAccess.class.getName() + ".denialRecorded";

	private final CaseInvolvement involvement;
	private final ConsentRegister consents;
	private final AuditLog audit;

	VictimDataAccess(CaseInvolvement involvement, ConsentRegister consents, AuditLog audit) {
		this.involvement = involvement;
		this.consents = consents;
		this.audit = audit;
	}

	/**
	 * A caseworker's read of these sections: refused with 403 and recorded, or released and recorded. The
	 * event is appended after the data is decrypted and just before the transaction commits, so the chain's
	 * lock is held for the append and the commit only.
	 */
	@Transactional
	public <T> T read(Officer officer, CaseScope scope, UUID personId, Set<String> sections, Supplier<T> release) {
		AuditEvent event = event(AuditAction.PERSON_READ, officer, scope, personId, sections);
		Map<String, String> involved = involvedAgencies(officer, scope, event);
		List<String> bases = new ArrayList<>();
		Set<String> refused = new TreeSet<>();
		for (String section : sections) {
			basis(involved.keySet(), personId, section).ifPresentOrElse(bases::add, () -> refused.add(section));
		}
		if (!refused.isEmpty()) {
			throw deny(event, "access.section-not-allowed", String.join(", ", refused));
		}
		T released = release.get();
		audit.record(event.purpose(purpose(involved) + ";" + String.join(",", new LinkedHashSet<>(bases))));
		return released;
	}

	/**
	 * What {@link #read} would release of these sections now, decided by the same checks, for a page to
	 * offer only what can be read: it releases nothing and so records nothing.
	 */
	@Transactional(readOnly = true)
	public Readable readable(Officer officer, CaseScope scope, UUID personId, Set<String> sections) {
		Optional<Refusal> refusal = roleAndProvince(Officer.CASEWORKER, officer, scope);
		Set<String> involved = refusal.isPresent() ? Set.of() : involved(officer, scope).keySet();
		if (refusal.isEmpty() && involved.isEmpty()) {
			refusal = Optional.of(Refusal.NOT_INVOLVED);
		}
		Set<String> readable = new TreeSet<>();
		Map<String, Refusal> refused = new TreeMap<>();
		for (String section : sections) {
			if (refusal.isPresent()) {
				refused.put(section, refusal.get());
			}
			else if (basis(involved, personId, section).isPresent()) {
				readable.add(section);
			}
			else {
				refused.put(section, inDuty(involved, section) ? Refusal.NO_CONSENT : Refusal.NOT_DUTY);
			}
		}
		return new Readable(readable, refused, refusal.isEmpty());
	}

	/**
	 * Allows a caseworker involved in the case to record data on its persons (any section: an agency
	 * records what its own step produced), or refuses with 403; both are recorded.
	 */
	@Transactional
	public void authorizeWrite(Officer officer, CaseScope scope, UUID personId, Set<String> sections, AuditAction action) {
		AuditEvent event = event(action, officer, scope, personId, sections);
		Map<String, String> involved = involvedAgencies(officer, scope, event);
		audit.record(event.purpose(purpose(involved)));
	}

	/** A supervisor's read of the case's persons, with a reason, flagged for the auditors' review. */
	@Transactional
	public void authorizeBreakGlass(Officer officer, CaseScope scope, UUID personId, Set<String> sections,
			BreakGlassReason reason, String reference) {
		AuditEvent event = event(AuditAction.BREAK_GLASS_READ, officer, scope, personId, sections)
			.purpose("break-glass:" + reason + (reference == null ? "" : ":" + reference))
			.flagForReview();
		requireRoleAndProvince(Officer.SUPERVISOR, officer, scope, event);
		audit.record(event);
	}

	/** The checks of {@link #authorizeWrite} for work on a case's persons that releases no victim data. */
	public void requireInvolved(Officer officer, CaseScope scope, UUID personId) {
		involvedAgencies(officer, scope, event(AuditAction.CONSENT_READ, officer, scope, personId, Set.of()));
	}

	/**
	 * Records an action whose right was settled elsewhere and which releases nothing: the intake officer
	 * creating the persons of the case they register, an administrator's erasure.
	 */
	@Transactional
	public void record(Officer officer, CaseScope scope, UUID personId, Set<String> sections, AuditAction action,
			String purpose) {
		audit.record(event(action, officer, scope, personId, sections).purpose(purpose));
	}

	/**
	 * A read of criminal cases, which hold official numbers, codes and dates but no victim data: caseworkers and
	 * supervisors of the case's province. Allowed or refused, it is on record.
	 */
	@Transactional
	public void authorizeCriminalCaseRead(Officer officer, String province, AuditEvent event) {
		if (!officer.hasRole(Officer.CASEWORKER) && !officer.hasRole(Officer.SUPERVISOR)) {
			throw deny(event, "access.criminal-case.role");
		}
		requireCriminalCaseProvince(officer, province, event);
		audit.record(event);
	}

	/**
	 * Recording on a criminal case of the officer's province: a caseworker of the agency whose act it is (the
	 * police initiate, solve and link victims' cases, the procuracy prosecutes, the court tries). Every province
	 * given (the criminal case's, a linked referral case's) must be the officer's. On record.
	 */
	@Transactional
	public void authorizeCriminalCaseRecord(Officer officer, Agency agency, AuditEvent event, String... provinces) {
		if (!officer.hasRole(Officer.CASEWORKER) || !officer.belongsTo(agency.group())) {
			throw deny(event, "access.criminal-case.agency", agency.label());
		}
		for (String province : provinces) {
			requireCriminalCaseProvince(officer, province, event);
		}
		audit.record(event);
	}

	private void requireCriminalCaseProvince(Officer officer, String province, AuditEvent event) {
		if (officer.province() == null || !officer.province().equals(province)) {
			throw deny(event, "access.criminal-case.other-area", province);
		}
	}

	/** Role, area and involvement: the checks every caseworker action on victim data passes first. */
	private Map<String, String> involvedAgencies(Officer officer, CaseScope scope, AuditEvent event) {
		requireRoleAndProvince(Officer.CASEWORKER, officer, scope, event);
		Map<String, String> involved = involved(officer, scope);
		if (involved.isEmpty()) {
			throw deny(event, Refusal.NOT_INVOLVED.messageKey);
		}
		return involved;
	}

	/** The officer's agencies with work on the case, each with its open task if it has one. */
	private Map<String, String> involved(Officer officer, CaseScope scope) {
		Map<String, String> involved = new TreeMap<>(involvement.agencies(scope.caseId()));
		involved.keySet().retainAll(officer.agencies());
		return involved;
	}

	private void requireRoleAndProvince(String role, Officer officer, CaseScope scope, AuditEvent event) {
		Optional<Refusal> refusal = roleAndProvince(role, officer, scope);
		if (refusal.isPresent()) {
			throw refusal.get() == Refusal.OTHER_AREA ? deny(event, refusal.get().messageKey, scope.province())
					: deny(event, refusal.get().messageKey);
		}
	}

	private static Optional<Refusal> roleAndProvince(String role, Officer officer, CaseScope scope) {
		if (!officer.hasRole(role)) {
			return Optional.of(Refusal.NO_VICTIM_DATA);
		}
		if (!scope.province().equals(officer.province())) {
			return Optional.of(Refusal.OTHER_AREA);
		}
		return Optional.empty();
	}

	/** Whether the section is one of an involved agency's, whatever its basis: refused then for want of consent. */
	private static boolean inDuty(Set<String> involved, String section) {
		return involved.stream()
			.flatMap(group -> Agency.ofGroup(group).stream())
			.anyMatch(agency -> SectionPolicy.basis(agency, section).isPresent());
	}

	/** The law, or a consent, that lets one of the officer's involved agencies see the section. */
	private Optional<String> basis(Set<String> involved, UUID personId, String section) {
		for (String group : involved) {
			Optional<Agency> agency = Agency.ofGroup(group);
			Optional<SectionPolicy.Basis> basis = agency.flatMap(a -> SectionPolicy.basis(a, section));
			if (basis.isEmpty()) {
				continue;
			}
			if (basis.get() == SectionPolicy.Basis.LAW) {
				return Optional.of(section + ":law");
			}
			Optional<UUID> consent = consents.consentFor(personId, agency.get(), section);
			if (consent.isPresent()) {
				return Optional.of(section + ":consent:" + consent.get());
			}
		}
		return Optional.empty();
	}

	/** The officer's open task on the case when there is one, otherwise the agency's past work. */
	private static String purpose(Map<String, String> involved) {
		return involved.entrySet()
			.stream()
			.filter(entry -> entry.getValue() != null)
			.findFirst()
			.map(entry -> "task:" + entry.getValue())
			.orElse("case-work:" + String.join(",", involved.keySet()));
	}

	private AuditEvent event(AuditAction action, Officer officer, CaseScope scope, UUID personId, Set<String> sections) {
		return AuditEvent.of(action, officer.actor()).onCase(scope.caseId()).person(personId).sections(sections);
	}

	private ApiException deny(AuditEvent event, String messageKey, Object... arguments) {
		audit.recordAlone(event.refused(messageKey));
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			request.setAttribute(DENIAL_RECORDED, Boolean.TRUE);
		}
		return ApiException.forbidden(messageKey, arguments);
	}
}
