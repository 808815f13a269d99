package org.loive.vault;

import com.google.crypto.tink.Aead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultKeyFileTest {

	private static final String MASTER = VaultKeysCommand.newMasterKey();

	@TempDir
	Path directory;

	@Test
	void refusesToStartWithoutMasterKeyOrKeyFile() {
		Path file = directory.resolve("keys.json");
		assertThatThrownBy(() -> VaultKeyFile.open(new VaultProperties(null, file, null, false)))
			.isInstanceOf(VaultKeysUnavailableException.class)
			.hasMessageContaining("loive.vault.master-key");
		assertThatThrownBy(() -> VaultKeyFile.open(new VaultProperties(MASTER, file, null, false)))
			.isInstanceOf(VaultKeysUnavailableException.class)
			.hasMessageContaining("does not exist");
		assertThatThrownBy(() -> VaultKeyFile.open(new VaultProperties(MASTER, null, null, false)))
			.isInstanceOf(VaultKeysUnavailableException.class)
			.hasMessageContaining("loive.vault.keys-file");
		assertThat(file).doesNotExist();
	}

	@Test
	void refusesAWeakOrMalformedMasterKey() {
		assertThatThrownBy(() -> VaultKeyFile.master("c2hvcnQ=")).hasMessageContaining("32");
		assertThatThrownBy(() -> VaultKeyFile.master("not base64!")).hasMessageContaining("base64");
	}

	@Test
	void theKeyFileOpensWithItsMasterKeyOnly() throws Exception {
		Path file = directory.resolve("keys.json");
		VaultKeyFile created = VaultKeyFile.open(new VaultProperties(MASTER, file, null, true));
		assertThat(file).exists();
		assertThat(Files.readString(file)).contains(VaultKeyFile.FORMAT).doesNotContain(MASTER);
		String other = VaultKeysCommand.newMasterKey();
		assertThatThrownBy(() -> VaultKeyFile.open(new VaultProperties(other, file, null, false)))
			.isInstanceOf(VaultKeysUnavailableException.class)
			.hasMessageContaining("wrong master key");
		VaultKeyFile fromEnvironment = VaultKeyFile.open(new VaultProperties(MASTER, null, Files.readString(file), false));
		byte[] wrapped = created.primary().aead().encrypt(bytes("data key"), bytes("ctx"));
		assertThat(fromEnvironment.unwrapping().decrypt(wrapped, bytes("ctx"))).isEqualTo(bytes("data key"));
		assertThat(fromEnvironment.writable()).isFalse();
		assertThatThrownBy(fromEnvironment::rotate).isInstanceOf(VaultKeyFile.KeysReadOnlyException.class);
	}

	@Test
	void rotationKeepsOldKeysForUnwrappingUntilRetiredAndSurvivesReopening() throws Exception {
		Path file = directory.resolve("keys.json");
		VaultKeyFile keys = VaultKeyFile.open(new VaultProperties(MASTER, file, null, true));
		long first = keys.primary().keyId();
		byte[] underFirst = keys.primary().aead().encrypt(bytes("k"), bytes("ctx"));
		long second = keys.rotate();
		assertThat(second).isNotEqualTo(first);
		assertThat(keys.primary().keyId()).isEqualTo(second);
		VaultKeyFile reopened = VaultKeyFile.open(new VaultProperties(MASTER, file, null, false));
		assertThat(reopened.primary().keyId()).isEqualTo(second);
		assertThat(reopened.unwrapping().decrypt(underFirst, bytes("ctx"))).isEqualTo(bytes("k"));
		reopened.retireAllBut(second);
		assertThat(reopened.keys()).extracting(KeyEncryptionKeys.KeyInfo::status).containsExactlyInAnyOrder("ENABLED", "DISABLED");
		Aead afterRetirement = VaultKeyFile.open(new VaultProperties(MASTER, file, null, false)).unwrapping();
		assertThatThrownBy(() -> afterRetirement.decrypt(underFirst, bytes("ctx"))).isInstanceOf(GeneralSecurityException.class);
	}

	/** Two nodes on one key file: each sees the other's rotation, and neither's rewrite loses the other's key. */
	@Test
	void twoNodesOnOneKeyFileSeeEachOthersRotationsAndLoseNoKey() throws Exception {
		Path file = directory.resolve("keys.json");
		VaultKeyFile nodeA = VaultKeyFile.open(new VaultProperties(MASTER, file, null, true));
		VaultKeyFile nodeB = VaultKeyFile.open(new VaultProperties(MASTER, file, null, false));
		long rotatedOnA = nodeA.rotate();
		assertThat(nodeB.primary().keyId()).as("B wraps under the key A made primary").isEqualTo(rotatedOnA);
		byte[] wrappedOnA = nodeA.primary().aead().encrypt(bytes("k"), bytes("ctx"));
		assertThat(nodeB.unwrapping().decrypt(wrappedOnA, bytes("ctx"))).isEqualTo(bytes("k"));

		long rotatedOnB = nodeB.rotate();
		assertThat(nodeA.primary().keyId()).isEqualTo(rotatedOnB);
		assertThat(VaultKeyFile.open(new VaultProperties(MASTER, file, null, false)).keys())
			.extracting(KeyEncryptionKeys.KeyInfo::keyId).as("B's rewrite kept A's key").contains(rotatedOnA, rotatedOnB)
			.hasSize(3);
		assertThat(nodeA.unwrapping().decrypt(wrappedOnA, bytes("ctx"))).isEqualTo(bytes("k"));
	}

	@Test
	void aWrappedDataKeyOpensForItsOwnPersonOnly() throws Exception {
		DataKeys dataKeys = new DataKeys(VaultKeyFile.open(new VaultProperties(MASTER, directory.resolve("k.json"), null, true)));
		UUID person = UUID.randomUUID();
		DataKeys.Wrapped wrapped = dataKeys.create(person);
		assertThat(dataKeys.open(person, wrapped.bytes())).isNotNull();
		assertThatThrownBy(() -> dataKeys.open(UUID.randomUUID(), wrapped.bytes())).isInstanceOf(GeneralSecurityException.class);
		byte[] flipped = wrapped.bytes().clone();
		flipped[flipped.length - 3] ^= 1;
		assertThatThrownBy(() -> dataKeys.open(person, flipped)).isInstanceOf(GeneralSecurityException.class);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
