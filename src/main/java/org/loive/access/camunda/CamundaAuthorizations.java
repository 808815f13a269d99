package org.loive.access.camunda;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.loive.access.Officer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the Keycloak roles may do in the Camunda webapps and engine REST API: supervisors watch process
 * state read-only, administrators operate the engine. Caseworkers work through {@code /api/v1}.
 * Applied at every start, idempotently; there is no Camunda admin user with a password.
 */
@Component
class CamundaAuthorizations {

	private static final List<Resources> SUPERVISOR_READS = List.of(Resources.PROCESS_DEFINITION,
			Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DECISION_DEFINITION,
			Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT, Resources.HISTORIC_PROCESS_INSTANCE,
			Resources.HISTORIC_TASK);

	private final AuthorizationService authorizations;

	CamundaAuthorizations(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@EventListener(PostDeployEvent.class)
	void apply() {
		grant(Officer.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Officer.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		SUPERVISOR_READS.forEach(resource -> grant(Officer.SUPERVISOR, resource, Authorization.ANY, Permissions.READ));
		grant(Officer.SUPERVISOR, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
		grant(Officer.SUPERVISOR, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_INSTANCE);
		grant(Officer.SUPERVISOR, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
		for (Resources resource : Resources.values()) {
			grant(Officer.ADMIN, resource, Authorization.ANY, Permissions.ALL);
		}
	}

	private void grant(String group, Resource resource, String resourceId, Permission permission) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = existing != null ? existing
				: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		if (existing != null && existing.isPermissionGranted(permission)) {
			return;
		}
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		authorization.addPermission(permission);
		authorizations.saveAuthorization(authorization);
	}
}
