package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task "Xác định cơ quan chủ trì": the receiving agency of the channel leads classification. */
@Component("intakeRoutingDelegate")
class IntakeRoutingDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		Channel channel = Channel.valueOf((String) execution.getVariable(ReferralVariables.CHANNEL));
		execution.setVariable(ReferralVariables.LEAD_AGENCY, channel.receivingAgency().group());
	}
}
