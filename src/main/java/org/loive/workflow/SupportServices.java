package org.loive.workflow;

import org.springframework.stereotype.Component;

/** Bean {@code supportServices} of the BPMN: which agency a service referral goes to. */
@Component("supportServices")
public class SupportServices {

	public String provider(String code) {
		return SupportService.ofCode(code)
			.orElseThrow(() -> new IllegalArgumentException("unknown support service " + code))
			.provider()
			.group();
	}
}
