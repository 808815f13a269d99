package org.loive.vault;

import org.loive.platform.ApiException;
import org.springframework.http.HttpStatus;

/** A ciphertext or wrapped key that fails authentication: altered, or moved from another row. Never garbage. */
class VaultIntegrityException extends ApiException {

	VaultIntegrityException(Object personId, String part) {
		super(HttpStatus.INTERNAL_SERVER_ERROR, "vault.integrity", personId, part);
	}
}
