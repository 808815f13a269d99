package org.loive.vault;

/** The vault cannot open its keys: the application must not start. The message names no key material. */
class VaultKeysUnavailableException extends RuntimeException {

	VaultKeysUnavailableException(String message) {
		super(message);
	}

	VaultKeysUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
