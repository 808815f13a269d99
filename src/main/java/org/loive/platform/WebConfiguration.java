package org.loive.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;

import java.util.List;
import java.util.Locale;

/** Vietnamese first, English on request; a size limit on request bodies; JSON types read strictly. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver(List.of(VIETNAMESE, Locale.ENGLISH), VIETNAMESE);
	}

	/**
	 * A number or a yes/no where text is expected is a wrong type, not text: {@code "notes": 1} is refused. A key
	 * given twice is refused too, rather than the last one silently winning (a body read by one parser one way and
	 * by another parser the other way).
	 */
	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictText() {
		return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
			@Value("${loive.api.max-body-size:1MB}") DataSize limit, Problems problems) {
		var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit.toBytes(), problems));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** After Spring Security: a key is its user's, and a refused request never takes one. */
	@Bean
	FilterRegistrationBean<IdempotentRequests> idempotentRequests(IdempotencyKeys keys, Problems problems,
			PlatformTransactionManager transactions) {
		var registration = new FilterRegistrationBean<>(new IdempotentRequests(keys, problems, transactions));
		registration.addUrlPatterns("/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
		return registration;
	}

	/** Every page form carries an idempotency key of its own rendering, next to its CSRF token. */
	@Bean
	static BeanPostProcessor idempotencyFormFields() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof RequestDataValueProcessor processor && !(bean instanceof IdempotencyFormFields)
						? new IdempotencyFormFields(processor) : bean;
			}
		};
	}
}
