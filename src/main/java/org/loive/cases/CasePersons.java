package org.loive.cases;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The persons linked to a case, by role, with the coarse codes statistics need and nothing personal. */
@Repository
class CasePersons {

	/** How a person is linked to a case. */
	enum Role { IDENTIFYING, VICTIM, ACCOMPANYING_MINOR, RELATIVE }

	/** A linked person as the case view lists it: no personal data. */
	record LinkedPerson(UUID personId, Role role) {
	}

	/** The statistical codes of a person: sex, age band, nationality, ethnic minority. */
	record Codes(String sex, String ageBand, String nationality, Boolean ethnicMinority) {
	}

	/** A linked person as the persons panel lists them: role, sex and age band codes, nothing personal. */
	record CodedPerson(UUID personId, Role role, String sex, String ageBand) {
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	CasePersons(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	void link(UUID caseId, UUID personId, Role role, Codes codes) {
		jdbc.sql("""
				insert into case_person (id, case_id, role, sex, age_band, nationality, ethnic_minority)
				values (:id, :case, :role, :sex, :age, :nationality, :minority)""")
			.param("id", personId)
			.param("case", caseId)
			.param("role", role.name())
			.param("sex", codes.sex())
			.param("age", codes.ageBand())
			.param("nationality", codes.nationality())
			.param("minority", codes.ethnicMinority())
			.update();
		events.publishEvent(new CaseEvents.PersonLinked(caseId, personId, role.name(), codes.sex(), codes.ageBand(),
				codes.nationality(), codes.ethnicMinority()));
	}

	/** Every linked person's codes, as linked, in the order linked: what the reports' rebuild replays. */
	List<CaseEvents.Recorded<CaseEvents.PersonLinked>> linked() {
		return jdbc.sql("""
				select id, case_id, role, sex, age_band, nationality, ethnic_minority, created_at from case_person
				order by created_at, id""")
			.query((row, n) -> new CaseEvents.Recorded<>(row.getTimestamp("created_at").toInstant(),
					new CaseEvents.PersonLinked(row.getObject("case_id", UUID.class), row.getObject("id", UUID.class),
							row.getString("role"), row.getString("sex"), row.getString("age_band"),
							row.getString("nationality"), row.getObject("ethnic_minority", Boolean.class))))
			.list();
	}

	List<LinkedPerson> of(UUID caseId) {
		return coded(caseId).stream().map(person -> new LinkedPerson(person.personId(), person.role())).toList();
	}

	List<CodedPerson> coded(UUID caseId) {
		return jdbc.sql("""
				select id, role, sex, age_band from case_person where case_id = :case
				order by case when role in ('IDENTIFYING', 'VICTIM') then 0 else 1 end, created_at, id""")
			.param("case", caseId)
			.query((row, n) -> new CodedPerson(row.getObject("id", UUID.class), Role.valueOf(row.getString("role")),
					row.getString("sex"), row.getString("age_band")))
			.list();
	}

	Optional<LinkedPerson> find(UUID caseId, UUID personId) {
		return of(caseId).stream().filter(person -> person.personId().equals(personId)).findFirst();
	}
}
