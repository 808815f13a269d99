package org.loive.workflow;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.loive.platform.ApiException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The referral chain as the rest of the application sees it: start a case, and tell a running case what
 * happened outside its tasks (consent withdrawn, transfer). The case id is the
 * business key of every process of the case.
 */
@Service
public class ReferralWorkflow {

	/** A new referral: non-personal facts and the ids of the persons linked to it. */
	public record Referral(UUID caseId, String reference, Channel channel, Place place, String area, String province,
			boolean immediateDanger, UUID victimId, List<UUID> minorIds) {
	}

	private final RuntimeService runtime;

	ReferralWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** Returns the process instance id. */
	public String start(Referral referral) {
		VariableMap variables = Variables.createVariables()
			.putValue(ReferralVariables.CASE_ID, referral.caseId().toString())
			.putValue(ReferralVariables.REFERENCE, referral.reference())
			.putValue(ReferralVariables.CHANNEL, referral.channel().name())
			.putValue(ReferralVariables.PLACE, referral.place().name())
			.putValue(ReferralVariables.AREA, referral.area())
			.putValue(ReferralVariables.PROVINCE, referral.province())
			.putValue(ReferralVariables.IMMEDIATE_DANGER, referral.immediateDanger())
			.putValue(ReferralVariables.VICTIM_ID, referral.victimId().toString())
			.putValue(ReferralVariables.MINOR_IDS, referral.minorIds().stream().map(UUID::toString).toList())
			.putValue(ReferralVariables.RESCUE_NEEDED, referral.immediateDanger())
			.putValue(ReferralVariables.CROSS_BORDER_RESCUE, false)
			.putValue(ReferralVariables.FOREIGN_NATIONAL, false)
			.putValue(ReferralVariables.REPATRIATED, false);
		return runtime.createProcessInstanceByKey(ReferralProcess.KEY)
			.businessKey(referral.caseId().toString())
			.setVariables(variables)
			.execute()
			.getId();
	}

	/** The person withdrew consent: every service stops and the case ends, recorded. */
	public void withdrawConsent(UUID caseId, String reason) {
		correlate(caseId, ReferralProcess.MESSAGE_CONSENT_WITHDRAWN, Map.of("withdrawalReason", reason));
	}

	/** The case moves to another province, with its open tasks. */
	public void transfer(UUID caseId, String area) {
		correlate(caseId, ReferralProcess.MESSAGE_CASE_TRANSFERRED, Map.of(ReferralVariables.TRANSFER_TO, area));
	}

	private void correlate(UUID caseId, String message, Map<String, Object> variables) {
		try {
			runtime.createMessageCorrelation(message)
				.processInstanceBusinessKey(caseId.toString())
				.setVariables(variables)
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException e) {
			throw ApiException.conflict("case.event-not-expected", caseId);
		}
	}
}
