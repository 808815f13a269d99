package org.loive.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The signed tail: checkpoints within a second of any event, each kept by a witness outside the database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
class AuditConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(AuditConfiguration.class);

	/** Created at start: a witness directory not set or not writable stops the application there. */
	@Bean
	WitnessFile checkpointWitness(AuditProperties properties, Clock clock) {
		WitnessFile witness = new WitnessFile(properties.witness().directory(), clock);
		LOG.info("Bản đối chứng điểm kiểm / Audit witness: {}", witness.file());
		return witness;
	}
}
