package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Bean {@code supportServices} of the BPMN: which agency a service referral goes to. */
@Component("supportServices")
public class SupportServices {

	/** The service's default provider, as the calling process hands it to each service referral. */
	public String provider(String code) {
		return service(code).defaultProvider().group();
	}

	/**
	 * At the start of a service referral for the person the support plan was made for: the provider the plan
	 * chose for the service, read from the calling case, in place of the default. Only a candidate of the
	 * service is taken; the plan's form refused any other already.
	 */
	public void assignPlanned(DelegateExecution referral) {
		DelegateExecution caller = referral.getSuperExecution();
		Object victim = caller == null ? null : caller.getVariable(ReferralVariables.VICTIM_ID);
		if (victim == null || !victim.equals(referral.getVariable(ReferralVariables.PERSON_ID))) {
			return;
		}
		String code = (String) referral.getVariable(ReferralVariables.SERVICE);
		if (caller.getVariable(ReferralVariables.SERVICE_PROVIDERS) instanceof Map<?, ?> planned
				&& planned.get(code) instanceof String provider && service(code).providedBy(provider)) {
			referral.setVariable(ReferralVariables.PROVIDER_AGENCY, provider);
		}
	}

	private static SupportService service(String code) {
		return SupportService.ofCode(code)
			.orElseThrow(() -> new IllegalArgumentException("unknown support service " + code));
	}
}
