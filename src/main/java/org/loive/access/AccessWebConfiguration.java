package org.loive.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

	private final AuditedRequests audited;

	AccessWebConfiguration(AuditedRequests audited) {
		this.audited = audited;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(audited).addPathPatterns("/**").excludePathPatterns("/css/**", "/js/**", "/fonts/**", "/webjars/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new OfficerArgumentResolver());
	}
}
