package org.loive.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import org.loive.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The encrypted victim vault: every person's sections encrypted with AES-256-GCM under a data key of
 * their own, bound by associated data to the person, the section and its version, so a ciphertext moved
 * to another row or section does not open. Blind indexes find the same person again without decrypting.
 */
@Service
public class Vault {

	private static final Logger log = LoggerFactory.getLogger(Vault.class);

	/** A match the blind indexes found: another person, of which case, sharing what. */
	public record Match(UUID personId, UUID caseId, Set<MatchKind> on) {
	}

	private record Person(UUID id, UUID caseId, byte[] dataKey, Instant erasedAt) {
	}

	/**
	 * What a read of every person found (after a restore): persons whose every section opened, erased persons,
	 * sections opened, how many parts did not open and the first {@value #LISTED} of them, as person id and part
	 * ({@code data-key} or a section's code).
	 */
	public record Inventory(long persons, long erased, long sections, long unreadableParts, List<Unreadable> unreadable) {

		public static final int LISTED = 1_000;

		public boolean readable() {
			return unreadableParts == 0;
		}
	}

	/** A person's part that does not open: identifiers and codes only. */
	public record Unreadable(UUID personId, String part) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final DataKeys dataKeys;
	private final BlindIndexes indexes;
	private final ObjectMapper json;
	private final Clock clock;

	Vault(JdbcClient jdbc, DataSource dataSource, DataKeys dataKeys, BlindIndexes indexes, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.dataKeys = dataKeys;
		this.indexes = indexes;
		this.json = json;
		this.clock = clock;
	}

	/** A new person of a case, with a new data key and what is known of them so far. */
	@Transactional
	public void create(UUID personId, UUID caseId, PersonalData data, String by) {
		DataKeys.Wrapped key = dataKeys.create(personId);
		jdbc.sql("""
				insert into vault_person (id, case_id, data_key, kek_id, created_at)
				values (:id, :case, :key, :kek, :now)""")
			.param("id", personId)
			.param("case", caseId)
			.param("key", key.bytes())
			.param("kek", key.kekId())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		write(personId, key.bytes(), data, by);
	}

	/** Replaces the sections present in {@code data}; the others stay as they are. */
	@Transactional
	public void write(UUID personId, PersonalData data, String by) {
		Person person = lockedPerson(personId);
		write(personId, person.dataKey(), data, by);
	}

	/**
	 * Writes the fields given and keeps the others of each section as they were: a page's form sends only what the
	 * officer typed, and must not erase what they did not (and may not even see). Decrypted inside the vault only.
	 */
	@Transactional
	public void amend(UUID personId, PersonalData data, String by) {
		Person person = lockedPerson(personId);
		Map<Section, Object> stored = read(personId, data.sections().keySet()).sections();
		Map<Section, Object> merged = new EnumMap<>(Section.class);
		data.sections().forEach((section, given) -> merged.put(section, merge(section, stored.get(section), given)));
		write(personId, person.dataKey(), PersonalData.of(merged), by);
	}

	private Object merge(Section section, Object stored, Object given) {
		if (stored == null) {
			return given;
		}
		ObjectNode fields = json.valueToTree(stored);
		json.<ObjectNode>valueToTree(given).properties().forEach(field -> {
			if (!field.getValue().isNull()) {
				fields.set(field.getKey(), field.getValue());
			}
		});
		try {
			return json.treeToValue(fields, section.content());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("cannot merge section " + section.code(), e);
		}
	}

	/** The requested sections that were ever written; 410 Gone once the person was erased. */
	@Transactional(readOnly = true)
	public PersonalData read(UUID personId, Set<Section> sections) {
		Person person = person(personId, false);
		Aead aead = open(person);
		Map<Section, Object> contents = new EnumMap<>(Section.class);
		jdbc.sql("select section, version, ciphertext from vault_section where person_id = :person")
			.param("person", personId)
			.query((row, n) -> {
				Section section = Section.ofCode(row.getString("section")).orElseThrow();
				if (sections.contains(section)) {
					contents.put(section, decrypt(aead, personId, section, row.getInt("version"), row.getBytes("ciphertext")));
				}
				return section;
			})
			.list();
		return PersonalData.of(contents);
	}

