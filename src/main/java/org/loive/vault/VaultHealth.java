package org.loive.vault;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Health {@code vault}, part of readiness: the key-encryption keys wrap a random value and unwrap it again, as every
 * read and write of victim data needs. With a KMS behind {@link KeyEncryptionKeys} this is the KMS answering. The
 * detail names no key and no value.
 */
@Component("vaultHealthIndicator")
class VaultHealth implements HealthIndicator {

	private static final byte[] CONTEXT = "loive-vault-health".getBytes(StandardCharsets.US_ASCII);

	private final KeyEncryptionKeys keys;
	private final SecureRandom random = new SecureRandom();

	VaultHealth(KeyEncryptionKeys keys) {
		this.keys = keys;
	}

	@Override
	public Health health() {
		byte[] probe = new byte[16];
		random.nextBytes(probe);
		try {
			byte[] wrapped = keys.primary().aead().encrypt(probe, CONTEXT);
			boolean same = Arrays.equals(probe, keys.unwrapping().decrypt(wrapped, CONTEXT));
			return same ? Health.up().build() : Health.down().withDetail("reason", "keys-disagree").build();
		}
		catch (GeneralSecurityException | RuntimeException e) {
			return Health.down().withDetail("reason", e.getClass().getSimpleName()).build();
		}
	}
}
