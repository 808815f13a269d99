package org.loive.workflow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.loive.access.Agency;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.loive.platform.web.ChoicesFrom;
import org.loive.platform.web.ShownWhen;
import org.loive.workflow.TaskForms.Decision;

import java.util.List;
import java.util.Map;

import static org.loive.workflow.TaskForms.vars;

/** The forms of a service referral: the provider's answer, the service's outcome, the review of a refusal. */
final class ServiceReferralForms {

	private ServiceReferralForms() {
	}

	enum DeclineReason { NO_CAPACITY, NOT_ELIGIBLE, OUT_OF_AREA, PERSON_UNREACHABLE, OTHER }

	enum DeliveryOutcome { DELIVERED, PARTIALLY_DELIVERED, NOT_DELIVERED }

	@Schema(name = "ReferralDecision", description = "Cơ sở tiếp nhận hoặc từ chối / The provider accepts or declines")
	record RespondToReferral(@NotNull(message = "validation.required") Boolean referralAccepted,
			@ShownWhen(field = "referralAccepted", is = "false") DeclineReason declineReason) implements Decision {

		@AssertTrue(message = "validation.reason-required")
		boolean isDeclineReasonValid() {
			return !Boolean.FALSE.equals(referralAccepted) || declineReason != null;
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("referralAccepted", referralAccepted, "declineReason",
					declineReason == null ? null : declineReason.name());
		}
	}

	@Schema(name = "ServiceOutcome", description = "Kết quả cung cấp dịch vụ / Service outcome")
	record DeliverService(@NotNull(message = "validation.required") DeliveryOutcome outcome, Boolean extensionRequested)
			implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("serviceOutcome", outcome.name(), "extensionRequested", Boolean.TRUE.equals(extensionRequested));
		}
	}

	@Schema(name = "DeclinedReferralReview", description = "Xem xét chuyển gửi bị từ chối / Review a declined referral")
	record ReviewDeclinedReferral(@NotNull(message = "validation.required") Boolean reassigned,
			@ShownWhen(field = "reassigned", is = "true") @ChoicesFrom("providers")
			@Schema(description = "Cơ sở khác có thể cung cấp chế độ này / Another provider of the service") String reassignTo) implements Decision {

		@AssertTrue(message = "validation.agency-required")
		boolean isReassignToValid() {
			return !Boolean.TRUE.equals(reassigned) || reassignTo != null && Agency.ofGroup(reassignTo).isPresent();
		}

		/** Only to another candidate provider of the referral's service than the one that declined. */
		public Map<String, Object> variables(Map<String, Object> current) {
			Map<String, Object> variables = vars("reassigned", reassigned);
			if (reassigned) {
				if (!otherProviders(current).contains(reassignTo)) {
					throw new InvalidRequestException(
							List.of(new Rejection("decision.reassignTo", "validation.provider-not-candidate")));
				}
				variables.put(ReferralVariables.PROVIDER_AGENCY, reassignTo);
			}
			return variables;
		}
	}

	/** The candidate providers of the referral's service other than the one it is with now. */
	static List<String> otherProviders(Map<String, Object> current) {
		Object declined = current.get(ReferralVariables.PROVIDER_AGENCY);
		return SupportService.ofCode(String.valueOf(current.get(ReferralVariables.SERVICE)))
			.map(service -> service.providers().stream().map(Agency::group).filter(group -> !group.equals(declined)).toList())
			.orElse(List.of());
	}
}
