package org.loive.workflow.decisions;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loive.access.Agency;
import org.loive.workflow.Channel;
import org.loive.workflow.ReturnMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * bpmn/intake-routing.dmn: which agency leads a report, where the process enters, at which area level, from
 * the channel, the place and how the person came back from abroad.
 */
class IntakeRoutingDecisionTest {

	private static final DecisionTableHarness TABLE =
			DecisionTableHarness.load("bpmn/intake-routing.dmn", "intake-routing");

	private static final List<String> PLACES = List.of("INLAND", "BORDER_AREA", "ABROAD");
	/** Returns the border guard receives, verifies and hands over, whatever the channel (seed 002). */
	private static final Set<ReturnMode> BORDER_RETURNS = Set.of(ReturnMode.FOREIGN_AUTHORITY_HANDOVER,
			ReturnMode.VIA_CONSULATE, ReturnMode.SELF_RETURN, ReturnMode.RESCUED_BY_BORDER_GUARD);

	@AfterAll
	static void everyRuleWasMatched() {
		TABLE.assertEveryRuleMatched();
	}

	@Test
	void declaresTheTable() {
		TABLE.assertDeclares("Định tuyến tin báo", HitPolicy.FIRST, 13);
	}

	@ParameterizedTest(name = "{0} at {1}, returned {2} -> {3}, {4}, {5}")
	@CsvSource(nullValues = "none", value = {
		"HOTLINE_111,                BORDER_AREA, SELF_RETURN,                border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_BorderReturn",
		"COMMUNE,                    INLAND,      RESCUED_BY_BORDER_GUARD,    border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_BorderReturn",
		"POLICE,                     ABROAD,      FOREIGN_AUTHORITY_HANDOVER, border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_BorderReturn",
		"SELF_REPORT,                INLAND,      VIA_CONSULATE,              border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_BorderReturn",
		"CONSULATE_RETURN,           INLAND,      none,                       border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ConsulateReturn",
		"CONSULATE_RETURN,           BORDER_AREA, DEPORTED,                   border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ConsulateReturn",
		"CONSULATE_RETURN,           ABROAD,      none,                       border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ConsulateReturn",
		"FOREIGN_AUTHORITY_HANDOVER, INLAND,      none,                       border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ForeignHandover",
		"FOREIGN_AUTHORITY_HANDOVER, BORDER_AREA, OTHER,                      border-guard, BORDER_RECEPTION, PROVINCE, Rule_Intake_ForeignHandover",
		"BORDER_GUARD,               INLAND,      none,                       border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_BorderGuard",
		"BORDER_GUARD,               BORDER_AREA, DEPORTED,                   border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_BorderGuard",
		"BORDER_GUARD,               ABROAD,      none,                       border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_BorderGuard",
		"HOTLINE_111,                BORDER_AREA, none,                       border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_BorderArea",
		"OTHER_HOTLINE,              BORDER_AREA, none,                       border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_BorderArea",
		"HOTLINE_111,                INLAND,      none,                       police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_Other",
		"HOTLINE_111,                ABROAD,      none,                       police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_Other",
		"OTHER_HOTLINE,              INLAND,      OTHER,                      police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Hotline_Other",
		"POLICE,                     INLAND,      none,                       police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Police",
		"POLICE,                     BORDER_AREA, DEPORTED,                   police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Police",
		"POLICE,                     ABROAD,      none,                       police,       CLASSIFICATION,   PROVINCE, Rule_Intake_Police",
		"SELF_REPORT,                BORDER_AREA, none,                       border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_SelfReport_BorderArea",
		"SELF_REPORT,                INLAND,      none,                       police,       CLASSIFICATION,   PROVINCE, Rule_Intake_SelfReport_Other",
		"SELF_REPORT,                ABROAD,      none,                       police,       CLASSIFICATION,   PROVINCE, Rule_Intake_SelfReport_Other",
		"COMMUNE,                    INLAND,      none,                       commune,      CLASSIFICATION,   COMMUNE,  Rule_Intake_Commune",
		"COMMUNE,                    BORDER_AREA, none,                       commune,      CLASSIFICATION,   COMMUNE,  Rule_Intake_Commune",
		"COMMUNE,                    ABROAD,      none,                       commune,      CLASSIFICATION,   COMMUNE,  Rule_Intake_Commune",
		"SOCIAL_ASSISTANCE_FACILITY, INLAND,      none,                       health,       CLASSIFICATION,   PROVINCE, Rule_Intake_Facility",
		"HEALTH_FACILITY,            BORDER_AREA, none,                       health,       CLASSIFICATION,   PROVINCE, Rule_Intake_Facility",
		"MASS_ORGANISATION,          BORDER_AREA, none,                       border-guard, CLASSIFICATION,   PROVINCE, Rule_Intake_MassOrganisation_BorderArea",
		"MASS_ORGANISATION,          INLAND,      none,                       police,       CLASSIFICATION,   PROVINCE, Rule_Intake_MassOrganisation_Other",
		"MASS_ORGANISATION,          ABROAD,      DEPORTED,                   police,       CLASSIFICATION,   PROVINCE, Rule_Intake_MassOrganisation_Other",
	})
	void routesTheReport(String channel, String place, String returnMode, String leadAgency, String entryStep,
			String leadArea, String ruleId) {
		DecisionTableHarness.Evaluation evaluation = route(channel, place, returnMode);

		assertThat(evaluation.ruleIds()).containsExactly(ruleId);
		assertThat(evaluation.result().getSingleResult().getEntryMap()).containsOnly(
				entry("leadAgency", leadAgency), entry("entryStep", entryStep), entry("leadArea", leadArea));
	}

