package org.loive.workflow.decisions;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loive.access.Agency;
import org.loive.workflow.Channel;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** bpmn/intake-routing.dmn: which agency leads a report, where the process enters, at which area level. */
class IntakeRoutingDecisionTest {

	private static final DecisionTableHarness TABLE =
			DecisionTableHarness.load("bpmn/intake-routing.dmn", "intake-routing");

	private static final List<String> PLACES = List.of("INLAND", "BORDER_AREA", "ABROAD");

	@AfterAll
	static void everyRuleWasMatched() {
		TABLE.assertEveryRuleMatched();
	}

	@Test
	void declaresTheTable() {
		TABLE.assertDeclares("Định tuyến tin báo", HitPolicy.UNIQUE, 8);
	}

	@ParameterizedTest(name = "{0} at {1} -> {2}, {3}, {4}")
	@CsvSource({
		"CONSULATE_RETURN, INLAND,      border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ConsulateReturn",
		"CONSULATE_RETURN, BORDER_AREA, border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ConsulateReturn",
		"CONSULATE_RETURN, ABROAD,      border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ConsulateReturn",
		"BORDER_GUARD,     INLAND,      border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_BorderGuard",
		"BORDER_GUARD,     BORDER_AREA, border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_BorderGuard",
		"BORDER_GUARD,     ABROAD,      border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_BorderGuard",
		"HOTLINE_111,      BORDER_AREA, border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_BorderArea",
		"HOTLINE_111,      INLAND,      police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_Other",
		"HOTLINE_111,      ABROAD,      police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_Other",
		"POLICE,           INLAND,      police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Police",
		"POLICE,           BORDER_AREA, police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Police",
		"POLICE,           ABROAD,      police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Police",
		"SELF_REPORT,      BORDER_AREA, border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_SelfReport_BorderArea",
		"SELF_REPORT,      INLAND,      police,       CLASSIFICATION,   PROVINCE, Rule_Intake_SelfReport_Other",
		"SELF_REPORT,      ABROAD,      police,       CLASSIFICATION,   PROVINCE, Rule_Intake_SelfReport_Other",
		"COMMUNE,          INLAND,      commune,      CLASSIFICATION,   COMMUNE,  Rule_Intake_Commune",
		"COMMUNE,          BORDER_AREA, commune,      CLASSIFICATION,   COMMUNE,  Rule_Intake_Commune",
		"COMMUNE,          ABROAD,      commune,      CLASSIFICATION,   COMMUNE,  Rule_Intake_Commune",
	})
	void routesTheReport(String channel, String place, String leadAgency, String entryStep, String leadArea,
			String ruleId) {
		DecisionTableHarness.Evaluation evaluation = route(channel, place);

		assertThat(evaluation.ruleIds()).containsExactly(ruleId);
		assertThat(evaluation.result().getSingleResult().getEntryMap()).containsOnly(
				entry("leadAgency", leadAgency), entry("entryStep", entryStep), entry("leadArea", leadArea));
	}

	@Test
	void everyChannelAndPlaceMatchesExactlyOneRule() {
		assertThat(Channel.values()).hasSize(6);
		for (Channel channel : Channel.values()) {
			for (String place : PLACES) {
				assertThat(route(channel.name(), place).result())
					.as("%s at %s", channel, place)
					.singleElement()
					.extracting(DmnDecisionResultEntries::getEntryMap)
					.satisfies(outputs -> {
						assertThat(outputs).containsOnlyKeys("leadAgency", "entryStep", "leadArea");
						assertThat(Agency.ofGroup((String) outputs.get("leadAgency"))).isPresent();
					});
			}
		}
	}

	@Test
	void anUnknownChannelIsNotRouted() {
		assertThat(route("CARRIER_PIGEON", "INLAND").result()).isEmpty();
	}

	@Test
	void theReceivingAgencyOfEachChannelLeadsInlandReports() {
		for (Channel channel : Channel.values()) {
			assertThat(route(channel.name(), "INLAND").result().getSingleResult().<String>getEntry("leadAgency"))
				.as("%s inland", channel)
				.isEqualTo(channel.receivingAgency().group());
		}
	}

	private static DecisionTableHarness.Evaluation route(String channel, String place) {
		return TABLE.evaluate(Map.of("channel", channel, "place", place));
	}
}
