package org.loive.support;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** The keys of a test run: a master key of this JVM and a key file the application creates on start; its audit witness. */
public final class TestVault {

	public static final String MASTER_KEY = randomKey();
	private static final Path KEYS_FILE = Path.of("target", "test-vault", "keys-" + ProcessHandle.current().pid() + ".json");

	/** The audit witness of this run: empty at the start as the run's database is. */
	private static final Path WITNESS = Path.of("target", "test-witness", ProcessHandle.current().pid() + "-"
			+ System.currentTimeMillis());

	private TestVault() {
	}

	public static String witnessDirectory() {
		return WITNESS.toAbsolutePath().toString();
	}

	public static String keysFile() {
		return KEYS_FILE.toAbsolutePath().toString();
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
