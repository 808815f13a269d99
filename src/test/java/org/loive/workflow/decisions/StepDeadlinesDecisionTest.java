package org.loive.workflow.decisions;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** bpmn/step-deadlines.dmn: the default time limit of every step, its calendar and its basis. */
class StepDeadlinesDecisionTest {

	private static final DecisionTableHarness TABLE =
			DecisionTableHarness.load("bpmn/step-deadlines.dmn", "step-deadlines");

	@AfterAll
	static void everyRuleWasMatched() {
		TABLE.assertEveryRuleMatched();
	}

	@Test
	void declaresTheTable() {
		TABLE.assertDeclares("Thời hạn các bước", HitPolicy.UNIQUE, 42);
	}

	@ParameterizedTest(name = "{0} -> {1} {2} from {3}")
	@CsvSource({
		"Task_Classify,                        PT24H, CALENDAR, REPORT_RECEIVED,      Rule_Deadline_Classify",
		"Task_BorderReception,                 PT24H, CALENDAR, STEP_START,           Rule_Deadline_BorderReception",
		"Task_BorderVerification,              P3D,   CALENDAR, STEP_START,           Rule_Deadline_BorderVerification",
		"Task_ReceivePerson,                   PT24H, CALENDAR, STEP_START,           Rule_Deadline_ReceivePerson",
		"Task_InitialVerification,             P3D,   CALENDAR, STEP_START,           Rule_Deadline_InitialVerification",
		"Task_PlanInterimSupport,              PT24H, CALENDAR, STEP_START,           Rule_Deadline_PlanInterimSupport",
		"Task_FurtherVerification,             P20D,  CALENDAR, STEP_START,           Rule_Deadline_FurtherVerification",
		"Task_Identify,                        P3D,   WORKING,  STEP_START,           Rule_Deadline_Identify",
		"Task_HandOver,                        PT24H, CALENDAR, STEP_START,           Rule_Deadline_HandOver",
		"Task_Rescue,                          PT24H, CALENDAR, STEP_START,           Rule_Deadline_Rescue",
		"Task_CoordinateForeignRescue,         P2D,   WORKING,  STEP_START,           Rule_Deadline_CoordinateForeignRescue",
		"Task_PlanConsularSupport,             P2D,   WORKING,  STEP_START,           Rule_Deadline_PlanConsularSupport",
		"Task_AssessRisk,                      PT24H, CALENDAR, STEP_START,           Rule_Deadline_AssessRisk",
		"Task_AssessMinorRisk,                 PT24H, CALENDAR, STEP_START,           Rule_Deadline_AssessMinorRisk",
		"Task_ApplyProtection,                 PT24H, CALENDAR, STEP_START,           Rule_Deadline_ApplyProtection",
		"Timer_ReviewDue,                      P30D,  CALENDAR, STEP_START,           Rule_Deadline_ProtectionReviewDue",
		"Task_ReviewProtection,                P3D,   WORKING,  STEP_START,           Rule_Deadline_ReviewProtection",
		"Task_PlanSupport,                     P3D,   WORKING,  STEP_START,           Rule_Deadline_PlanSupport",
		"Task_RespondToReferral,               P2D,   WORKING,  STEP_START,           Rule_Deadline_RespondToReferral",
		"Task_ReviewDeclinedReferral,          P2D,   WORKING,  STEP_START,           Rule_Deadline_ReviewDeclinedReferral",
		"Task_DecideServiceExtension,          P3D,   WORKING,  STEP_START,           Rule_Deadline_DecideServiceExtension",
		"Task_NotifyGuardian,                  PT24H, CALENDAR, STEP_START,           Rule_Deadline_NotifyGuardian",
		"Task_RequestRepatriation,             P5D,   WORKING,  STEP_START,           Rule_Deadline_RequestRepatriation",
		"Task_ConfirmRepatriation,             P30D,  CALENDAR, STEP_START,           Rule_Deadline_ConfirmRepatriation",
		"Task_HandOverAtBorder,                P3D,   WORKING,  STEP_START,           Rule_Deadline_HandOverAtBorder",
		"Task_ReceiveReintegrationApplication, P3D,   WORKING,  STEP_START,           Rule_Deadline_ReceiveReintegrationApplication",
		"Task_DecideReintegration,             P9D,   WORKING,  APPLICATION_RECEIVED, Rule_Deadline_DecideReintegration",
		"Task_FollowUpVisit,                   P90D,  CALENDAR, STEP_START,           Rule_Deadline_FollowUpVisit",
		"Timer_NextVisitDue,                   P90D,  CALENDAR, STEP_START,           Rule_Deadline_NextVisitDue",
		"Task_Close,                           P5D,   WORKING,  STEP_START,           Rule_Deadline_Close",
	})
	void givesTheDeadlineOfTheStep(String step, String duration, String calendar, String countedFrom, String ruleId) {
		DecisionTableHarness.Evaluation evaluation = deadlineOf(step, null, null, false);

		assertThat(evaluation.ruleIds()).containsExactly(ruleId);
		Map<String, Object> outputs = evaluation.result().getSingleResult().getEntryMap();
		assertThat(outputs).containsOnlyKeys("duration", "calendar", "countedFrom", "legalBasis");
		assertThat(outputs.get("duration")).isEqualTo(duration);
		assertThat(outputs.get("calendar")).isEqualTo(calendar);
		assertThat(outputs.get("countedFrom")).isEqualTo(countedFrom);
		assertThat((String) outputs.get("legalBasis")).isNotBlank();
	}

