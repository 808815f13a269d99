package org.loive.platform;

import org.jasypt.encryption.StringEncryptor;
import org.jasypt.encryption.pbe.PooledPBEStringEncryptor;
import org.jasypt.encryption.pbe.config.SimpleStringPBEConfig;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.RandomSaltGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Secrets of the configuration (database password, client secret, the vault's master key) may be written
 * as Jasypt {@code ENC(...)}: AES-256 under a key derived from {@code JASYPT_ENCRYPTOR_PASSWORD} by
 * PBKDF2-HMAC-SHA512 over 210,000 iterations, a random salt and IV per value. Never used for victim data,
 * which only the vault encrypts. {@link SecretsCommand} encrypts a value with the same settings.
 */
@Configuration(proxyBeanMethods = false)
public class ConfigSecrets {

	static final String ALGORITHM = "PBEWITHHMACSHA512ANDAES_256";
	static final int ITERATIONS = 210_000;
	static final String PASSWORD_PROPERTY = "jasypt.encryptor.password";

	/** Jasypt's property resolver looks this bean up by name; static, as property sources need it early. */
	@Bean("jasyptStringEncryptor")
	static StringEncryptor jasyptStringEncryptor(Environment environment) {
		String password = environment.getProperty(PASSWORD_PROPERTY);
		return password == null || password.isBlank() ? new NoPassword() : encryptor(password);
	}

	public static StringEncryptor encryptor(String password) {
		SimpleStringPBEConfig config = new SimpleStringPBEConfig();
		config.setPassword(password);
		config.setAlgorithm(ALGORITHM);
		config.setKeyObtentionIterations(ITERATIONS);
		config.setPoolSize(1);
		config.setSaltGenerator(new RandomSaltGenerator());
		config.setIvGenerator(new RandomIvGenerator());
		config.setStringOutputType("base64");
		PooledPBEStringEncryptor encryptor = new PooledPBEStringEncryptor();
		encryptor.setConfig(config);
		return encryptor;
	}

	/** Without a password a configuration can still start, as long as it holds no ENC(...) value. */
	private static final class NoPassword implements StringEncryptor {

		@Override
		public String encrypt(String message) {
			throw missing();
		}

		@Override
		public String decrypt(String encryptedMessage) {
			throw missing();
		}

		private static IllegalStateException missing() {
			return new IllegalStateException("Cấu hình có giá trị ENC(...) nhưng thiếu JASYPT_ENCRYPTOR_PASSWORD / "
					+ "the configuration holds an ENC(...) value but JASYPT_ENCRYPTOR_PASSWORD is not set");
		}
	}
}
