package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The catalogue of providers, and the plan's choice taken by a service referral only where it applies. */
class SupportServicesTest {

	private final SupportServices services = new SupportServices();

	@Test
	void everyServiceHasItsProvidersAsThePlansNameThemTheFirstTheDefault() {
		assertThat(services.provider("h")).isEqualTo("education");
		assertThat(services.provider("i")).isEqualTo("labour");
		assertThat(services.provider("k")).isEqualTo("social-policy-bank");
		assertThat(SupportService.I.providers()).extracting(agency -> agency.group())
			.containsExactly("labour", "womens-union", "youth-union");
		assertThat(SupportService.K.providers()).extracting(agency -> agency.group())
			.containsExactly("social-policy-bank", "womens-union");
		assertThat(SupportService.K.providedBy("youth-union")).isFalse();
	}

	@Test
	void theReferralForTheVictimTakesThePlansChoice() {
		DelegateExecution referral = referral("victim-1", "k", Map.of("k", "womens-union"));

		services.assignPlanned(referral);

		verify(referral).setVariable(ReferralVariables.PROVIDER_AGENCY, "womens-union");
	}

	@Test
	void aMinorsReferralKeepsItsDefaultProvider() {
		DelegateExecution referral = referral("minor-1", "k", Map.of("k", "womens-union"));

		services.assignPlanned(referral);

		verify(referral, never()).setVariable(anyString(), any());
	}

	@Test
	void aChoiceThatIsNoCandidateOfTheServiceIsNotTaken() {
		DelegateExecution referral = referral("victim-1", "k", Map.of("k", "youth-union"));

		services.assignPlanned(referral);

		verify(referral, never()).setVariable(anyString(), any());
	}

	/** A service referral called by a case whose victim is {@code victim-1} and whose plan chose {@code planned}. */
	private static DelegateExecution referral(String personId, String service, Map<String, String> planned) {
		DelegateExecution caller = mock(DelegateExecution.class);
		when(caller.getVariable(ReferralVariables.VICTIM_ID)).thenReturn("victim-1");
		when(caller.getVariable(ReferralVariables.SERVICE_PROVIDERS)).thenReturn(planned);
		DelegateExecution referral = mock(DelegateExecution.class);
		when(referral.getSuperExecution()).thenReturn(caller);
		when(referral.getVariable(ReferralVariables.PERSON_ID)).thenReturn(personId);
		when(referral.getVariable(ReferralVariables.SERVICE)).thenReturn(service);
		return referral;
	}
}
