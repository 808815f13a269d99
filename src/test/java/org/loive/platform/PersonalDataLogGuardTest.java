package org.loive.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataLogGuardTest {

	final LoggerContext loggers = new LoggerContext();
	final PersonalDataLogGuard guard = new PersonalDataLogGuard();

	@Test
	void bodiesAndRefusedValuesStayOutOfTheLogsBelowInfoWhateverTheLevelAsked() {
		for (int asked = 0; asked < 2; asked++) {
			assertThat(reply("org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor", Level.DEBUG))
				.isEqualTo(FilterReply.DENY);
			assertThat(reply("com.fasterxml.jackson.databind", Level.TRACE)).isEqualTo(FilterReply.DENY);
			assertThat(reply("org.apache.coyote", Level.DEBUG)).isEqualTo(FilterReply.DENY);
			assertThat(reply("org.springframework.web", Level.INFO)).isEqualTo(FilterReply.NEUTRAL);
			assertThat(reply("org.springframework.webflux", Level.DEBUG)).as("another package").isEqualTo(FilterReply.NEUTRAL);
			assertThat(reply("org.camunda.bpm.engine", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
		}
	}

	private FilterReply reply(String logger, Level level) {
		return guard.decide(null, loggers.getLogger(logger), level, "{}", null, null);
	}
}
