package org.loive.vault;

import com.google.crypto.tink.Aead;

import java.util.List;

/**
 * The key-encryption keys that wrap every person's data key. The default implementation reads a Tink
 * keyset from a file or an environment variable ({@link VaultKeyFile}); a KMS or a Vault transit engine
 * can implement this port instead, since Tink has AEAD clients for both.
 */
public interface KeyEncryptionKeys {

	/** The key new data keys are wrapped with, and its id. */
	Wrapper primary();

	/** Unwraps data keys wrapped by any enabled key of the set. */
	Aead unwrapping();

	/** Adds a new key and makes it primary; the others stay enabled for unwrapping. Returns the new id. */
	long rotate();

	/** Disables every key but the given one, once nothing is wrapped by them any more. */
	void retireAllBut(long keyId);

	List<KeyInfo> keys();

	record Wrapper(long keyId, Aead aead) {
	}

	/** A key of the set, without its material. */
	record KeyInfo(long keyId, String status, boolean primary) {
	}
}
