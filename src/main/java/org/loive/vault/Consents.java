package org.loive.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.loive.access.Agency;
import org.loive.access.ConsentRegister;
import org.loive.platform.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consent records: which sections of a person may be shared with which agency, for what purpose, from
 * when until withdrawn, recorded by whom. Access decisions read them ({@link #consentFor}).
 */
@Service
public class Consents implements ConsentRegister {

	/** What the sharing is for. */
	public enum Purpose { SUPPORT_SERVICES, HEALTH_CARE, LEGAL_AID, PROTECTION, REINTEGRATION, REPATRIATION, CRIMINAL_PROCEEDINGS }

	@Schema(description = "Một lần đồng ý chia sẻ / A consent to share")
	public record Consent(UUID consentId, UUID personId, Purpose purpose, Agency recipientAgency, Set<Section> sections,
			Instant grantedAt, String grantedBy, Instant withdrawnAt, String withdrawnBy) {

		@JsonProperty("active")
		public boolean active() {
			return withdrawnAt == null;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Consents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Consent grant(UUID personId, Purpose purpose, Agency recipient, Set<Section> sections, String by) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into consent (id, person_id, purpose, recipient_agency, sections, granted_at, granted_by)
				values (:id, :person, :purpose, :agency, :sections, :now, :by)""")
			.param("id", id)
			.param("person", personId)
			.param("purpose", purpose.name())
			.param("agency", recipient.name())
			.param("sections", sections.stream().map(Section::code).sorted().collect(Collectors.joining(",")))
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.update();
		return find(personId, id);
	}

	/** Withdraws one consent; 409 if it was withdrawn already, so a replayed request changes nothing. */
	@Transactional
	public Consent withdraw(UUID personId, UUID consentId, String by) {
		Consent consent = find(personId, consentId);
		if (!consent.active()) {
			throw ApiException.conflict("consent.already-withdrawn", consentId);
		}
		jdbc.sql("update consent set withdrawn_at = :now, withdrawn_by = :by where id = :id")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.param("id", consentId)
			.update();
		return find(personId, consentId);
	}

	/** Withdraws every active consent of the persons given, e.g. when the person withdraws all consent. */
	@Transactional
	public int withdrawAll(List<UUID> personIds, String by) {
		if (personIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("update consent set withdrawn_at = :now, withdrawn_by = :by where person_id in (:persons) and withdrawn_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.param("persons", personIds)
			.update();
	}

	public List<Consent> of(UUID personId) {
		return jdbc.sql("select * from consent where person_id = :person order by granted_at, id")
			.param("person", personId)
			.query((row, n) -> map(row))
			.list();
	}

	/** Whether an active consent lets the agency see this section of the person. */
	@Override
	public Optional<UUID> consentFor(UUID personId, Agency agency, String section) {
		return of(personId).stream()
			.filter(consent -> consent.active() && consent.recipientAgency() == agency
					&& consent.sections().stream().anyMatch(granted -> granted.code().equals(section)))
			.map(Consent::consentId)
			.findFirst();
	}

	private Consent find(UUID personId, UUID consentId) {
		return jdbc.sql("select * from consent where id = :id and person_id = :person")
			.param("id", consentId)
			.param("person", personId)
			.query((row, n) -> map(row))
			.optional()
			.orElseThrow(() -> ApiException.notFound("consent.not-found", consentId));
	}

	private static Consent map(ResultSet row) throws SQLException {
		Set<Section> sections = EnumSet.noneOf(Section.class);
		Arrays.stream(row.getString("sections").split(",")).map(code -> Section.ofCode(code).orElseThrow()).forEach(sections::add);
		Timestamp withdrawn = row.getTimestamp("withdrawn_at");
		return new Consent(row.getObject("id", UUID.class), row.getObject("person_id", UUID.class),
				Purpose.valueOf(row.getString("purpose")), Agency.valueOf(row.getString("recipient_agency")), sections,
				row.getTimestamp("granted_at").toInstant(), row.getString("granted_by"),
				withdrawn == null ? null : withdrawn.toInstant(), row.getString("withdrawn_by"));
	}
}
