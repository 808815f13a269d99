package org.loive.workflow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.loive.platform.PlausibleDate;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.access.Agency;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.loive.platform.web.ChoicesFrom;
import org.loive.platform.web.ShownWhen;
import org.loive.workflow.TaskForms.Decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.loive.workflow.TaskForms.vars;

/** The forms of a service referral: the provider's answer, the service's outcome, the review of a refusal. */
final class ServiceReferralForms {

	private ServiceReferralForms() {
	}

	enum DeclineReason { NO_CAPACITY, NOT_ELIGIBLE, OUT_OF_AREA, PERSON_UNREACHABLE, OTHER }

	enum DeliveryOutcome { DELIVERED, PARTIALLY_DELIVERED, NOT_DELIVERED }

	/** What a service consisted of, as the reports break support down. */
	enum SubService {
		SHELTER, FOOD_AND_CLOTHING, MEDICAL_TREATMENT, HEALTH_INSURANCE, PSYCHOLOGICAL_COUNSELLING, INTERPRETING,
		LEGAL_INFORMATION, LEGAL_REPRESENTATION, TRAVEL_HOME, TUITION_EXEMPTION, SCHOOL_ENROLMENT, VOCATIONAL_TRAINING,
		JOB_PLACEMENT, HARDSHIP_ALLOWANCE, LOAN_SOCIAL_POLICY_BANK, LOAN_WOMENS_UNION, LOAN_OTHER, OTHER
	}

	/** The person's satisfaction with the service, asked at its end. */
	enum Satisfaction { SATISFIED, PARTLY_SATISFIED, NOT_SATISFIED, NOT_ASKED }

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
			@Schema(description = "Ngày bắt đầu cung cấp / Day the service started", example = "2026-12-01")
			@PlausibleDate LocalDate startedOn,
			@Schema(description = "Ngày kết thúc / Day the service ended", example = "2026-12-20")
			@PlausibleDate LocalDate endedOn,
			@Schema(description = "Nội dung đã hỗ trợ / What the service consisted of")
			@Size(max = 18, message = "validation.services") List<@NotNull(message = "validation.required") SubService> subServices,
			@Schema(description = "Mã cơ sở cung cấp (không ghi tên người) / Code of the providing facility (no person's name)", example = "BTXH-QNG-01")
			@Pattern(regexp = "^[A-Z0-9-]{2,32}$", message = "validation.facility-code") String providerFacility,
			@Schema(description = "Mức độ hài lòng của người được hỗ trợ / The person's satisfaction") Satisfaction satisfaction,
			@Schema(description = "Đề nghị gia hạn hỗ trợ nhu cầu thiết yếu (chỉ dịch vụ a) / Ask to extend essential needs (service a only)")
			Boolean extensionRequested) implements Decision {

		@AssertTrue(message = "validation.end-before-start")
		boolean isEndedOnValid() {
			return startedOn == null || endedOn == null || !endedOn.isBefore(startedOn);
		}

		@Override
		public Set<String> reads() {
			return Boolean.TRUE.equals(extensionRequested) ? Set.of(ReferralVariables.SERVICE) : Set.of();
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			boolean extension = Boolean.TRUE.equals(extensionRequested);
			if (extension && !SupportService.A.code().equals(current.get(ReferralVariables.SERVICE))) {
				throw new InvalidRequestException(
						List.of(new Rejection("decision.extensionRequested", "validation.extension-essential-needs-only")));
			}
			return vars("serviceOutcome", outcome.name(), "extensionRequested", extension, "serviceStartedOn",
					startedOn == null ? null : startedOn.toString(), "serviceEndedOn", endedOn == null ? null : endedOn.toString(),
					"subServices", TaskForms.names(subServices), "providerFacility", providerFacility, "satisfaction",
					satisfaction == null ? null : satisfaction.name());
		}
	}

	@Schema(name = "ServiceExtension",
			description = "Quyết định gia hạn hỗ trợ nhu cầu thiết yếu / Decide on extending essential needs support")
	record DecideServiceExtension(@NotNull(message = "validation.required") Boolean extensionGranted) implements Decision {

		@Override
		public Set<String> reads() {
			return Set.of(ReferralVariables.EXTENSIONS);
		}

		/** Each extension granted is counted: the next delivery's deadline is that of an extension. */
		public Map<String, Object> variables(Map<String, Object> current) {
			int extensions = current.get(ReferralVariables.EXTENSIONS) instanceof Integer count ? count : 0;
			return vars("extensionGranted", extensionGranted, ReferralVariables.EXTENSIONS,
					extensionGranted ? extensions + 1 : extensions);
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

		@Override
		public Set<String> reads() {
			return Boolean.TRUE.equals(reassigned) ? OTHER_PROVIDERS_READ : Set.of();
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

	/** What {@link #otherProviders} reads. */
	static final Set<String> OTHER_PROVIDERS_READ = Set.of(ReferralVariables.SERVICE, ReferralVariables.PROVIDER_AGENCY);

	/** The candidate providers of the referral's service other than the one it is with now. */
	static List<String> otherProviders(Map<String, Object> current) {
		Object declined = current.get(ReferralVariables.PROVIDER_AGENCY);
		return SupportService.ofCode(String.valueOf(current.get(ReferralVariables.SERVICE)))
			.map(service -> service.providers().stream().map(Agency::group).filter(group -> !group.equals(declined)).toList())
			.orElse(List.of());
	}
}
