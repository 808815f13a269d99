package org.loive.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the loggers that write request bodies, rejected values or raw bytes at INFO, whatever level the
 * configuration asks for: at DEBUG, Spring's web layer logs every body it read ("Read … to [...]") and
 * Jackson's and the validator's messages, which quote the value they refused; Tomcat's connector logs
 * the raw request. Any of them would put victim data into the logs. Registered in {@code logback-spring.xml}.
 */
public class PersonalDataLogGuard extends TurboFilter {

	static final List<String> GUARDED = List.of("org.springframework.web", "org.springframework.http",
			"org.springframework.validation", "org.apache.coyote", "org.apache.tomcat.util.net",
			"org.apache.tomcat.util.http", "com.fasterxml.jackson", "org.thymeleaf");

	/** Each logger's answer, asked once: logback consults the filter on every level check (every isDebugEnabled). */
	private final Map<String, Boolean> decided = new ConcurrentHashMap<>();

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		return level != null && !level.isGreaterOrEqual(Level.INFO)
				&& decided.computeIfAbsent(logger.getName(), PersonalDataLogGuard::guarded) ? FilterReply.DENY
				: FilterReply.NEUTRAL;
	}

	static boolean guarded(String loggerName) {
		return GUARDED.stream().anyMatch(prefix -> loggerName.equals(prefix) || loggerName.startsWith(prefix + "."));
	}
}
