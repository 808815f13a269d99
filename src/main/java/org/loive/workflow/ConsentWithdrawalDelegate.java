package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task "Dừng hỗ trợ, ghi nhận việc rút lại" of the victim-referral definitions deployed before consent withdrawal
 * stopped only services: their interrupting event has already cancelled every open step and service referral, and
 * the outcome is recorded on the case. Cases started on those definitions still run on them; this bean keeps them
 * completing until the last one has ended or been migrated (see DefinitionsBeforeTheChainCorrectionsProcessTest).
 */
@Component("consentWithdrawalDelegate")
class ConsentWithdrawalDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(ReferralVariables.CASE_OUTCOME, ReferralForms.CaseOutcome.CONSENT_WITHDRAWN.name());
	}
}
