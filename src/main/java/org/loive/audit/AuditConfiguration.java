package org.loive.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Checkpoints by time as well as by count: a quiet hour still ends signed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
class AuditConfiguration {

	private final AuditLog log;

	AuditConfiguration(AuditLog log) {
		this.log = log;
	}

	/** Every node tries; the chain's lock lets one sign and the others find nothing new. */
	@Scheduled(fixedDelayString = "${loive.audit.checkpoint-interval:5m}", initialDelayString = "${loive.audit.checkpoint-interval:5m}")
	void checkpoint() {
		log.checkpoint();
	}
}
