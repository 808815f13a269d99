package org.loive.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Each person's data key: an AES-256-GCM Tink keyset, stored only wrapped by the key-encryption key,
 * with the person's id as associated data so a wrapped key moved to another person does not open.
 */
@Component
class DataKeys {

	/** A wrapped data key and the id of the key-encryption key that wrapped it. */
	record Wrapped(byte[] bytes, long kekId) {
	}

	private final KeyEncryptionKeys keys;

	DataKeys(KeyEncryptionKeys keys) {
		this.keys = keys;
	}

	Wrapped create(UUID personId) {
		try {
			return wrap(personId, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot create a data key", e);
		}
	}

	/** The person's data key as an AEAD; fails if the wrapped key was altered or belongs to another person. */
	Aead open(UUID personId, byte[] wrapped) throws GeneralSecurityException {
		return unwrap(personId, wrapped).getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	/** The same data key, wrapped again by the current primary key-encryption key. */
	Wrapped rewrap(UUID personId, byte[] wrapped) throws GeneralSecurityException {
		return wrap(personId, unwrap(personId, wrapped));
	}

	private KeysetHandle unwrap(UUID personId, byte[] wrapped) throws GeneralSecurityException {
		return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys.unwrapping(), context(personId));
	}

	private Wrapped wrap(UUID personId, KeysetHandle dataKey) {
		KeyEncryptionKeys.Wrapper wrapper = keys.primary();
		try {
			return new Wrapped(TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, wrapper.aead(), context(personId)),
					wrapper.keyId());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot wrap a data key", e);
		}
	}

	private static byte[] context(UUID personId) {
		return ("loive/data-key/" + personId).getBytes(StandardCharsets.UTF_8);
	}
}
