package org.loive.workflow;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;

import java.util.List;
import java.util.Map;

/** Evaluates the decision tables of {@code bpmn/} by key, from inside the engine's transaction. */
final class Decisions {

	static final String INTAKE_ROUTING = "intake-routing";
	static final String SUPPORT_ELIGIBILITY = "support-eligibility";
	static final String RISK_LEVEL = "risk-level";
	static final String STEP_DEADLINES = "step-deadlines";

	private Decisions() {
	}

	static DmnDecisionResult evaluate(DelegateExecution execution, String key, Map<String, Object> inputs) {
		return execution.getProcessEngineServices()
			.getDecisionService()
			.evaluateDecisionByKey(key)
			.variables(inputs)
			.evaluate();
	}

	/** The single matching rule's outputs; a table that matches nothing is a modelling error. */
	static Map<String, Object> single(DelegateExecution execution, String key, Map<String, Object> inputs) {
		return only(evaluate(execution, key, inputs), key, inputs);
	}

	/** As {@link #single}, of one version of a table ({@link #latestVersion}). */
	static Map<String, Object> singleOfVersion(DelegateExecution execution, String definitionId, Map<String, Object> inputs) {
		return only(execution.getProcessEngineServices().getDecisionService().evaluateDecisionById(definitionId)
			.variables(inputs).evaluate(), definitionId, inputs);
	}

	/** The id of the table's latest version, read in the engine's command as evaluating it by key reads it. */
	static String latestVersion(String key) {
		return Context.getCommandContext().getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key).getId();
	}

	private static Map<String, Object> only(DmnDecisionResult result, String decision, Map<String, Object> inputs) {
		if (result.isEmpty()) {
			throw new IllegalStateException("decision " + decision + " matched no rule for " + inputs.keySet());
		}
		return result.getSingleResult().getEntryMap();
	}

	static List<String> collect(DelegateExecution execution, String key, Map<String, Object> inputs) {
		return evaluate(execution, key, inputs).collectEntries("services");
	}
}
