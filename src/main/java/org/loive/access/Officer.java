package org.loive.access;

import org.loive.audit.AuditEvent;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in official as the token describes them: who, which realm roles, which agency groups,
 * which area (province code, optionally with a commune).
 */
public record Officer(String username, Set<String> roles, Set<String> agencies, String area) {

	public static final String CASEWORKER = "caseworker";
	public static final String SUPERVISOR = "supervisor";
	public static final String AUDITOR = "auditor";
	public static final String ADMIN = "admin";

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean belongsTo(String agency) {
		return agencies.contains(agency);
	}

	/** The province part of the area, e.g. {@code QNG} of {@code QNG-12345}. */
	public String province() {
		return area == null ? null : Areas.province(area);
	}

	/** The officer as the audit trail records them. */
	public AuditEvent.Actor actor() {
		return AuditEvent.Actor.of(username, agencies, roles);
	}

	/** Agency groups and roles together: the groups Camunda knows the officer by. */
	public Set<String> engineGroups() {
		Set<String> groups = new TreeSet<>(agencies);
		groups.addAll(roles);
		return Collections.unmodifiableSet(groups);
	}
}
