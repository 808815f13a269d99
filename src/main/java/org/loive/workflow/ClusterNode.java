package org.loive.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Names this node in the engine, when {@code loive.node.name} ({@code LOIVE_NODE_NAME}) is set: the job log's host
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}) says which node ran a job, and the job executor's lock owner (on a job it holds)
 * starts with the name. Nodes share one database and lock jobs in it with optimistic locking; each lock owner stays
 * unique by its random part, so two nodes given one name still never take each other's jobs.
 */
@Component
class ClusterNode extends AbstractProcessEnginePlugin {

	private final String name;

	ClusterNode(@Value("${loive.node.name:}") String name) {
		this.name = name.strip();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (!name.isEmpty()) {
			configuration.setHostname(name);
		}
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (!name.isEmpty() && configuration.getJobExecutor() != null) {
			configuration.getJobExecutor().setLockOwner(name + ":" + UUID.randomUUID());
		}
	}
}
