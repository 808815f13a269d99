package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.loive.access.Agency;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Task "Xác định cơ quan chủ trì": table {@code intake-routing} picks the lead agency and where the
 * chain starts, from the channel, the place and the return mode (null for most reports, and for cases
 * started before it was recorded); the identifying and rescuing agencies follow from them.
 */
@Component("intakeRoutingDelegate")
class IntakeRoutingDelegate implements JavaDelegate {

	static final String BORDER_RECEPTION = "BORDER_RECEPTION";

	private final DecisionAnswers routings = new DecisionAnswers();

	@Override
	public void execute(DelegateExecution execution) {
		Map<String, Object> routing = routings.single(execution, Decisions.INTAKE_ROUTING, Variables.createVariables()
			.putValue("channel", execution.getVariable(ReferralVariables.CHANNEL))
			.putValue("place", execution.getVariable(ReferralVariables.PLACE))
			.putValue("returnMode", execution.getVariable(ReferralVariables.RETURN_MODE)));
		String lead = (String) routing.get("leadAgency");
		String entry = (String) routing.get("entryStep");
		execution.setVariable(ReferralVariables.LEAD_AGENCY, lead);
		execution.setVariable(ReferralVariables.ENTRY_STEP, entry);
		execution.setVariable(ReferralVariables.LEAD_AREA, routing.get("leadArea"));
		execution.setVariable(ReferralVariables.IDENTIFYING_AGENCY,
				BORDER_RECEPTION.equals(entry) ? Agency.BORDER_GUARD.group() : Agency.POLICE.group());
		execution.setVariable(ReferralVariables.RESCUE_AGENCY,
				Agency.BORDER_GUARD.group().equals(lead) ? Agency.BORDER_GUARD.group() : Agency.POLICE.group());
	}
}
