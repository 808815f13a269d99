package org.loive.vault;

import com.google.crypto.tink.Aead;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.security.GeneralSecurityException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VaultHealthTest {

	@Test
	void keysThatWrapAndUnwrapAreUp() {
		assertThat(new VaultHealth(keys(new Mirror(), new Mirror())).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void keysThatCannotWrapAreDownWithoutSayingMore() {
		Aead failing = new Aead() {
			@Override
			public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
				throw new GeneralSecurityException("KMS unreachable at kms.internal:443");
			}

			@Override
			public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
				throw new GeneralSecurityException("KMS unreachable");
			}
		};

		var health = new VaultHealth(keys(failing, failing)).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(java.util.Map.entry("reason", "GeneralSecurityException"));
	}

	@Test
	void keysThatUnwrapSomethingElseAreDown() {
		Aead other = new Mirror() {
			@Override
			public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
				return new byte[16];
			}
		};

		assertThat(new VaultHealth(keys(new Mirror(), other)).health().getStatus()).isEqualTo(Status.DOWN);
	}

	/** Returns what it is given: enough to tell a round trip from a broken one. */
	private static class Mirror implements Aead {

		@Override
		public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
			return plaintext.clone();
		}

		@Override
		public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
			return ciphertext.clone();
		}
	}

	private static KeyEncryptionKeys keys(Aead wrapping, Aead unwrapping) {
		return new KeyEncryptionKeys() {
			@Override
			public Wrapper primary() {
				return new Wrapper(1, wrapping);
			}

			@Override
			public Aead unwrapping() {
				return unwrapping;
			}

			@Override
			public long rotate() {
				throw new UnsupportedOperationException();
			}

			@Override
			public void retireAllBut(long keyId) {
				throw new UnsupportedOperationException();
			}

			@Override
			public List<KeyInfo> keys() {
				return List.of();
			}
		};
	}
}