	@ParameterizedTest(name = "delivering service {0}, extended {1} -> {2} {3}")
	@CsvSource({
		"a,  false, P120D, CALENDAR, Rule_Deadline_DeliverEssentialNeeds",
		"a,  true,  P60D,  CALENDAR, Rule_Deadline_DeliverEssentialNeedsExtended",
		"b,  false, P30D,  CALENDAR, Rule_Deadline_DeliverMedical",
		"c,  false, P3D,   WORKING,  Rule_Deadline_DeliverInterpreting",
		"d,  false, P5D,   WORKING,  Rule_Deadline_DeliverLegalInformation",
		"dd, false, P30D,  CALENDAR, Rule_Deadline_DeliverLegalAid",
		"e,  false, P5D,   WORKING,  Rule_Deadline_DeliverTravelHome",
		"g,  false, P60D,  CALENDAR, Rule_Deadline_DeliverPsychological",
		"h,  false, P60D,  CALENDAR, Rule_Deadline_DeliverSchooling",
		"i,  false, P90D,  CALENDAR, Rule_Deadline_DeliverVocational",
		"k,  false, P30D,  CALENDAR, Rule_Deadline_DeliverAllowance",
		"k,  true,  P30D,  CALENDAR, Rule_Deadline_DeliverAllowance",
	})
	void onlyEssentialNeedsHave120DaysAndAnExtension(String service, boolean extended, String duration, String calendar,
			String ruleId) {
		DecisionTableHarness.Evaluation evaluation = deadlineOf("Task_DeliverService", null, service, extended);

		assertThat(evaluation.ruleIds()).containsExactly(ruleId);
		assertThat(evaluation.result().getSingleResult().<String>getEntry("duration")).isEqualTo(duration);
		assertThat(evaluation.result().getSingleResult().<String>getEntry("calendar")).isEqualTo(calendar);
	}

	@ParameterizedTest(name = "protection at risk {0} -> {1} {2}")
	@CsvSource({
		"LOW,    PT24H, CALENDAR, Rule_Deadline_ApplyProtection",
		"MEDIUM, PT24H, CALENDAR, Rule_Deadline_ApplyProtection",
		"HIGH,   P1D,   SAME_DAY, Rule_Deadline_ApplyProtectionHighRisk",
	})
	void aHighRiskIsProtectedTheSameDay(String risk, String duration, String calendar, String ruleId) {
		DecisionTableHarness.Evaluation evaluation = deadlineOf("Task_ApplyProtection", risk, null, false);

		assertThat(evaluation.ruleIds()).containsExactly(ruleId);
		assertThat(evaluation.result().getSingleResult().<String>getEntry("duration")).isEqualTo(duration);
		assertThat(evaluation.result().getSingleResult().<String>getEntry("calendar")).isEqualTo(calendar);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
		"Task_ReceivePerson       | Điều 27 khoản 1 Luật 53/2024/QH15",
		"Task_InitialVerification | Điều 27 khoản 2 Luật 53/2024/QH15",
		"Task_Classify            | Không có thời hạn luật định; chỉ tiêu 100% của kế hoạch tỉnh, 24 giờ là mặc định của hệ thống",
		"Task_Close               | Mặc định của hệ thống",
	})
	void namesTheLegalBasis(String step, String legalBasis) {
		assertThat(deadlineOf(step, null, null, false).result().getSingleResult().<String>getEntry("legalBasis")).isEqualTo(legalBasis);
	}

	@Test
	void everyDurationParsesAndEveryCalendarIsKnown() {
		for (String step : steps().stream().filter(step -> !step.equals("Task_DeliverService")).toList()) {
			Map<String, Object> outputs = deadlineOf(step, null, null, false).result().getSingleResult().getEntryMap();
			String duration = (String) outputs.get("duration");

			assertThat(parsesAsDurationOrPeriod(duration)).as("%s: %s", step, duration).isTrue();
			assertThat(outputs.get("calendar")).as(step).isIn("CALENDAR", "WORKING", "SAME_DAY");
		}
	}

	@Test
	void everyStepIsListedOnce() {
		assertThat(steps()).hasSize(42).allMatch(step -> step.startsWith("Task_") || step.startsWith("Timer_"));
		assertThat(steps().stream().distinct())
			.as("protection twice by risk level, delivery eleven times by service and extension")
			.hasSize(31);
	}

	@Test
	void anUnknownStepHasNoDeadline() {
		assertThat(deadlineOf("Task_Unknown", null, null, false).result()).isEmpty();
	}

	private static boolean parsesAsDurationOrPeriod(String iso) {
		try {
			return iso.contains("T") ? !Duration.parse(iso).isNegative() && !Duration.parse(iso).isZero()
					: !Period.parse(iso).isNegative() && !Period.parse(iso).isZero();
		} catch (RuntimeException e) {
			return false;
		}
	}

	/** The step ids as the table's input entries spell them, without the quotes. */
	private static List<String> steps() {
		DecisionTable table = (DecisionTable) TABLE.modelDecision().getExpression();
		return table.getRules().stream()
			.map(Rule::getInputEntries)
			.map(entries -> entries.iterator().next())
			.map(InputEntry::getTextContent)
			.map(text -> text.trim().replace("\"", ""))
			.toList();
	}

	private static DecisionTableHarness.Evaluation deadlineOf(String step, String riskLevel, String service,
			boolean extended) {
		Map<String, Object> inputs = new java.util.HashMap<>();
		inputs.put("step", step);
		inputs.put("riskLevel", riskLevel);
		inputs.put("service", service);
		inputs.put("extended", extended);
		return TABLE.evaluate(inputs);
	}
}
