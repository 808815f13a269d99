package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Tasks "Xác định chế độ hỗ trợ": table {@code support-eligibility} (Art 37) for the victim, or for an
 * accompanying minor inside that minor's own instance of the sub-process.
 */
@Component("supportEligibilityDelegate")
class SupportEligibilityDelegate implements JavaDelegate {

	static final String VN_VICTIM = "VN_VICTIM";
	static final String FOREIGN = "FOREIGN";
	static final String ACCOMPANYING_MINOR = "ACCOMPANYING_MINOR";

	@Override
	public void execute(DelegateExecution execution) {
		if (ReferralProcess.MINOR_ELIGIBILITY.equals(execution.getCurrentActivityId())) {
			List<String> services = Decisions.collect(execution, Decisions.SUPPORT_ELIGIBILITY,
					Map.of("category", ACCOMPANYING_MINOR));
			minorScope(execution).setVariableLocal(ReferralVariables.MINOR_SERVICES, services);
			return;
		}
		String category = Boolean.TRUE.equals(execution.getVariable(ReferralVariables.FOREIGN_NATIONAL)) ? FOREIGN
				: VN_VICTIM;
		execution.setVariable(ReferralVariables.SUPPORT_CATEGORY, category);
		execution.setVariable(ReferralVariables.ELIGIBLE_SERVICES,
				Decisions.collect(execution, Decisions.SUPPORT_ELIGIBILITY, Map.of("category", category)));
	}

	/** The execution of this minor's instance, which holds {@code minorId}: parallel minors never share it. */
	private static DelegateExecution minorScope(DelegateExecution execution) {
		ExecutionEntity scope = (ExecutionEntity) execution;
		while (scope != null && !scope.hasVariableLocal(ReferralVariables.MINOR_ID)) {
			scope = scope.getParent();
		}
		if (scope == null) {
			throw new IllegalStateException("minor eligibility outside a minor's sub-process");
		}
		return scope;
	}
}
