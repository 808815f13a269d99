package org.loive.platform;

import com.ulisesbocchio.jasyptspringbootstarter.JasyptSpringBootAutoConfiguration;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigSecretsTest {

	private static final String PASSWORD = "a-long-operator-password";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JasyptSpringBootAutoConfiguration.class))
		.withUserConfiguration(ConfigSecrets.class);

	@Test
	void anEncryptedPropertyIsReadInClear() {
		String secret = SecretsCommand.run("encrypt", "mật-khẩu-cơ-sở-dữ-liệu", PASSWORD);
		assertThat(secret).startsWith("ENC(").doesNotContain("mật");
		context.withPropertyValues("jasypt.encryptor.password=" + PASSWORD, "spring.datasource.password=" + secret)
			.run(app -> assertThat(app.getBean(Environment.class).getProperty("spring.datasource.password"))
				.isEqualTo("mật-khẩu-cơ-sở-dữ-liệu"));
	}

	@Test
	void everyEncryptionHasItsOwnSaltAndTheWrongPasswordOpensNothing() {
		String once = SecretsCommand.run("encrypt", "secret", PASSWORD);
		assertThat(SecretsCommand.run("encrypt", "secret", PASSWORD)).isNotEqualTo(once);
		assertThat(SecretsCommand.run("decrypt", once, PASSWORD)).isEqualTo("secret");
		assertThatThrownBy(() -> SecretsCommand.run("decrypt", once, "another-long-password"))
			.isInstanceOf(EncryptionOperationNotPossibleException.class);
	}

	@Test
	void anEncryptedValueWithoutThePasswordStopsTheStartWithAClearMessage() {
		String secret = SecretsCommand.run("encrypt", "secret", PASSWORD);
		context.withPropertyValues("spring.datasource.password=" + secret)
			.run(app -> assertThatThrownBy(() -> app.getBean(Environment.class).getProperty("spring.datasource.password"))
				.hasStackTraceContaining("JASYPT_ENCRYPTOR_PASSWORD"));
		context.withPropertyValues("spring.datasource.password=plain")
			.run(app -> assertThat(app.getBean(Environment.class).getProperty("spring.datasource.password")).isEqualTo("plain"));
	}
}
