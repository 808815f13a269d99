package org.loive.workflow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A table's answers by version and inputs, for the bean that evaluates it: the inputs are codes, so a handful of
 * combinations, each evaluated once (FEEL was an eighth of a node's CPU under load otherwise: docs/benchmarks.md);
 * a new version of the table is a new key, so it counts from the next evaluation. Cockpit's decision history shows
 * the first evaluation of each.
 */
final class DecisionAnswers {

	private record Evaluation(String version, Map<String, Object> inputs) {
	}

	private final Cache<Evaluation, Map<String, Object>> answers = Caffeine.newBuilder().maximumSize(1_000).build();

	/** {@link Decisions#single} of the table's latest version. */
	Map<String, Object> single(DelegateExecution execution, String key, Map<String, Object> inputs) {
		Map<String, Object> asked = new HashMap<>(inputs);
		return answers.get(new Evaluation(Decisions.latestVersion(key), asked), evaluation -> Collections.unmodifiableMap(
				new HashMap<>(Decisions.singleOfVersion(execution, evaluation.version(), asked))));
	}
}
