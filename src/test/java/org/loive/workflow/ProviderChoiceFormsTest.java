package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The support plan's choice of providers and the review of a declined referral, as the task API reads them: only
 * a candidate provider of the service is taken, any other is refused at its field.
 */
class ProviderChoiceFormsTest {

	private final ObjectMapper json = new ObjectMapper();
	private final TaskForms forms = new TaskForms(json, Validation.buildDefaultValidatorFactory().getValidator());
	private final Map<String, Object> plan = Map.of(ReferralVariables.ELIGIBLE_SERVICES,
			List.of("a", "b", "c", "d", "dd", "e", "g", "h", "i", "k"));

	@Test
	void thePlanRecordsTheChosenProviderAndTheDefaultOfEveryOtherService() throws Exception {
		Map<String, Object> variables = forms.variables(ReferralProcess.PLAN_SUPPORT, json.readTree("""
				{"consentedServices":["h","i","k"],"providers":[{"service":"k","provider":"womens-union"}]}"""), reads -> plan);

		assertThat(variables).containsEntry(ReferralVariables.CONSENTED_SERVICES, List.of("h", "i", "k"))
			.containsEntry(ReferralVariables.SERVICE_PROVIDERS,
					Map.of("h", "education", "i", "labour", "k", "womens-union"));
	}

	@Test
	void aFormIsGivenOnlyTheVariablesItDeclaresItReads() throws Exception {
		Set<String> asked = new HashSet<>();
		forms.variables(ReferralProcess.PLAN_SUPPORT, json.readTree("{\"consentedServices\":[\"h\"],\"providers\":[]}"),
				reads -> {
					asked.addAll(reads);
					return plan;
				});

		assertThat(asked).containsExactlyInAnyOrder(ReferralVariables.CONSENT_WITHDRAWN, ReferralVariables.ELIGIBLE_SERVICES);
		assertThat(forms.variables(ServiceReferralProcess.REVIEW_DECLINED, json.readTree("{\"reassigned\":false}"),
				reads -> {
					throw new AssertionError("a review that reassigns nobody reads " + reads);
				})).containsEntry("reassigned", false);
	}

	@Test
	void aProviderThatIsNoCandidateOfTheServiceIsRefusedAtItsField() throws Exception {
		assertThat(refused(ReferralProcess.PLAN_SUPPORT, """
				{"consentedServices":["i","k"],"providers":[{"service":"i","provider":"youth-union"},
				 {"service":"k","provider":"youth-union"}]}""", plan))
			.containsExactly(new Rejection("decision.providers[1].provider", "validation.provider-not-candidate"));
	}

	@Test
	void aChoiceForAServiceThePersonDidNotConsentToIsRefused() throws Exception {
		assertThat(refused(ReferralProcess.PLAN_SUPPORT, """
				{"consentedServices":["i"],"providers":[{"service":"k","provider":"womens-union"}]}""", plan))
			.containsExactly(new Rejection("decision.providers[0].service", "validation.provider-service-not-consented"));
	}

	@Test
	void aDeclinedReferralGoesOnlyToAnotherCandidateOfItsService() throws Exception {
		Map<String, Object> declined = Map.of(ReferralVariables.SERVICE, "i", ReferralVariables.PROVIDER_AGENCY, "labour");

		assertThat(forms.variables(ServiceReferralProcess.REVIEW_DECLINED,
				json.readTree("{\"reassigned\":true,\"reassignTo\":\"womens-union\"}"), reads -> declined))
			.containsEntry(ReferralVariables.PROVIDER_AGENCY, "womens-union");
		assertThat(refused(ServiceReferralProcess.REVIEW_DECLINED, "{\"reassigned\":true,\"reassignTo\":\"labour\"}", declined))
			.containsExactly(new Rejection("decision.reassignTo", "validation.provider-not-candidate"));
		assertThat(refused(ServiceReferralProcess.REVIEW_DECLINED, "{\"reassigned\":true,\"reassignTo\":\"police\"}", declined))
			.containsExactly(new Rejection("decision.reassignTo", "validation.provider-not-candidate"));
		assertThat(ServiceReferralForms.otherProviders(declined)).containsExactly("womens-union", "youth-union");
	}

	private List<Rejection> refused(String taskKey, String decision, Map<String, Object> current) throws Exception {
		JsonNode body = json.readTree(decision);
		return catchThrowableOfType(InvalidRequestException.class, () -> forms.variables(taskKey, body, reads -> current))
			.rejections();
	}
}
