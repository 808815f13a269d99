package org.loive.workflow.decisions;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** bpmn/support-eligibility.dmn: the services of Art 37 of the 2024 anti-trafficking law, per category. */
class SupportEligibilityDecisionTest {

	private static final DecisionTableHarness TABLE =
			DecisionTableHarness.load("bpmn/support-eligibility.dmn", "support-eligibility");

	@AfterAll
	static void everyRuleWasMatched() {
		TABLE.assertEveryRuleMatched();
	}

	@Test
	void declaresTheTable() {
		TABLE.assertDeclares("Chế độ hỗ trợ theo Điều 37 Luật Phòng, chống mua bán người 2024", HitPolicy.COLLECT, 10);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
		"VN_VICTIM,             a b c d dd e g h i k",
		"ACCOMPANYING_MINOR,    a b c d dd e g h",
		"VN_IDENTIFYING_ABROAD, a b c d",
		"IDENTIFYING_IN_VN,     a b c d dd e g",
		"FOREIGN,               a b c d dd g",
	})
	void eachCategoryGetsExactlyItsServices(String category, String services) {
		assertThat(servicesOf(category)).containsExactly(services.split(" "));
	}

	@ParameterizedTest(name = "service {0} from {1}")
	@CsvSource({
		"a,  Rule_Support_A",
		"b,  Rule_Support_B",
		"c,  Rule_Support_C",
		"d,  Rule_Support_D",
		"dd, Rule_Support_DD",
		"e,  Rule_Support_E",
		"g,  Rule_Support_G",
		"h,  Rule_Support_H",
		"i,  Rule_Support_I",
		"k,  Rule_Support_K",
	})
	void aVietnameseVictimGetsEachServiceFromItsOwnRule(String service, String ruleId) {
		DecisionTableHarness.Evaluation evaluation = evaluate("VN_VICTIM");

		int position = evaluation.ruleIds().indexOf(ruleId);
		assertThat(position).as("rule %s matched", ruleId).isNotNegative();
		assertThat(evaluation.result().<String>collectEntries("services").get(position)).isEqualTo(service);
	}

	@Test
	void onlyAVietnameseVictimGetsVocationalTrainingAndHardshipAllowance() {
		for (String category : List.of("ACCOMPANYING_MINOR", "VN_IDENTIFYING_ABROAD", "IDENTIFYING_IN_VN", "FOREIGN")) {
			assertThat(servicesOf(category)).as(category).doesNotContain("i", "k");
		}
	}

	@Test
	void anUnknownCategoryGetsNoServices() {
		assertThat(servicesOf("TOURIST")).isEmpty();
		assertThat(evaluate("TOURIST").ruleIds()).isEmpty();
	}

	@Test
	void servicesAreReturnedOnePerRuleUnderTheOutputName() {
		assertThat(evaluate("VN_IDENTIFYING_ABROAD").result())
			.hasSize(4)
			.allSatisfy(entries -> assertThat(entries.getEntryMap()).containsOnlyKeys("services"));
	}

	private static List<String> servicesOf(String category) {
		return evaluate(category).result().collectEntries("services");
	}

	private static DecisionTableHarness.Evaluation evaluate(String category) {
		return TABLE.evaluate(Map.of("category", category));
	}
}
