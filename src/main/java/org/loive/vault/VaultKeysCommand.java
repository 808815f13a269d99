package org.loive.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's command for vault keys, run from the application jar without starting it:
 * {@code java -cp loive.jar -Dloader.main=org.loive.vault.VaultKeysCommand
 * org.springframework.boot.loader.launch.PropertiesLauncher <command>}.
 * <ul>
 * <li>{@code master-key}: prints a new master key (base64 of 32 random bytes);</li>
 * <li>{@code new-keys <file>}: writes a new key file, encrypted under {@code LOIVE_VAULT_MASTER_KEY}.</li>
 * </ul>
 */
public final class VaultKeysCommand {

	private VaultKeysCommand() {
	}

	public static void main(String[] args) {
		if (args.length == 1 && args[0].equals("master-key")) {
			System.out.println(newMasterKey());
		}
		else if (args.length == 2 && args[0].equals("new-keys")) {
			Path file = Path.of(args[1]);
			if (Files.exists(file)) {
				fail("Tệp đã có, không ghi đè / The file exists and is not overwritten: " + file);
			}
			try {
				VaultKeyFile.write(file, VaultKeyFile.generate(VaultKeyFile.master(System.getenv("LOIVE_VAULT_MASTER_KEY"))));
			}
			catch (VaultKeysUnavailableException e) {
				fail("LOIVE_VAULT_MASTER_KEY: " + e.getMessage());
			}
			System.out.println("Đã tạo tệp khóa / Key file written: " + file);
		}
		else {
			fail("Cách dùng / Usage: master-key | new-keys <file>");
		}
	}

	static String newMasterKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static void fail(String message) {
		System.err.println(message);
		System.exit(2);
	}
}
