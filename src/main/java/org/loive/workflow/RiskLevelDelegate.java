package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task "Xác định mức độ rủi ro": table {@code risk-level} over the officer's answers, for the victim or, inside
 * that minor's instance of the sub-process, for an accompanying minor.
 */
@Component("riskLevelDelegate")
class RiskLevelDelegate implements JavaDelegate {

	static final List<String> ANSWERS = List.of("threatsReceived", "traffickersAtLarge", "traffickersKnowWhereabouts",
			"relativesThreatened", "minor", "previouslyTrafficked");

	@Override
	public void execute(DelegateExecution execution) {
		if (ReferralProcess.MINOR_START.equals(execution.getCurrentActivityId())) {
			declareForMinor(execution);
			return;
		}
		Map<String, Object> answers = new HashMap<>();
		ANSWERS.forEach(answer -> answers.put(answer, execution.getVariable(answer)));
		Map<String, Object> risk = Decisions.single(execution, Decisions.RISK_LEVEL, answers);
		execution.setVariable(ReferralVariables.RISK_LEVEL, risk.get("riskLevel"));
		execution.setVariable(ReferralVariables.PROTECTION_REQUIRED, risk.get("protectionRequired"));
	}

	/**
	 * Start of a minor's instance (this bean as its start listener): the answers and the risk they give are that
	 * minor's own, so they are declared local to it; the task's completion and this delegate then write them there,
	 * not over the victim's.
	 */
	private static void declareForMinor(DelegateExecution execution) {
		ANSWERS.forEach(answer -> execution.setVariableLocal(answer, null));
		execution.setVariableLocal(ReferralVariables.RISK_LEVEL, null);
		execution.setVariableLocal(ReferralVariables.PROTECTION_REQUIRED, null);
	}
}
