package org.loive.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the vault's keys come from: a master key (base64 of 32 random bytes, a secret of the
 * configuration, so {@code ENC(...)} with Jasypt) that opens the key file or the key variable.
 *
 * @param masterKey the secret that opens the keysets ({@code LOIVE_VAULT_MASTER_KEY})
 * @param keysFile the key file ({@code LOIVE_VAULT_KEYS_FILE}); rotation writes it back
 * @param keys the key file's content, from an environment variable ({@code LOIVE_VAULT_KEYS}); read only
 * @param createKeysIfMissing dev runs create the key file on first start; never in production
 */
@ConfigurationProperties("loive.vault")
record VaultProperties(String masterKey, Path keysFile, String keys, boolean createKeysIfMissing) {

	boolean keysFromEnvironment() {
		return keys != null && !keys.isBlank();
	}
}
