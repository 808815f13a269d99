package org.loive.workflow.decisions;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One decision table of bpmn/ on the standalone DMN engine (no database, no Spring), recording which
 * rules matched so that a test class can prove at the end that it exercised every rule.
 */
final class DecisionTableHarness {

	static final String DMN_13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";

	private final String resource;
	private final String decisionKey;
	private final DmnModelInstance model;
	private final DmnDecision decision;
	private final DmnEngine engine;
	private final Set<String> matchedRuleIds = ConcurrentHashMap.newKeySet();
	private final ThreadLocal<List<String>> lastMatch = ThreadLocal.withInitial(ArrayList::new);

	/** The result of one evaluation and the ids of the rules that matched, in table order. */
	record Evaluation(DmnDecisionResult result, List<String> ruleIds) {
	}

	private DecisionTableHarness(String resource, String decisionKey) {
		this.resource = resource;
		this.decisionKey = decisionKey;
		byte[] xml = read(resource);
		this.model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
		DmnDecisionTableEvaluationListener recorder = this::record;
		DefaultDmnEngineConfiguration configuration =
				(DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
		this.engine = configuration.buildEngine();
		this.decision = engine.parseDecision(decisionKey, new ByteArrayInputStream(xml));
	}

	static DecisionTableHarness load(String resource, String decisionKey) {
		return new DecisionTableHarness(resource, decisionKey);
	}

	Evaluation evaluate(Map<String, Object> variables) {
		lastMatch.get().clear();
		DmnDecisionResult result = engine.evaluateDecision(decision, variables);
		return new Evaluation(result, List.copyOf(lastMatch.get()));
	}

	/** The decision element of the XML, for attributes the engine does not expose (history time-to-live). */
	Decision modelDecision() {
		Decision element = model.getModelElementById(decisionKey);
		assertThat(element).as("decision %s in %s", decisionKey, resource).isNotNull();
		return element;
	}

	/** Rule ids as written in the XML. */
	Set<String> ruleIds() {
		DecisionTable table = (DecisionTable) modelDecision().getExpression();
		return table.getRules().stream().map(Rule::getId).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * What every table of the project declares: DMN 1.3, its Vietnamese name, the hit policy, a history
	 * time-to-live of ten years, bilingual labels and an explicit id and a description on every rule.
	 */
	void assertDeclares(String name, HitPolicy hitPolicy, int ruleCount) {
		Decision element = modelDecision();
		DecisionTable table = (DecisionTable) element.getExpression();
		assertThat(model.getDocument().getRootElement().getNamespaceURI()).isEqualTo(DMN_13);
		assertThat(element.getName()).isEqualTo(name);
		assertThat(element.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
		assertThat(table.getHitPolicy()).isEqualTo(hitPolicy);
		assertThat(table.getInputs()).extracting(Input::getLabel).allMatch(DecisionTableHarness::bilingual);
		assertThat(table.getOutputs()).extracting(Output::getLabel).allMatch(DecisionTableHarness::bilingual);
		assertThat(table.getRules()).hasSize(ruleCount).allSatisfy(rule -> {
			assertThat(rule.getId()).startsWith("Rule_");
			assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
			assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId()).isNotBlank();
		});
	}

	void assertEveryRuleMatched() {
		assertThat(new TreeSet<>(matchedRuleIds))
			.as("rules of %s matched by the tests", decisionKey)
			.containsExactlyElementsOf(ruleIds());
	}

	private static boolean bilingual(String label) {
		return label != null && label.contains(" / ");
	}

	private void record(DmnDecisionTableEvaluationEvent event) {
		if (decisionKey.equals(event.getDecision().getKey())) {
			for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
				matchedRuleIds.add(rule.getId());
				lastMatch.get().add(rule.getId());
			}
		}
	}

	private static byte[] read(String resource) {
		try (InputStream stream = DecisionTableHarness.class.getClassLoader().getResourceAsStream(resource)) {
			if (stream == null) {
				throw new IOException("not on the classpath: " + resource);
			}
			return stream.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
