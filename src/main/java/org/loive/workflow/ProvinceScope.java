package org.loive.workflow;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.loive.access.Officer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A supervisor sees, in Cockpit and through the engine's REST API, only the process instances, tasks and history
 * of their province's cases. Camunda's own authorization checks do it: every process instance (called ones too)
 * grants its province's group read access to itself and to its history when it starts, every user task to itself
 * when it is created, and a transfer moves these grants to the new province. The engine's history cleanup
 * removes the history's grants with the history. Instances that existed before are granted at start-up.
 */
@Component
class ProvinceScope extends AbstractProcessEnginePlugin {

	private static final Logger LOG = LoggerFactory.getLogger(ProvinceScope.class);

	private final JdbcClient jdbc;
	private ProcessEngine engine;

	ProvinceScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnableHistoricInstancePermissions(true);
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new Observer());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		this.engine = engine;
	}

	/** Moves every grant of the case's instances and open tasks to the new province's group. */
	static void move(ProcessEngineServices services, String caseId, String province) {
		withoutChecks(() -> {
			AuthorizationService authorizations = services.getAuthorizationService();
			for (HistoricProcessInstance instance : services.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseId)
				.list()) {
				regrant(authorizations, Resources.HISTORIC_PROCESS_INSTANCE, instance.getId(), province);
				if (instance.getEndTime() == null) {
					regrant(authorizations, Resources.PROCESS_INSTANCE, instance.getId(), province);
				}
			}
			for (Task task : services.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).list()) {
				regrant(authorizations, Resources.TASK, task.getId(), province);
			}
		});
	}

	/** Grants the instances and open tasks that have none yet: those started before this scope existed. */
	@EventListener(ApplicationReadyEvent.class)
	void grantEarlierInstances() {
		List<Ungranted> instances = jdbc.sql("""
				select p.id_ as id, p.end_time_ is null as running, v.text_ as province
				from act_hi_procinst p
				join act_hi_varinst v on v.proc_inst_id_ = p.id_ and v.execution_id_ = p.id_ and v.name_ = :province
				where v.text_ is not null and not exists (select 1 from act_ru_authorization a
				    where a.resource_type_ = :historic and a.resource_id_ = p.id_ and a.group_id_ like :groups)""")
			.param("province", ReferralVariables.PROVINCE)
			.param("historic", Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
			.param("groups", Officer.PROVINCE_GROUP_PREFIX + "%")
			.query(Ungranted.class)
			.list();
		List<Ungranted> tasks = jdbc.sql("""
				select t.id_ as id, true as running, v.text_ as province
				from act_ru_task t
				join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.name_ = :province
				where v.text_ is not null and not exists (select 1 from act_ru_authorization a
				    where a.resource_type_ = :task and a.resource_id_ = t.id_ and a.group_id_ like :groups)""")
			.param("province", ReferralVariables.PROVINCE)
			.param("task", Resources.TASK.resourceType())
			.param("groups", Officer.PROVINCE_GROUP_PREFIX + "%")
			.query(Ungranted.class)
			.list();
		if (instances.isEmpty() && tasks.isEmpty()) {
			return;
		}
		AuthorizationService authorizations = engine.getAuthorizationService();
		instances.forEach(instance -> {
			grant(authorizations, Resources.HISTORIC_PROCESS_INSTANCE, instance.id(), instance.province());
			if (instance.running()) {
				grant(authorizations, Resources.PROCESS_INSTANCE, instance.id(), instance.province());
			}
		});
		tasks.forEach(task -> grant(authorizations, Resources.TASK, task.id(), task.province()));
		LOG.info("Province grants given to {} earlier process instances and {} open tasks", instances.size(), tasks.size());
	}

	record Ungranted(String id, boolean running, String province) {
	}

	private static void started(DelegateExecution instance) {
		String province = (String) instance.getVariable(ReferralVariables.PROVINCE);
		if (province == null) {
			return;
		}
		withoutChecks(() -> {
			AuthorizationService authorizations = instance.getProcessEngineServices().getAuthorizationService();
			grant(authorizations, Resources.PROCESS_INSTANCE, instance.getId(), province);
			grant(authorizations, Resources.HISTORIC_PROCESS_INSTANCE, instance.getId(), province);
		});
	}

	private static void created(DelegateTask task) {
		String province = (String) task.getVariable(ReferralVariables.PROVINCE);
		if (province != null) {
			withoutChecks(() -> grant(task.getProcessEngineServices().getAuthorizationService(), Resources.TASK, task.getId(),
					province));
		}
	}

	/** Replaces the resource's province grant, whichever province it named, by the given province's. */
	private static void regrant(AuthorizationService authorizations, Resource resource, String id, String province) {
		authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(resource)
			.resourceId(id)
			.list()
			.stream()
			.filter(grant -> grant.getGroupId() != null && grant.getGroupId().startsWith(Officer.PROVINCE_GROUP_PREFIX))
			.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
		grant(authorizations, resource, id, province);
	}

	/** The engine gives the history's grant the root instance and removal time the history cleanup needs. */
	private static void grant(AuthorizationService authorizations, Resource resource, String id, String province) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(Officer.provinceGroup(province));
		grant.setResource(resource);
		grant.setResourceId(id);
		grant.addPermission(resource == Resources.HISTORIC_PROCESS_INSTANCE ? HistoricProcessInstancePermissions.READ
				: Permissions.READ);
		authorizations.saveAuthorization(grant);
	}

	/** Grants are the engine's doing, not the signed-in user's: no check of their right to grant. */
	private static void withoutChecks(Runnable work) {
		if (Context.getCommandContext() == null) {
			work.run();
			return;
		}
		Context.getCommandContext().runWithoutAuthorization(() -> {
			work.run();
			return null;
		});
	}

	private static final class Observer extends AbstractBpmnParseListener {

		private final ExecutionListener onStart = ProvinceScope::started;
		private final TaskListener onCreate = ProvinceScope::created;

		@Override
		public void parseProcess(Element element, ProcessDefinitionEntity definition) {
			definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, onStart);
		}

		@Override
		public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
				.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
		}
	}
}
