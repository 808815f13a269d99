package org.loive.reporting;

import org.loive.access.Areas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cases and persons as the reports break them down (report_case, report_person): intake codes, where the
 * case is now, the person's sex, age band, nationality, ethnic minority and support category. Codes only.
 */
@Repository
class CaseDimensions {

	/** A case's codes as they were recorded at intake. */
	record CaseCodes(UUID caseId, String reference, String channel, String reportKind, String place, String returnMode,
			String traffickingScope, List<String> exploitationForms, List<String> recruitmentContexts,
			String destinationCountry, String area, Instant receivedAt) {
	}

	/** A person's codes. */
	record PersonCodes(UUID personId, UUID caseId, String role, String sex, String ageBand, String nationality,
			Boolean ethnicMinority) {
	}

	/** Where a case is now. */
	record Location(String province, String area) {
	}

	private final JdbcClient jdbc;

	CaseDimensions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void recordCase(CaseCodes codes) {
		String province = province(codes.area());
		jdbc.sql("""
				insert into report_case (case_id, reference, channel, report_kind, place, return_mode, trafficking_scope,
				    exploitation_forms, recruitment_contexts, destination_country, intake_province, intake_area, province,
				    area, received_at)
				values (:id, :reference, :channel, :kind, :place, :returnMode, :scope, :forms, :contexts, :destination,
				    :province, :area, :province, :area, :receivedAt)
				on conflict (case_id) do update set reference = excluded.reference, channel = excluded.channel,
				    report_kind = excluded.report_kind, place = excluded.place, return_mode = excluded.return_mode,
				    trafficking_scope = excluded.trafficking_scope, exploitation_forms = excluded.exploitation_forms,
				    recruitment_contexts = excluded.recruitment_contexts, destination_country = excluded.destination_country""")
			.param("id", codes.caseId())
			.param("reference", codes.reference())
			.param("channel", codes.channel())
			.param("kind", codes.reportKind())
			.param("place", codes.place())
			.param("returnMode", codes.returnMode())
			.param("scope", codes.traffickingScope())
			.param("forms", codes.exploitationForms().toArray(String[]::new))
			.param("contexts", codes.recruitmentContexts().toArray(String[]::new))
			.param("destination", codes.destinationCountry())
			.param("province", province)
			.param("area", codes.area())
			.param("receivedAt", Timestamp.from(codes.receivedAt()))
			.update();
	}

	void recordPerson(PersonCodes codes) {
		jdbc.sql("""
				insert into report_person (person_id, case_id, role, sex, age_band, nationality, ethnic_minority)
				values (:id, :case, :role, :sex, :age, :nationality, :minority)
				on conflict (person_id) do update set role = excluded.role, sex = excluded.sex,
				    age_band = excluded.age_band, nationality = excluded.nationality,
				    ethnic_minority = excluded.ethnic_minority""")
			.param("id", codes.personId())
			.param("case", codes.caseId())
			.param("role", codes.role())
			.param("sex", codes.sex())
			.param("age", codes.ageBand())
			.param("nationality", codes.nationality())
			.param("minority", codes.ethnicMinority())
			.update();
	}

	void supportCategory(UUID personId, String category) {
		jdbc.sql("update report_person set support_category = :category where person_id = :id")
			.param("category", category)
			.param("id", personId)
			.update();
	}

	void moved(UUID caseId, String area) {
		jdbc.sql("update report_case set province = :province, area = :area where case_id = :id")
			.param("province", province(area))
			.param("area", area)
			.param("id", caseId)
			.update();
	}

	void duplicateOf(UUID caseId, UUID original) {
		jdbc.sql("update report_case set duplicate_of = :original where case_id = :id")
			.param("original", original)
			.param("id", caseId)
			.update();
	}

	/** Where the case is now, if the reports know it. */
	Optional<Location> location(UUID caseId) {
		return jdbc.sql("select province, area from report_case where case_id = :id")
			.param("id", caseId)
			.query((row, n) -> new Location(row.getString("province"), row.getString("area")))
			.optional();
	}

	/** The human references of these cases, in reference order. */
	java.util.Map<UUID, String> references(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, String> references = new java.util.LinkedHashMap<>();
		if (ids.isEmpty()) {
			return references;
		}
		jdbc.sql("select case_id, reference from report_case where case_id in (:ids) order by reference")
			.param("ids", ids)
			.query((row, n) -> references.put(row.getObject("case_id", UUID.class), row.getString("reference")))
			.list();
		return references;
	}

	long cases() {
		return jdbc.sql("select count(*) from report_case").query(Long.class).single();
	}

	long persons() {
		return jdbc.sql("select count(*) from report_person").query(Long.class).single();
	}

	/** Empties both tables before a rebuild. */
	void clear() {
		jdbc.sql("delete from report_person").update();
		jdbc.sql("delete from report_case").update();
	}

	private static String province(String area) {
		return Areas.province(area);
	}
}
