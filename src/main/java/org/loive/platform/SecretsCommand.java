package org.loive.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The operator's command that turns a secret into the {@code ENC(...)} form the configuration accepts,
 * with the application's own Jasypt settings. The value is read from standard input, so it stays out of
 * the shell history; the password comes from {@code JASYPT_ENCRYPTOR_PASSWORD}:
 * {@code java -cp loive.jar -Dloader.main=org.loive.platform.SecretsCommand
 * org.springframework.boot.loader.launch.PropertiesLauncher encrypt|decrypt}.
 */
public final class SecretsCommand {

	private SecretsCommand() {
	}

	public static void main(String[] args) throws IOException {
		String password = System.getenv("JASYPT_ENCRYPTOR_PASSWORD");
		if (args.length != 1 || !(args[0].equals("encrypt") || args[0].equals("decrypt"))) {
			fail("Cách dùng / Usage: encrypt | decrypt   (giá trị từ đầu vào chuẩn / value on standard input)");
		}
		if (password == null || password.length() < 16) {
			fail("Đặt JASYPT_ENCRYPTOR_PASSWORD, ít nhất 16 ký tự / Set JASYPT_ENCRYPTOR_PASSWORD, at least 16 characters");
		}
		String value = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		if (value == null || value.isEmpty()) {
			fail("Không có giá trị trên đầu vào chuẩn / No value on standard input");
		}
		System.out.println(run(args[0], value, password));
	}

	static String run(String command, String value, String password) {
		var encryptor = ConfigSecrets.encryptor(password);
		if (command.equals("encrypt")) {
			return "ENC(" + encryptor.encrypt(value) + ")";
		}
		String encrypted = value.startsWith("ENC(") && value.endsWith(")") ? value.substring(4, value.length() - 1) : value;
		return encryptor.decrypt(encrypted);
	}

	private static void fail(String message) {
		System.err.println(message);
		System.exit(2);
	}
}
