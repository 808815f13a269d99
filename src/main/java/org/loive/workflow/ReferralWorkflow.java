package org.loive.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** Starts the referral chain for a registered case; the case id is the business key. */
@Service
public class ReferralWorkflow {

	private final RuntimeService runtime;

	ReferralWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** A new referral: non-personal facts only. Returns the process instance id. */
	public record Referral(UUID caseId, String reference, Channel channel, String area, String province,
			boolean immediateDanger) {
	}

	public String start(Referral referral) {
		return runtime.createProcessInstanceByKey(ReferralProcess.KEY)
			.businessKey(referral.caseId().toString())
			.setVariables(Variables.createVariables()
				.putValue(ReferralVariables.CASE_ID, referral.caseId().toString())
				.putValue(ReferralVariables.REFERENCE, referral.reference())
				.putValue(ReferralVariables.CHANNEL, referral.channel().name())
				.putValue(ReferralVariables.AREA, referral.area())
				.putValue(ReferralVariables.PROVINCE, referral.province())
				.putValue(ReferralVariables.IMMEDIATE_DANGER, referral.immediateDanger()))
			.execute()
			.getId();
	}
}
