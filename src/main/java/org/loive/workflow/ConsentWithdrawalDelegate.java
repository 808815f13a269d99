package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task "Dừng hỗ trợ, ghi nhận việc rút lại": the interrupting event has already cancelled every open
 * step and service referral; the outcome is recorded on the case.
 */
@Component("consentWithdrawalDelegate")
class ConsentWithdrawalDelegate implements JavaDelegate {

	static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(ReferralVariables.CASE_OUTCOME, CONSENT_WITHDRAWN);
	}
}
