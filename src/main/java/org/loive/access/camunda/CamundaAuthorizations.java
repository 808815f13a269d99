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

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Keycloak roles may do in the Camunda webapps and engine REST API: supervisors read the models and,
 * through the grants each process instance and task of their province carries (see the workflow module's
 * province scope), that province's instances only; administrators operate the engine. Caseworkers work through
 * {@code /api/v1}. Applied whenever the engine starts, idempotently, taking back any wider grant an older version
 * gave; there is no Camunda admin user with a password.
 */
@Component
class CamundaAuthorizations extends AbstractProcessEnginePlugin {

	/** Models only: a supervisor's view of instances, tasks and history comes from per-instance grants. */
	private static final List<Resources> SUPERVISOR_READS = List.of(Resources.PROCESS_DEFINITION,
			Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT);

	private final Grants grants = new Grants();
	private final ObjectProvider<AuditLog> audit;

	/** Lazily: the engine is built before the audit trail's beans. */
	CamundaAuthorizations(ObjectProvider<AuditLog> audit) {
		this.audit = audit;
	}

	/** Grants added, narrowed or taken back at this start go on record, once the application is up. */
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
		grants.exactly(authorizations, Officer.SUPERVISOR, Resources.APPLICATION, "cockpit", Set.of(Permissions.ACCESS));
		grants.exactly(authorizations, Officer.SUPERVISOR, Resources.APPLICATION, "tasklist", Set.of(Permissions.ACCESS));
		for (Resources resource : SUPERVISOR_READS) {
			grants.exactly(authorizations, Officer.SUPERVISOR, resource, Authorization.ANY, Set.of(Permissions.READ));
		}
		grants.takeBackOthers(authorizations, Officer.SUPERVISOR, SUPERVISOR_READS);
		for (Resources resource : Resources.values()) {
			grants.exactly(authorizations, Officer.ADMIN, resource, Authorization.ANY, Set.of(Permissions.ALL));
		}
	}

	/** One grant per group, resource type and id, holding exactly the permissions it should. */
	static final class Grants {

		private int changed;

		void exactly(AuthorizationService authorizations, String group, Resource resource, String resourceId,
				Set<Permission> permissions) {
			Authorization existing = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(group)
				.resourceType(resource)
				.resourceId(resourceId)
				.singleResult();
			if (existing != null && granted(existing).equals(permissions)) {
				return;
			}
			Authorization authorization = existing != null ? existing
					: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
			authorization.setPermissions(permissions.toArray(Permission[]::new));
			authorizations.saveAuthorization(authorization);
			changed++;
		}

		/** Deletes the group's grants on every instance of a resource type it should not read as a whole. */
		void takeBackOthers(AuthorizationService authorizations, String group, List<Resources> kept) {
			authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(group)
				.resourceId(Authorization.ANY)
				.list()
				.stream()
				.filter(grant -> kept.stream().noneMatch(resource -> resource.resourceType() == grant.getResourceType()))
				.forEach(grant -> {
					authorizations.deleteAuthorization(grant.getId());
					changed++;
				});
		}

		private static Set<Permission> granted(Authorization authorization) {
			if (authorization.isEveryPermissionGranted()) {
				return Set.of(Permissions.ALL);
			}
			return Arrays.stream(authorization.getPermissions(Permissions.values()))
				.filter(permission -> permission != Permissions.NONE && permission != Permissions.ALL)
				.collect(Collectors.toSet());
		}
	}
}
