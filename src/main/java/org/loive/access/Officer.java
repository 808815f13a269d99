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

	/** The prefix of the Camunda group of a province's officers, e.g. {@code province-QNG}. */
	public static final String PROVINCE_GROUP_PREFIX = "province-";

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

	/**
	 * Agency groups, roles and the province's group together: the groups Camunda knows the officer by. The
	 * province's group is the one the engine's per-instance grants name, so a supervisor sees their province only.
	 */
	public Set<String> engineGroups() {
		Set<String> groups = new TreeSet<>(agencies);
		groups.addAll(roles);
		if (province() != null) {
			groups.add(provinceGroup(province()));
		}
		return Collections.unmodifiableSet(groups);
	}

	/** The Camunda group of the officers of a province. */
	public static String provinceGroup(String province) {
		return PROVINCE_GROUP_PREFIX + province;
	}
}
