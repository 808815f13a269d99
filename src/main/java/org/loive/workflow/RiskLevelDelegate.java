package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Task "Xác định mức độ rủi ro": table {@code risk-level} over the officer's answers. */
@Component("riskLevelDelegate")
class RiskLevelDelegate implements JavaDelegate {

	static final List<String> ANSWERS = List.of("threatsReceived", "traffickersAtLarge", "traffickersKnowWhereabouts",
			"relativesThreatened", "minor", "previouslyTrafficked");

	@Override
	public void execute(DelegateExecution execution) {
		Map<String, Object> answers = new HashMap<>();
		ANSWERS.forEach(answer -> answers.put(answer, execution.getVariable(answer)));
		Map<String, Object> risk = Decisions.single(execution, Decisions.RISK_LEVEL, answers);
		execution.setVariable(ReferralVariables.RISK_LEVEL, risk.get("riskLevel"));
		execution.setVariable(ReferralVariables.PROTECTION_REQUIRED, risk.get("protectionRequired"));
	}
}