	/**
	 * Opens every person's data key and decrypts and parses every section, in one streaming read (memory stays
	 * flat however many persons): what a restore must give back. Nothing decrypted leaves this method.
	 */
	@Transactional(readOnly = true)
	public Inventory inventory() {
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(1_000);
		Tally tally = new Tally();
		streaming.query("""
				select p.id, p.data_key, p.erased_at, s.section, s.version, s.ciphertext
				from vault_person p left join vault_section s on s.person_id = p.id
				order by p.id, s.section""", row -> {
			UUID personId = row.getObject("id", UUID.class);
			if (!personId.equals(tally.person)) {
				tally.next(personId, row.getTimestamp("erased_at") != null);
				if (!tally.erased) {
					try {
						tally.aead = dataKeys.open(personId, row.getBytes("data_key"));
					}
					catch (GeneralSecurityException | RuntimeException e) {
						tally.unreadable(personId, "data-key");
					}
				}
			}
			String code = row.getString("section");
			if (tally.aead != null && code != null) {
				try {
					decrypt(tally.aead, personId, Section.ofCode(code).orElseThrow(), row.getInt("version"),
							row.getBytes("ciphertext"));
					tally.sections++;
				}
				catch (RuntimeException e) {
					tally.unreadable(personId, code);
				}
			}
		});
		tally.next(null, false);
		return new Inventory(tally.persons, tally.erasedPersons, tally.sections, tally.unreadableParts,
				List.copyOf(tally.unreadable));
	}

	/** The inventory's running counts: the person being read, and whether all of it opened so far. */
	private static final class Tally {
		private UUID person;
		private boolean erased;
		private boolean failed;
		private Aead aead;
		private long persons;
		private long erasedPersons;
		private long sections;
		private long unreadableParts;
		private final List<Unreadable> unreadable = new ArrayList<>();

		void next(UUID personId, boolean erasedNow) {
			if (person != null && !erased && !failed) {
				persons++;
			}
			person = personId;
			erased = erasedNow;
			failed = false;
			aead = null;
			if (erasedNow) {
				erasedPersons++;
			}
		}

		void unreadable(UUID personId, String part) {
			failed = true;
			aead = null;
			if (++unreadableParts <= Inventory.LISTED) {
				unreadable.add(new Unreadable(personId, part));
			}
		}
	}

	/** The case a person belongs to, erased or not. */
	public Optional<UUID> caseOf(UUID personId) {
		return jdbc.sql("select case_id from vault_person where id = :id").param("id", personId).query(UUID.class).optional();
	}

	/** Other persons, not erased, who share an ID number, a phone, or a name and birth date with this one. */
	@Transactional(readOnly = true)
	public List<Match> matches(UUID personId) {
		return indexes.sharing(personId)
			.entrySet()
			.stream()
			.map(match -> new Match(match.getKey(), caseOf(match.getKey()).orElseThrow(), match.getValue()))
			.toList();
	}

	/**
	 * Crypto-shredding: the data key is destroyed, the ciphertexts and digests deleted. What remains (the
	 * case, the person's id and statistical codes, consents and the audit trail) identifies no one.
	 */
	@Transactional
	public void erase(UUID personId, ErasureReason reason, String by) {
		lockedPerson(personId);
		jdbc.sql("delete from vault_section where person_id = :id").param("id", personId).update();
		indexes.forget(personId);
		jdbc.sql("""
				update vault_person set data_key = null, kek_id = null, erased_at = :now, erased_by = :by,
				                        erasure_reason = :reason
				where id = :id""")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.param("reason", reason.name())
			.param("id", personId)
			.update();
	}

