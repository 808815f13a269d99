package org.loive.vault;

import com.google.crypto.tink.Mac;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keyed HMAC-SHA256 digests of a person's normalised identifiers, under a key of their own: equal
 * identifiers give equal digests, and nothing can be read back or guessed without the key.
 */
@Component
class BlindIndexes {

	private final Mac mac;
	private final JdbcClient jdbc;

	BlindIndexes(VaultKeyFile keys, JdbcClient jdbc) {
		this.mac = keys.blindIndex();
		this.jdbc = jdbc;
	}

	/** Replaces the person's digests of the given kinds by those of the new values. */
	void index(UUID personId, Set<MatchKind> kinds, Map<MatchKind, String> values) {
		for (MatchKind kind : kinds) {
			jdbc.sql("delete from vault_blind_index where person_id = :person and kind = :kind")
				.param("person", personId)
				.param("kind", kind.name())
				.update();
			String value = values.get(kind);
			if (value != null) {
				jdbc.sql("insert into vault_blind_index (kind, digest, person_id) values (:kind, :digest, :person)")
					.param("kind", kind.name())
					.param("digest", digest(kind, value))
					.param("person", personId)
					.update();
			}
		}
	}

	/** Persons, not erased, sharing at least one digest with the given person, with what they share. */
	Map<UUID, Set<MatchKind>> sharing(UUID personId) {
		Map<UUID, Set<MatchKind>> matches = new LinkedHashMap<>();
		jdbc.sql("""
				select other.person_id, other.kind from vault_blind_index own
				join vault_blind_index other on other.kind = own.kind and other.digest = own.digest
				                             and other.person_id <> own.person_id
				join vault_person p on p.id = other.person_id and p.data_key is not null
				where own.person_id = :person
				order by p.created_at, other.person_id, other.kind""")
			.param("person", personId)
			.query((row, n) -> Map.entry(row.getObject(1, UUID.class), MatchKind.valueOf(row.getString(2))))
			.list()
			.forEach(entry -> matches.computeIfAbsent(entry.getKey(), id -> EnumSet.noneOf(MatchKind.class))
				.add(entry.getValue()));
		return matches;
	}

	void forget(UUID personId) {
		jdbc.sql("delete from vault_blind_index where person_id = :person").param("person", personId).update();
	}

	/** The kind is part of the input, so an ID number and a phone with the same digits never meet. */
	byte[] digest(MatchKind kind, String normalisedValue) {
		try {
			return mac.computeMac((kind.name() + ":" + normalisedValue).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("blind index key unusable", e);
		}
	}
}
