package org.loive.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.audit.CurrentActor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts on record what the identity layer sees: logins to the web applications and their failures,
 * refused tokens, and every 403 of the API, whether the filter chain or the application refused it.
 * Paths carry identifiers only, never victim data, so the path is the purpose of a denial.
 */
@Component
class AuditedRequests implements HandlerInterceptor, CurrentActor {

	private static final Pattern CASE = Pattern.compile("/cases/([0-9a-fA-F-]{36})");
	private static final Pattern PERSON = Pattern.compile("/persons/([0-9a-fA-F-]{36})");
	private static final AuditEvent.Actor ANONYMOUS = new AuditEvent.Actor("anonymous", null, null);

	private final AuditLog audit;

	AuditedRequests(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public AuditEvent.Actor get() {
		return Officers.current().map(Officer::actor).orElse(ANONYMOUS);
	}

	/** A 403 the application decided (another province's case, another agency's task). */
	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
		if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
			denied(request);
		}
	}

	/** A 403 of the filter chain (a role the endpoint does not admit), or of the application. */
	void denied(HttpServletRequest request) {
		if (request.getAttribute(VictimDataAccess.DENIAL_RECORDED) != null) {
			return;
		}
		request.setAttribute(VictimDataAccess.DENIAL_RECORDED, Boolean.TRUE);
		audit.recordAlone(AuditEvent.of(AuditAction.ACCESS_DENIED, get())
			.onCase(id(CASE, request).orElse(null))
			.person(id(PERSON, request).orElse(null))
			.purpose(request.getMethod() + " " + request.getRequestURI())
			.denied());
	}

	@EventListener
	void loggedIn(InteractiveAuthenticationSuccessEvent event) {
		audit.record(AuditEvent.of(AuditAction.LOGIN, Officers.of(event.getAuthentication())
			.map(Officer::actor)
			.orElse(new AuditEvent.Actor(event.getAuthentication().getName(), null, null))).purpose("webapp-login"));
	}

	/** A refused bearer token (expired, altered, another audience) as well as a failed webapp login. */
	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		String where = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? " " + attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI() : "";
		audit.recordAlone(AuditEvent.of(AuditAction.LOGIN_FAILED, ANONYMOUS)
			.purpose(event.getException().getClass().getSimpleName() + where)
			.failed());
	}

	private static Optional<UUID> id(Pattern pattern, HttpServletRequest request) {
		Matcher matcher = pattern.matcher(request.getRequestURI());
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(matcher.group(1)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
