package org.loive.intake;

import org.loive.access.Officer;
import org.loive.access.Areas;
import org.loive.platform.ApiException;
import org.loive.platform.Vietnam;
import org.loive.workflow.ReferralWorkflow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Registers a referral: the case row, its reference and the running process, in one transaction. */
@Service
class Intake {

	private final JdbcClient jdbc;
	private final CaseReferences references;
	private final ReferralWorkflow workflow;
	private final CasePersons persons;
	private final Clock clock;

	Intake(JdbcClient jdbc, CaseReferences references, ReferralWorkflow workflow, CasePersons persons, Clock clock) {
		this.jdbc = jdbc;
		this.references = references;
		this.workflow = workflow;
		this.persons = persons;
		this.clock = clock;
	}

	@Transactional
	RegisteredReferral register(ReferralRequest request, Officer officer) {
		String province = Areas.province(request.area());
		if (!province.equals(officer.province())) {
			throw ApiException.forbidden("intake.other-area", province);
		}
		UUID caseId = UUID.randomUUID();
		String reference = references.next(province, request.receivedAt().atZone(Vietnam.ZONE).getYear());
		UUID victimId = UUID.randomUUID();
		List<UUID> minorIds = request.minors().stream().map(minor -> UUID.randomUUID()).toList();
		String processInstanceId = workflow.start(new ReferralWorkflow.Referral(caseId, reference, request.channel(),
				request.placeOrDefault(), request.area(), province, request.immediateDanger(), victimId, minorIds));
		jdbc.sql("""
				insert into referral_case (id, reference, channel, place, area, received_at, immediate_danger,
				                           process_instance_id, registered_by, registered_at)
				values (:id, :reference, :channel, :place, :area, :receivedAt, :danger, :process, :officer, :now)""")
			.param("id", caseId)
			.param("reference", reference)
			.param("channel", request.channel().name())
			.param("place", request.placeOrDefault().name())
			.param("area", request.area())
			.param("receivedAt", Timestamp.from(request.receivedAt()))
			.param("danger", request.immediateDanger())
			.param("process", processInstanceId)
			.param("officer", officer.username())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		persons.link(caseId, victimId, CasePersons.Role.IDENTIFYING, null, null);
		for (int i = 0; i < minorIds.size(); i++) {
			ReferralRequest.MinorRequest minor = request.minors().get(i);
			persons.link(caseId, minorIds.get(i), CasePersons.Role.ACCOMPANYING_MINOR, minor.sex(), minor.ageBand());
		}
		return new RegisteredReferral(caseId, reference);
	}
}
