package org.loive.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every write the engine's APIs admitted (only an administrator's operations get this far) goes on record with
 * the call it was and whether it succeeded. The path names engine ids only; the body is not kept.
 */
class EngineWriteAudit extends OncePerRequestFilter {

	private final AuditLog audit;
	private final AuditedRequests actors;

	EngineWriteAudit(AuditLog audit, AuditedRequests actors) {
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !EngineRequests.writes().matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean done = false;
		try {
			chain.doFilter(request, response);
			done = response.getStatus() < 400;
		}
		finally {
			AuditEvent event = AuditEvent.of(AuditAction.ENGINE_OPERATION, actors.get())
				.purpose(request.getMethod() + " " + request.getRequestURI() + " → " + response.getStatus());
			audit.recordAlone(done ? event : event.failed());
		}
	}
}
