package org.loive.vault;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vault against the real database: tampering, moved ciphertexts, rotation over many persons, crypto-shredding. */
class VaultIT extends IntegrationTest {

	static final Caseworker POLICE = Caseworker.as("police.qng");

	@Autowired
	Vault vault;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KeyRotations rotations;

	@Test
	void aFlippedCiphertextByteFailsClearlyAndNeverReturnsGarbage() {
		UUID caseId = newCase();
		UUID person = person(caseId, "Trần Thị Lan");
		byte[] ciphertext = ciphertext(person, Section.IDENTITY);
		ciphertext[ciphertext.length / 2] ^= 0x01;
		setCiphertext(person, Section.IDENTITY, ciphertext);

		assertThatThrownBy(() -> vault.read(person, Set.of(Section.IDENTITY))).isInstanceOf(VaultIntegrityException.class);
		assertThat(vault.read(person, Set.of(Section.CONTACT)).contact().phone()).isEqualTo("0912000111");
		Reply reply = Api.get("/api/v1/cases/" + caseId + "/persons/" + person + "?sections=identity", POLICE.token());
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.body().get("detail").asText()).contains("không toàn vẹn").contains(person.toString());
		assertThat(reply.raw().body()).doesNotContain("Lan");
		shred(person);
	}

	@Test
	void aCiphertextMovedToAnotherPersonOrSectionDoesNotOpen() {
		UUID caseId = newCase();
		UUID first = person(caseId, "Lê Văn Minh");
		UUID second = person(caseId, "Phạm Thị Thu");
		setCiphertext(second, Section.IDENTITY, ciphertext(first, Section.IDENTITY));
		assertThatThrownBy(() -> vault.read(second, Set.of(Section.IDENTITY))).isInstanceOf(VaultIntegrityException.class);

		UUID third = person(caseId, "Võ Thị Hằng");
		setCiphertext(third, Section.CONTACT, ciphertext(third, Section.IDENTITY));
		assertThatThrownBy(() -> vault.read(third, Set.of(Section.CONTACT))).isInstanceOf(VaultIntegrityException.class);

		UUID fourth = person(caseId, "Hồ Văn Tâm");
		jdbc.sql("update vault_person set data_key = (select data_key from vault_person where id = :from) where id = :to")
			.param("from", first)
			.param("to", fourth)
			.update();
		assertThatThrownBy(() -> vault.read(fourth, Set.of(Section.IDENTITY))).isInstanceOf(VaultIntegrityException.class);
		List.of(second, third, fourth).forEach(this::shred);
	}

	@Test
	void anAmendmentWritesTheFieldsGivenAndKeepsTheOthersOfTheSection() {
		UUID caseId = newCase();
		UUID person = person(caseId, "Vũ Thị Hằng");
		vault.amend(person, new PersonalData(new PersonalData.Identity(null, "Hằng Bé", null, null, null, "079190000111", null),
				new PersonalData.Contact(null, "Thôn Một, xã Tịnh Sơn"), null, null, null), "test");

		PersonalData stored = vault.read(person, Set.of(Section.IDENTITY, Section.CONTACT));
		assertThat(stored.identity()).isEqualTo(new PersonalData.Identity("Vũ Thị Hằng", "Hằng Bé", LocalDate.of(1990, 1, 1),
				"F", "VN", "079190000111", null));
		assertThat(stored.contact()).isEqualTo(new PersonalData.Contact("0912000111", "Thôn Một, xã Tịnh Sơn"));
		assertThat(vault.matches(person(caseId, "Vũ Thị Hằng"))).as("the name and birth date still indexed")
			.anySatisfy(match -> assertThat(match.personId()).isEqualTo(person));
	}

	@Test
	void anOlderVersionOfASectionPutBackDoesNotOpen() {
		UUID caseId = newCase();
		UUID person = person(caseId, "Đỗ Thị Mai");
		byte[] first = ciphertext(person, Section.IDENTITY);
		vault.write(person, new PersonalData(identity("Đỗ Thị Mai Anh"), null, null, null, null), "test");
		setCiphertext(person, Section.IDENTITY, first);
		assertThatThrownBy(() -> vault.read(person, Set.of(Section.IDENTITY))).isInstanceOf(VaultIntegrityException.class);
		shred(person);
	}

	@Test
	void rotationReWrapsEveryDataKeyAndRetiresTheOldKey() throws InterruptedException {
		UUID caseId = newCase();
		List<UUID> persons = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			persons.add(person(caseId, "Người thứ " + i));
		}

		Reply started = Api.post("/api/v1/admin/vault/key-rotations", Api.token("admin"), null);
		assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
		long id = started.body().get("id").asLong();
		long newKey = started.body().get("newKeyId").asLong();
		assertThat(started.body().get("total").asInt()).isGreaterThanOrEqualTo(600);
		JsonNode progress = awaitFinished(id);

		assertThat(progress.get("remaining").asInt()).isZero();
		assertThat(progress.get("rewrapped").asInt()).isEqualTo(progress.get("total").asInt());
		assertThat(jdbc.sql("select count(*) from vault_person where data_key is not null and kek_id <> :key")
			.param("key", newKey).query(Long.class).single()).isZero();
		JsonNode keys = Api.get("/api/v1/admin/vault/keys", Api.token("admin")).body();
		for (JsonNode key : keys) {
			assertThat(key.get("status").asText()).isEqualTo(key.get("keyId").asLong() == newKey ? "ENABLED" : "DISABLED");
		}
		for (int i = 0; i < persons.size(); i++) {
			assertThat(vault.read(persons.get(i), Set.of(Section.IDENTITY)).identity().fullName()).isEqualTo("Người thứ " + i);
		}
		assertThat(Api.post("/api/v1/admin/vault/key-rotations", POLICE.token(), null).status()).isEqualTo(403);
	}

	@Test
	void anErasedPersonAnswersGoneAndOthersAreUnaffected() {
		UUID caseId = newCase();
		UUID erased = person(caseId, "Bùi Thị Nga");
		UUID kept = person(caseId, "Bùi Văn Nam");
		String path = "/api/v1/cases/" + caseId + "/persons/";

		assertThat(Api.post(path + erased + "/erasure", POLICE.token(), "{\"reason\":\"LAWFUL_REQUEST\"}").status()).isEqualTo(403);
		Reply erasure = Api.post(path + erased + "/erasure", Api.token("admin"), "{\"reason\":\"LAWFUL_REQUEST\"}");
		assertThat(erasure.status()).as(erasure.raw().body()).isEqualTo(204);

		Reply gone = Api.get(path + erased + "?sections=identity", POLICE.token());
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.body().get("title").asText()).isEqualTo("Đã bị xóa vĩnh viễn");
		assertThat(Api.get(path + kept + "?sections=identity", POLICE.token()).body().at("/data/identity/fullName").asText())
			.isEqualTo("Bùi Văn Nam");
		assertThat(count("vault_section", erased)).isZero();
		assertThat(count("vault_blind_index", erased)).isZero();
		assertThat(jdbc.sql("select data_key is null from vault_person where id = :id").param("id", erased).query(Boolean.class)
			.single()).isTrue();
		assertThat(POLICE.caseView(caseId.toString()).get("persons").findValuesAsText("personId")).contains(erased.toString());
		assertThat(Api.post(path + erased + "/erasure", Api.token("admin"), "{\"reason\":\"LAWFUL_REQUEST\"}").status()).isEqualTo(410);
	}

	/** Tampered persons are erased, so a rotation in another test finds only sound data keys. */
	private void shred(UUID person) {
		vault.erase(person, ErasureReason.LAWFUL_REQUEST, "test");
	}

	private JsonNode awaitFinished(long rotation) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		JsonNode progress;
		do {
			Thread.sleep(200);
			progress = Api.get("/api/v1/admin/vault/key-rotations/" + rotation, Api.token("admin")).body();
		}
		while (!progress.get("finished").asBoolean() && Instant.now().isBefore(deadline));
		assertThat(progress.get("finished").asBoolean()).as(progress.toString()).isTrue();
		return progress;
	}

	private UUID newCase() {
		return UUID.fromString(POLICE.receives("""
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false}""".formatted(JUST_RECEIVED))
			.get("caseId")
			.asText());
	}

	/** A person of the case with an identity and a phone, linked to the case as a relative. */
	private UUID person(UUID caseId, String name) {
		UUID person = UUID.randomUUID();
		jdbc.sql("insert into case_person (id, case_id, role) values (:id, :case, 'RELATIVE')")
			.param("id", person)
			.param("case", caseId)
			.update();
		vault.create(person, caseId, new PersonalData(identity(name), new PersonalData.Contact("0912000111", null), null,
				null, null), "test");
		return person;
	}

	private static PersonalData.Identity identity(String name) {
		return new PersonalData.Identity(name, null, LocalDate.of(1990, 1, 1), "F", "VN", null, null);
	}

	private byte[] ciphertext(UUID person, Section section) {
		return jdbc.sql("select ciphertext from vault_section where person_id = :id and section = :section")
			.param("id", person)
			.param("section", section.code())
			.query(byte[].class)
			.single();
	}

	private void setCiphertext(UUID person, Section section, byte[] ciphertext) {
		assertThat(jdbc.sql("update vault_section set ciphertext = :c where person_id = :id and section = :section")
			.param("c", ciphertext)
			.param("id", person)
			.param("section", section.code())
			.update()).isEqualTo(1);
	}

	private long count(String table, UUID person) {
		return jdbc.sql("select count(*) from " + table + " where person_id = :id").param("id", person).query(Long.class).single();
	}
}
