package org.loive.vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

/**
 * At start, before anything uses the keys: a key file that opens under the master key may still be another
 * installation's, or one copied before a key rotation (a restore with the wrong copy). New persons would then be
 * written under keys the stored ones do not share, and no stored person would open. So some stored data keys must
 * open with it; a few are tried, since one damaged row is the vault's to report on reading, not a reason to stop.
 */
@Component
class VaultKeysMatch {

	private static final int SAMPLE = 16;

	VaultKeysMatch(JdbcClient jdbc, DataKeys dataKeys, VaultProperties properties) {
		record Stored(UUID id, byte[] key) {
		}
		List<Stored> sample = jdbc.sql("select id, data_key from vault_person where data_key is not null limit :n")
			.param("n", SAMPLE)
			.query((row, n) -> new Stored(row.getObject("id", UUID.class), row.getBytes("data_key")))
			.list();
		if (!sample.isEmpty() && sample.stream().noneMatch(stored -> opens(dataKeys, stored.id(), stored.key()))) {
			throw new VaultKeysUnavailableException("tệp khóa " + where(properties) + " mở được bằng khóa chủ nhưng không "
					+ "mở được khóa dữ liệu nào của cơ sở dữ liệu này: tệp khóa của cài đặt khác, hoặc bản sao trước một lần "
					+ "xoay khóa / the key file " + where(properties) + " opens under the master key but opens none of this "
					+ "database's data keys: another installation's key file, or a copy from before a key rotation");
		}
	}

	private static boolean opens(DataKeys dataKeys, UUID personId, byte[] wrapped) {
		try {
			dataKeys.open(personId, wrapped);
			return true;
		}
		catch (GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}

	/** Which file, and the property that names it. */
	static String where(VaultProperties properties) {
		return properties.keysFromEnvironment() ? "(LOIVE_VAULT_KEYS)"
				: properties.keysFile() + " (loive.vault.keys-file, LOIVE_VAULT_KEYS_FILE)";
	}
}
