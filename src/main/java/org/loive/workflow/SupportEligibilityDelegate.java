package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Tasks "Xác định chế độ hỗ trợ": table {@code support-eligibility} (Art 37) for the person being identified
 * (abroad while a rescue is coordinated; from reception, in parallel with verification), for the victim (less what was referred while being
 * identified), or for an accompanying minor inside that minor's own instance of the sub-process.
 */
@Component("supportEligibilityDelegate")
class SupportEligibilityDelegate implements JavaDelegate {

	static final String VN_VICTIM = "VN_VICTIM";
	static final String FOREIGN = "FOREIGN";
	static final String ACCOMPANYING_MINOR = "ACCOMPANYING_MINOR";
	static final String IDENTIFYING_IN_VN = "IDENTIFYING_IN_VN";
	static final String VN_IDENTIFYING_ABROAD = "VN_IDENTIFYING_ABROAD";

	@Override
	public void execute(DelegateExecution execution) {
		if (ReferralProcess.MINOR_ELIGIBILITY.equals(execution.getCurrentActivityId())) {
			List<String> services = Decisions.collect(execution, Decisions.SUPPORT_ELIGIBILITY,
					Map.of("category", ACCOMPANYING_MINOR));
			minorScope(execution).setVariableLocal(ReferralVariables.MINOR_SERVICES, services);
			return;
		}
		boolean foreign = Boolean.TRUE.equals(execution.getVariable(ReferralVariables.FOREIGN_NATIONAL));
		String activity = execution.getCurrentActivityId();
		if (ReferralProcess.INTERIM_ELIGIBILITY.equals(activity) || RescueProcess.ABROAD_ELIGIBILITY.equals(activity)) {
			String category = RescueProcess.ABROAD_ELIGIBILITY.equals(activity) ? VN_IDENTIFYING_ABROAD
					: foreign ? FOREIGN : IDENTIFYING_IN_VN;
			// local to the sub-process: the victim's own plan, possibly open beside it, keeps its variables
			execution.setVariableLocal(ReferralVariables.SUPPORT_CATEGORY, category);
			execution.setVariableLocal(ReferralVariables.ELIGIBLE_SERVICES, services(execution, category));
			execution.setVariableLocal(ReferralVariables.CONSENTED_SERVICES, List.of());
			return;
		}
		String category = foreign ? FOREIGN : VN_VICTIM;
		List<String> eligible = new ArrayList<>(services(execution, category));
		if (execution.getVariable(ReferralVariables.INTERIM_SERVICES) instanceof Collection<?> referred) {
			eligible.removeAll(referred);
		}
		execution.setVariable(ReferralVariables.SUPPORT_CATEGORY, category);
		execution.setVariable(ReferralVariables.ELIGIBLE_SERVICES, eligible);
	}

	private static List<String> services(DelegateExecution execution, String category) {
		return Decisions.collect(execution, Decisions.SUPPORT_ELIGIBILITY, Map.of("category", category));
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
