package org.loive.workflow;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.loive.platform.ApiException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Date;
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

	/**
	 * A new referral: the facts its routing and deadlines need (codes only; the case keeps the others) and the ids
	 * of the persons linked to it. {@code returnMode} is null when the person did not come back from abroad or it
	 * is not known. Its human reference follows ({@link #reference}).
	 */
	public record Referral(UUID caseId, Channel channel, Place place, ReturnMode returnMode,
			String area, String province, Instant receivedAt, boolean immediateDanger, UUID victimId, List<UUID> minorIds) {
	}

	private final RuntimeService runtime;

	ReferralWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** Returns the process instance id. */
	public String start(Referral referral) {
		VariableMap variables = Variables.createVariables()
			.putValue(ReferralVariables.CASE_ID, referral.caseId().toString())
			.putValue(ReferralVariables.CHANNEL, referral.channel().name())
			.putValue(ReferralVariables.PLACE, referral.place().name())
			.putValue(ReferralVariables.RETURN_MODE, referral.returnMode() == null ? null : referral.returnMode().name())
			.putValue(ReferralVariables.AREA, referral.area())
			.putValue(ReferralVariables.PROVINCE, referral.province())
			.putValue(ReferralVariables.RECEIVED_AT, Date.from(referral.receivedAt()))
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

	/**
	 * The case's human reference, drawn last at intake, on its process: the only one of the case then, since every
	 * path from the start waits at a user task before any other process of the case starts; those take it from it.
	 */
	public void reference(String processInstanceId, String reference) {
		runtime.setVariable(processInstanceId, ReferralVariables.REFERENCE, reference);
	}

	/** The case moves to another province, with its open tasks. */
	public void transfer(UUID caseId, String area) {
		correlate(caseId, ReferralProcess.MESSAGE_CASE_TRANSFERRED, Map.of(ReferralVariables.TRANSFER_TO, area));
	}

	/**
	 * The person withdrew consent: every open service referral and reintegration of the case stops (their
	 * boundary events catch the message), later support is not offered; protection, proceedings and the case go on.
	 */
	public void withdrawConsent(UUID caseId, String reason) {
		ProcessInstance main = runtime.createProcessInstanceQuery()
			.processDefinitionKey(ReferralProcess.KEY)
			.processInstanceBusinessKey(caseId.toString())
			.singleResult();
		if (main == null || Boolean.TRUE.equals(runtime.getVariable(main.getId(), ReferralVariables.CONSENT_WITHDRAWN))) {
			throw ApiException.conflict("case.event-not-expected", caseId);
		}
		runtime.setVariables(main.getId(), Map.of(ReferralVariables.CONSENT_WITHDRAWN, true, "withdrawalReason", reason));
		runtime.createMessageCorrelation(ReferralProcess.MESSAGE_CONSENT_WITHDRAWN)
			.processInstanceId(main.getId())
			.correlateAll();
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