	@Test
	void everyChannelPlaceAndReturnModeHasOneRouteLedByAnAgency() {
		assertThat(Channel.values()).hasSize(11);
		for (Channel channel : Channel.values()) {
			for (String place : PLACES) {
				for (String returnMode : returnModesAndNone()) {
					assertThat(route(channel.name(), place, returnMode).result())
						.as("%s at %s, returned %s", channel, place, returnMode)
						.singleElement()
						.extracting(DmnDecisionResultEntries::getEntryMap)
						.satisfies(outputs -> {
							assertThat(outputs).containsOnlyKeys("leadAgency", "entryStep", "leadArea");
							assertThat(Agency.ofGroup((String) outputs.get("leadAgency"))).isPresent();
						});
				}
			}
		}
	}

	@Test
	void personsReturnedAcrossTheBorderAreReceivedByTheBorderGuardWhateverTheChannelAndPlace() {
		for (Channel channel : Channel.values()) {
			for (String place : PLACES) {
				for (ReturnMode returnMode : BORDER_RETURNS) {
					assertThat(route(channel.name(), place, returnMode.name()).result().getSingleResult().getEntryMap())
						.as("%s at %s, returned %s", channel, place, returnMode)
						.containsEntry("leadAgency", "border-guard")
						.containsEntry("entryStep", "BORDER_RECEPTION");
				}
			}
		}
	}

	@Test
	void otherReturnsAreRoutedByTheirChannelAndPlace() {
		for (Channel channel : Channel.values()) {
			for (String place : PLACES) {
				for (ReturnMode returnMode : List.of(ReturnMode.DEPORTED, ReturnMode.OTHER)) {
					assertThat(route(channel.name(), place, returnMode.name()).result().getSingleResult().getEntryMap())
						.as("%s at %s, returned %s", channel, place, returnMode)
						.isEqualTo(route(channel.name(), place, null).result().getSingleResult().getEntryMap());
				}
			}
		}
	}

	@Test
	void anUnknownChannelIsNotRouted() {
		assertThat(route("CARRIER_PIGEON", "INLAND", null).result()).isEmpty();
	}

	@Test
	void theReceivingAgencyOfEachChannelLeadsInlandReports() {
		for (Channel channel : Channel.values()) {
			assertThat(route(channel.name(), "INLAND", null).result().getSingleResult().<String>getEntry("leadAgency"))
				.as("%s inland", channel)
				.isEqualTo(channel.receivingAgency().group());
		}
	}

	private static List<String> returnModesAndNone() {
		List<String> modes = new ArrayList<>(Arrays.stream(ReturnMode.values()).map(Enum::name).toList());
		modes.add(null);
		return modes;
	}

	/** As the routing delegate passes them: the return mode is null when none was recorded. */
	private static DecisionTableHarness.Evaluation route(String channel, String place, String returnMode) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("channel", channel);
		inputs.put("place", place);
		inputs.put("returnMode", returnMode);
		return TABLE.evaluate(inputs);
	}
}
