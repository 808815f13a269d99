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
	record DeliverService(@NotNull(message = "validation.required") DeliveryOutcome outcome,
			@Schema(description = "Đề nghị gia hạn hỗ trợ nhu cầu thiết yếu (chỉ dịch vụ a) / Ask to extend essential needs (service a only)")
			Boolean extensionRequested) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			boolean extension = Boolean.TRUE.equals(extensionRequested);
			if (extension && !SupportService.A.code().equals(current.get(ReferralVariables.SERVICE))) {
				throw new InvalidRequestException(
						List.of(new Rejection("decision.extensionRequested", "validation.extension-essential-needs-only")));
			}
			return vars("serviceOutcome", outcome.name(), "extensionRequested", extension);
		}
	}

	@Schema(name = "ServiceExtension",
			description = "Quyết định gia hạn hỗ trợ nhu cầu thiết yếu / Decide on extending essential needs support")
	record DecideServiceExtension(@NotNull(message = "validation.required") Boolean extensionGranted) implements Decision {

		/** Each extension granted is counted: the next delivery's deadline is that of an extension. */
		public Map<String, Object> variables(Map<String, Object> current) {
			int extensions = current.get(ReferralVariables.EXTENSIONS) instanceof Integer count ? count : 0;
			return vars("extensionGranted", extensionGranted, ReferralVariables.EXTENSIONS,
					extensionGranted ? extensions + 1 : extensions);
		}
	}

	@Schema(name = "DeclinedReferralReview", description = "Xem xét chuyển gửi bị từ chối / Review a declined referral")
	record ReviewDeclinedReferral(@NotNull(message = "validation.required") Boolean reassigned,
			@ShownWhen(field = "reassigned", is = "true") @ChoicesFrom("agencies")
			@Schema(description = "Cơ quan, cơ sở mới / The new provider agency") String reassignTo) implements Decision {

		@AssertTrue(message = "validation.agency-required")
		boolean isReassignToValid() {
			return !Boolean.TRUE.equals(reassigned) || reassignTo != null && Agency.ofGroup(reassignTo).isPresent();
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			Map<String, Object> variables = vars("reassigned", reassigned);
			if (reassigned) {
				variables.put(ReferralVariables.PROVIDER_AGENCY, reassignTo);
			}
			return variables;
		}
	}
}
