package org.loive.access.camunda;

import org.camunda.bpm.engine.AuthorizationService;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.loive.access.Officer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the Keycloak roles may do in the Camunda webapps and engine REST API: supervisors watch process
 * state read-only, administrators operate the engine. Caseworkers work through {@code /api/v1}.
 * Applied whenever the engine starts, idempotently; there is no Camunda admin user with a password.
 */
@Component
class CamundaAuthorizations extends AbstractProcessEnginePlugin {

	private static final List<Resources> SUPERVISOR_READS = List.of(Resources.PROCESS_DEFINITION,
			Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DECISION_DEFINITION,
			Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT);

	private final Grants grants = new Grants();
	private final ObjectProvider<AuditLog> audit;

	/** Lazily: the engine is built before the audit trail's beans. */
	CamundaAuthorizations(ObjectProvider<AuditLog> audit) {
		this.audit = audit;
	}

	/** Grants added or extended at this start go on record, once the application is up. */
	@EventListener(ApplicationReadyEvent.class)
	void recordChanges() {
		if (grants.changed > 0) {
			audit.getObject().record(AuditEvent.of(AuditAction.AUTHORIZATIONS_CONFIGURED, AuditEvent.Actor.SYSTEM)
				.purpose("camunda-grants-changed:" + grants.changed));
			grants.changed = 0;
		}
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		grants.give(authorizations, Officer.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grants.give(authorizations, Officer.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		for (Resources resource : SUPERVISOR_READS) {
			grants.give(authorizations, Officer.SUPERVISOR, resource, Authorization.ANY, Permissions.READ);
		}
		grants.give(authorizations, Officer.SUPERVISOR, Resources.PROCESS_DEFINITION, Authorization.ANY,
				Permissions.READ_HISTORY);
		grants.give(authorizations, Officer.SUPERVISOR, Resources.PROCESS_DEFINITION, Authorization.ANY,
				Permissions.READ_INSTANCE);
		grants.give(authorizations, Officer.SUPERVISOR, Resources.DECISION_DEFINITION, Authorization.ANY,
				Permissions.READ_HISTORY);
		for (Resources resource : Resources.values()) {
			grants.give(authorizations, Officer.ADMIN, resource, Authorization.ANY, Permissions.ALL);
		}
	}

	/** One grant per group, resource type and id, extended with each permission it lacks. */
	static final class Grants {

		private int changed;

		void give(AuthorizationService authorizations, String group, Resource resource, String resourceId,
				Permission permission) {
			Authorization existing = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(group)
				.resourceType(resource)
				.resourceId(resourceId)
				.singleResult();
			if (existing != null && existing.isPermissionGranted(permission)) {
				return;
			}
			Authorization authorization = existing != null ? existing
					: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
			authorization.addPermission(permission);
			authorizations.saveAuthorization(authorization);
			changed++;
		}
	}
}
