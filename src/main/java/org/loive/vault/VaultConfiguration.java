package org.loive.vault;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
class VaultConfiguration {

	/** Opened at start: without its keys the application refuses to start ({@link VaultKeysFailureAnalyzer}). */
	@Bean
	VaultKeyFile vaultKeyFile(VaultProperties properties) {
		return VaultKeyFile.open(properties);
	}
}
