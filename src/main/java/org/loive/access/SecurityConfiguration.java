package org.loive.access;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.loive.access.camunda.OfficerAuthenticationProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.loive.audit.AuditLog;
import org.loive.platform.Problems;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who may reach what. {@code /api/**} and {@code /engine-rest/**} take Keycloak bearer tokens (issuer,
 * audience and expiry checked); the pages and the Camunda webapps log in through Keycloak (authorization
 * code with PKCE) into one session; health and the OpenAPI document are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String REGISTRATION = "keycloak";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, Problems problems, AuditedRequests audited, JwtDecoder decoder)
			throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, audited);
		JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
		tokens.setJwtGrantedAuthoritiesConverter(Officers::authorities);
		tokens.setPrincipalClaimName(Officers.USERNAME);
		http.securityMatcher(paths("/api/**", "/engine-rest/**"))
			.authorizeHttpRequests(requests -> requests
				// one way to act on a case: through /api/v1; the engine's API is read, and operated by admins
				.requestMatchers(EngineRequests.operatorWrites()).hasRole(Officer.ADMIN)
				.requestMatchers(EngineRequests.writes()).access(EngineRequests.refusedOnceAuthenticated())
				.requestMatchers(paths("/engine-rest/**")).hasAnyRole(Officer.SUPERVISOR, Officer.ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/v1/referrals").hasRole(Officer.CASEWORKER)
				.requestMatchers("/api/v1/tasks/**", "/api/v1/tasks").hasRole(Officer.CASEWORKER)
				.requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/*")
				.hasAnyRole(Officer.CASEWORKER, Officer.SUPERVISOR)
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/consent-withdrawal").hasRole(Officer.CASEWORKER)
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/report-resolution").hasRole(Officer.CASEWORKER)
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/transfer").hasRole(Officer.SUPERVISOR)
				.requestMatchers(HttpMethod.GET, "/api/v1/criminal-cases", "/api/v1/criminal-cases/*")
				.hasAnyRole(Officer.CASEWORKER, Officer.SUPERVISOR)
				.requestMatchers(HttpMethod.POST, "/api/v1/criminal-cases", "/api/v1/criminal-cases/*/cases",
						"/api/v1/criminal-cases/*/milestones")
				.hasRole(Officer.CASEWORKER)
				.requestMatchers(HttpMethod.DELETE, "/api/v1/criminal-cases/*/cases/*").hasRole(Officer.CASEWORKER)
				.requestMatchers(HttpMethod.GET, "/api/v1/escalations").hasRole(Officer.SUPERVISOR)
				.requestMatchers("/api/v1/admin/**").hasRole(Officer.ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/persons/*/erasure").hasRole(Officer.ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/persons/*/break-glass").hasRole(Officer.SUPERVISOR)
				.requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasRole(Officer.AUDITOR)
				.requestMatchers(HttpMethod.POST, "/api/v1/audit/reviews").hasRole(Officer.AUDITOR)
				.requestMatchers("/api/v1/cases/*/persons", "/api/v1/cases/*/persons/**").hasRole(Officer.CASEWORKER)
				// auditors see what was submitted and its seal, never the figures
				.requestMatchers(HttpMethod.GET, "/api/v1/reports/submissions", "/api/v1/reports/submissions/*")
				.hasAnyRole(Officer.SUPERVISOR, Officer.AUDITOR)
				.requestMatchers("/api/v1/reports", "/api/v1/reports/**").hasRole(Officer.SUPERVISOR)
				.anyRequest().denyAll())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(new RecentTokens(decoder, Clock.systemUTC()))
					.jwtAuthenticationConverter(tokens))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** Camunda's own logout call, answered here so that the Keycloak session ends with it. */
	static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

	/** Where a browser that is not signed in is sent: Keycloak's login page, by way of Spring's login. */
	static final String LOGIN = "/oauth2/authorization/" + REGISTRATION;

	/**
	 * The pages: no script or style but the application's own files, no framing, nothing cached, forms
	 * posted only to the application (and the logout's redirect to Keycloak).
	 */
	static String contentSecurityPolicy(KeycloakProperties keycloak) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
				+ "form-action 'self' " + keycloak.url();
	}

	/** Camunda's webapps protect themselves against CSRF; Spring's token would break their calls. */
	@Bean
	@Order(2)
	SecurityFilterChain webappSecurity(HttpSecurity http, KeycloakSessionLogout keycloakLogout, AuditedRequests audited)
			throws Exception {
		http.securityMatcher(paths("/camunda/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(EngineRequests.operatorWrites()).hasRole(Officer.ADMIN)
				.requestMatchers(EngineRequests.writes()).denyAll()
				// the engine's data is for those who watch or operate it; caseworkers work in the application
				.requestMatchers(paths("/camunda/api/engine/**", "/camunda/api/cockpit/**", "/camunda/api/tasklist/**"))
				.hasAnyRole(Officer.SUPERVISOR, Officer.ADMIN)
				.requestMatchers(paths("/camunda/app/**", "/camunda/api/**")).authenticated()
				.anyRequest().permitAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN))
				.accessDeniedHandler(deniedOnRecord(audited)))
			.logout(logout -> logout
				.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CAMUNDA_LOGOUT))
				.addLogoutHandler(keycloakLogout)
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
			.csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**")));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain publicEndpoints(HttpSecurity http,
			@Value("${loive.metrics.scrape-token:}") String scrapeToken) throws Exception {
		http.securityMatcher(paths("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/prometheus").access(scrapeTokenOf(scrapeToken))
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.anyRequest().denyAll())
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/**
	 * The web application: Keycloak login (authorization code with PKCE), one session cookie, CSRF on every
	 * form, a strict Content-Security-Policy; each part of it for the roles it serves, and the rest of the
	 * checks (agency, province, involvement) in the services the API calls too.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain pageSecurity(HttpSecurity http, KeycloakSessionLogout keycloakLogout, KeycloakProperties keycloak,
			AuditedRequests audited) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/css/**", "/js/**", "/fonts/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
				.requestMatchers("/error", "/logged-out", "/language", "/oauth2/**", "/login/**").permitAll()
				.requestMatchers("/inbox", "/inbox/**", "/tasks/**", "/referrals", "/referrals/**", "/service-referrals")
				.hasRole(Officer.CASEWORKER)
				.requestMatchers(HttpMethod.POST, "/cases/*/transfer", "/cases/*/persons/*/break-glass")
				.hasRole(Officer.SUPERVISOR)
				.requestMatchers("/cases", "/cases/**").hasAnyRole(Officer.CASEWORKER, Officer.SUPERVISOR)
				.requestMatchers(HttpMethod.POST, "/criminal-cases", "/criminal-cases/**").hasRole(Officer.CASEWORKER)
				.requestMatchers("/criminal-cases", "/criminal-cases/**").hasAnyRole(Officer.CASEWORKER, Officer.SUPERVISOR)
				.requestMatchers("/dashboard", "/dashboard/**").hasRole(Officer.SUPERVISOR)
				.requestMatchers(HttpMethod.GET, "/reports/submissions", "/reports/submissions/*")
				.hasAnyRole(Officer.SUPERVISOR, Officer.AUDITOR)
				.requestMatchers("/reports", "/reports/**").hasRole(Officer.SUPERVISOR)
				.requestMatchers("/audit", "/audit/**").hasRole(Officer.AUDITOR)
				.requestMatchers("/admin", "/admin/**").hasRole(Officer.ADMIN)
				.anyRequest().authenticated())
			.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(oidcAuthorities()))
				.defaultSuccessUrl("/", false))
			.logout(logout -> logout
				.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"))
				.addLogoutHandler(keycloakLogout)
				.logoutSuccessUrl("/logged-out"))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new HtmxSessionExpired(), request -> request.getHeader("HX-Request") != null)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), request -> true)
				.accessDeniedHandler(deniedOnRecord(audited)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloak)))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	/**
	 * Path patterns over the whole request path: the engine REST API and the Camunda webapps are served
	 * by servlets of their own, which servlet-path based matching would miss.
	 */
	private static RequestMatcher paths(String... patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns)
			.map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList());
	}

	/**
	 * Prometheus scrapes with a bearer token of its own, compared in constant time; without a configured token
	 * nobody does. The metrics are counts, never victim data, but they are the operators' and not the public's.
	 */
	static AuthorizationManager<RequestAuthorizationContext> scrapeTokenOf(String token) {
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		return (authentication, context) -> {
			String given = context.getRequest().getHeader("Authorization");
			return new AuthorizationDecision(!token.isBlank() && given != null
					&& MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8)));
		};
	}

	/** A page's or webapp's 403, put on record. */
	private static AccessDeniedHandler deniedOnRecord(AuditedRequests audited) {
		return (request, response, denied) -> {
			audited.denied(request);
			response.sendError(HttpStatus.FORBIDDEN.value());
		};
	}

	private static GrantedAuthoritiesMapper oidcAuthorities() {
		return (Collection<? extends GrantedAuthority> authorities) -> authorities.stream()
			.filter(OidcUserAuthority.class::isInstance)
			.map(OidcUserAuthority.class::cast)
			.findFirst()
			.map(oidc -> Officers.authorities(oidc.getIdToken()))
			.orElse(List.of());
	}

	/** Every failed login is published (and so recorded), not only the kinds Spring maps by default. */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return publisher;
	}

	@Bean
	KeycloakSessionLogout keycloakSessionLogout(OAuth2AuthorizedClientRepository authorizedClients,
			KeycloakProperties keycloak, RestClient.Builder http) {
		return new KeycloakSessionLogout(authorizedClients, keycloak, http);
	}

	/** The browser login's tokens stay in its HTTP session, not in a map that grows on the node. */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/** Built here rather than discovered, so the application starts while Keycloak is still booting. */
	@Bean
	ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(keycloak.clientId())
			.clientSecret(keycloak.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.issuerUri(keycloak.issuer())
			.authorizationUri(keycloak.issuer() + "/protocol/openid-connect/auth")
			.tokenUri(keycloak.internalEndpoint("token"))
			.jwkSetUri(keycloak.internalEndpoint("certs"))
			.userInfoUri(keycloak.internalEndpoint("userinfo"))
			.userNameAttributeName(Officers.USERNAME)
			.providerConfigurationMetadata(
					Map.of("end_session_endpoint", keycloak.issuer() + "/protocol/openid-connect/logout"))
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.clientName("Keycloak")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/** Camunda webapps: the user Spring Security logged in, with agency groups and roles. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
		var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				OfficerAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/** Camunda's Tasklist is not where Lối Về's work is done: it sends the officer to the inbox. */
	@Bean
	FilterRegistrationBean<jakarta.servlet.Filter> tasklistToInbox() {
		var registration = new FilterRegistrationBean<jakarta.servlet.Filter>((request, response, chain) ->
				((jakarta.servlet.http.HttpServletResponse) response).sendRedirect(
						((jakarta.servlet.http.HttpServletRequest) request).getContextPath() + "/tasklist"));
		registration.addUrlPatterns("/camunda/app/tasklist/*", "/camunda/app/tasklist");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/** Engine REST API errors as problem details, with the status the fault deserves. */
	@Bean
	FilterRegistrationBean<EngineProblems> engineRestProblems(Problems problems, ObjectMapper json) {
		var registration = new FilterRegistrationBean<>(new EngineProblems(problems, json));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

	/** Every write admitted through either engine API on record. */
	@Bean
	FilterRegistrationBean<EngineWriteAudit> engineWriteAudit(AuditLog audit, AuditedRequests actors) {
		var registration = new FilterRegistrationBean<>(new EngineWriteAudit(audit, actors));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

	/** Engine REST API: Camunda's authorization checks apply to the token's officer. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				OfficerAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}
}
