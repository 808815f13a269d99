package org.loive.workflow.decisions;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** bpmn/risk-level.dmn: risk level and whether protection is required; the first matching rule wins. */
class RiskLevelDecisionTest {

	private static final DecisionTableHarness TABLE = DecisionTableHarness.load("bpmn/risk-level.dmn", "risk-level");

	@AfterAll
	static void everyRuleWasMatched() {
		TABLE.assertEveryRuleMatched();
	}

	@Test
	void declaresTheTable() {
		TABLE.assertDeclares("Đánh giá mức độ rủi ro", HitPolicy.FIRST, 7);
	}

	/** Columns: threats, at large, know whereabouts, relatives threatened, minor, previously trafficked. */
	@ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} -> {6}, {7} ({8})")
	@CsvSource({
		"true,  false, true,  false, false, false, HIGH,   true,  Rule_Risk_ThreatsAndWhereabouts",
		"true,  true,  true,  true,  true,  true,  HIGH,   true,  Rule_Risk_ThreatsAndWhereabouts",
		"false, false, false, true,  false, false, HIGH,   true,  Rule_Risk_RelativesThreatened",
		"true,  true,  false, true,  true,  true,  HIGH,   true,  Rule_Risk_RelativesThreatened",
		"false, true,  false, false, true,  false, HIGH,   true,  Rule_Risk_MinorTraffickersAtLarge",
		"false, true,  true,  false, true,  true,  HIGH,   true,  Rule_Risk_MinorTraffickersAtLarge",
		"true,  false, false, false, false, false, MEDIUM, true,  Rule_Risk_ThreatsReceived",
		"true,  true,  false, false, false, true,  MEDIUM, true,  Rule_Risk_ThreatsReceived",
		"false, true,  false, false, false, false, MEDIUM, true,  Rule_Risk_TraffickersAtLarge",
		"false, true,  true,  false, false, true,  MEDIUM, true,  Rule_Risk_TraffickersAtLarge",
		"false, false, false, false, false, true,  MEDIUM, true,  Rule_Risk_PreviouslyTrafficked",
		"false, false, true,  false, true,  true,  MEDIUM, true,  Rule_Risk_PreviouslyTrafficked",
		"false, false, false, false, false, false, LOW,    false, Rule_Risk_Otherwise",
		"false, false, true,  false, true,  false, LOW,    false, Rule_Risk_Otherwise",
	})
	void assessesTheRisk(boolean threatsReceived, boolean traffickersAtLarge, boolean traffickersKnowWhereabouts,
			boolean relativesThreatened, boolean minor, boolean previouslyTrafficked, String riskLevel,
			boolean protectionRequired, String firstRule) {
		DecisionTableHarness.Evaluation evaluation = TABLE.evaluate(Map.of(
				"threatsReceived", threatsReceived,
				"traffickersAtLarge", traffickersAtLarge,
				"traffickersKnowWhereabouts", traffickersKnowWhereabouts,
				"relativesThreatened", relativesThreatened,
				"minor", minor,
				"previouslyTrafficked", previouslyTrafficked));

		assertThat(evaluation.ruleIds()).containsExactly(firstRule);
		assertThat(evaluation.result().getSingleResult().getEntryMap())
			.containsOnly(entry("riskLevel", riskLevel), entry("protectionRequired", protectionRequired));
	}

	@Test
	void everyCombinationGetsExactlyOneLevelAndProtectionExactlyWhenNotLow() {
		for (int bits = 0; bits < 64; bits++) {
			Map<String, Object> inputs = Map.of(
					"threatsReceived", (bits & 1) != 0,
					"traffickersAtLarge", (bits & 2) != 0,
					"traffickersKnowWhereabouts", (bits & 4) != 0,
					"relativesThreatened", (bits & 8) != 0,
					"minor", (bits & 16) != 0,
					"previouslyTrafficked", (bits & 32) != 0);
			Map<String, Object> outputs = TABLE.evaluate(inputs).result().getSingleResult().getEntryMap();

			assertThat(outputs.get("riskLevel")).as("%s", inputs).isIn("HIGH", "MEDIUM", "LOW");
			assertThat(outputs.get("protectionRequired")).as("%s", inputs).isEqualTo(!"LOW".equals(outputs.get("riskLevel")));
		}
	}
}