	private void write(UUID personId, byte[] wrappedKey, PersonalData data, String by) {
		Aead aead = open(personId, wrappedKey);
		Map<Section, Object> sections = data.sections();
		sections.forEach((section, content) -> writeSection(aead, personId, section, content, by));
		Set<MatchKind> reindexed = EnumSet.noneOf(MatchKind.class);
		if (sections.containsKey(Section.IDENTITY)) {
			reindexed.addAll(Set.of(MatchKind.ID_NUMBER, MatchKind.NAME_AND_BIRTH_DATE));
		}
		if (sections.containsKey(Section.CONTACT)) {
			reindexed.add(MatchKind.PHONE);
		}
		indexes.index(personId, reindexed, MatchKeys.of(data.identity(), data.contact()));
	}

	private void writeSection(Aead aead, UUID personId, Section section, Object content, String by) {
		int version = jdbc.sql("select version from vault_section where person_id = :person and section = :section")
			.param("person", personId)
			.param("section", section.code())
			.query(Integer.class)
			.optional()
			.orElse(0) + 1;
		byte[] ciphertext;
		try {
			ciphertext = aead.encrypt(json.writeValueAsBytes(content), context(personId, section, version));
		}
		catch (GeneralSecurityException | JsonProcessingException e) {
			throw new IllegalStateException("cannot encrypt section " + section.code(), e);
		}
		jdbc.sql("""
				insert into vault_section (person_id, section, version, ciphertext, written_at, written_by)
				values (:person, :section, :version, :ciphertext, :now, :by)
				on conflict (person_id, section) do update
				set version = excluded.version, ciphertext = excluded.ciphertext, written_at = excluded.written_at,
				    written_by = excluded.written_by""")
			.param("person", personId)
			.param("section", section.code())
			.param("version", version)
			.param("ciphertext", ciphertext)
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.update();
	}

	private Object decrypt(Aead aead, UUID personId, Section section, int version, byte[] ciphertext) {
		byte[] plaintext;
		try {
			plaintext = aead.decrypt(ciphertext, context(personId, section, version));
		}
		catch (GeneralSecurityException e) {
			log.error("Section {} of person {} fails authentication: altered or moved ciphertext", section.code(), personId);
			throw new VaultIntegrityException(personId, section.code());
		}
		try {
			return json.readValue(plaintext, section.content());
		}
		catch (IOException e) {
			throw new IllegalStateException("section " + section.code() + " of person " + personId + " does not parse");
		}
	}

	private Aead open(Person person) {
		return open(person.id(), person.dataKey());
	}

	private Aead open(UUID personId, byte[] wrappedKey) {
		try {
			return dataKeys.open(personId, wrappedKey);
		}
		catch (GeneralSecurityException e) {
			log.error("Data key of person {} fails authentication: altered or moved wrapped key", personId);
			throw new VaultIntegrityException(personId, "data-key");
		}
	}

	private Person lockedPerson(UUID personId) {
		return person(personId, true);
	}

	private Person person(UUID personId, boolean forUpdate) {
		Person person = jdbc.sql("select id, case_id, data_key, erased_at from vault_person where id = :id"
				+ (forUpdate ? " for update" : ""))
			.param("id", personId)
			.query((row, n) -> new Person(row.getObject("id", UUID.class), row.getObject("case_id", UUID.class),
					row.getBytes("data_key"), Optional.ofNullable(row.getTimestamp("erased_at")).map(Timestamp::toInstant).orElse(null)))
			.optional()
			.orElseThrow(() -> ApiException.notFound("person.not-found", personId));
		if (person.erasedAt() != null) {
			throw new ApiException(HttpStatus.GONE, "person.erased", personId);
		}
		return person;
	}

	/** Binds a ciphertext to its person, section and version. */
	private static byte[] context(UUID personId, Section section, int version) {
		return ("loive/section/" + personId + "/" + section.code() + "/" + version).getBytes(StandardCharsets.UTF_8);
	}
}
