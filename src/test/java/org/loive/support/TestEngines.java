package org.loive.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import java.util.List;
import java.util.Map;

/** Engine-only process tests run on the real PostgreSQL too: no H2 anywhere. */
public final class TestEngines {

	private TestEngines() {
	}

	/** A process engine without Spring, its delegates given as beans by name, recording process coverage. */
	public static ProcessEngine postgres(String name, Map<Object, Object> beans, ProcessEnginePlugin... plugins) {
		var database = TestPostgres.get();
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJdbcDriver("org.postgresql.Driver");
		configuration.setJdbcUrl(database.jdbcUrl(TestPostgres.ENGINE.database()));
		configuration.setJdbcUsername(TestPostgres.ENGINE.user());
		configuration.setJdbcPassword(TestPostgres.ENGINE.password());
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setEnforceHistoryTimeToLive(true);
		configuration.setDefaultSerializationFormat("application/json");
		List<ProcessEnginePlugin> all = new java.util.ArrayList<>(List.of(new SpinProcessEnginePlugin()));
		all.addAll(List.of(plugins));
		configuration.setProcessEnginePlugins(all);
		configuration.setBeans(beans);
		ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
		return configuration.buildProcessEngine();
	}
}
