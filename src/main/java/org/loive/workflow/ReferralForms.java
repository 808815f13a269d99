package org.loive.workflow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.platform.InvalidRequestException.Rejection;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.web.ChoicesFrom;
import org.loive.platform.web.OneOf;
import org.loive.platform.web.ShownWhen;
import org.loive.workflow.TaskForms.Decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.loive.workflow.TaskForms.names;
import static org.loive.workflow.TaskForms.vars;

/** The main chain's forms, from the report's classification to the case's closure (DESIGN.md §2). */
final class ReferralForms {

	private ReferralForms() {
	}

	enum Classification { TRAFFICKING_SUSPECTED, OTHER_MATTER, DUPLICATE }

	/** Evidence kinds of Art 32(1) Law 53/2024/QH15. */
	enum EvidenceKind { OFFICIAL_DOCUMENT, FOREIGN_AUTHORITY_DOCUMENT, WITNESS_STATEMENT, PERSON_STATEMENT, MEDICAL_EXAMINATION, OTHER_EVIDENCE }

	enum Recipient { COMMUNE, SOCIAL_ASSISTANCE_FACILITY, FAMILY }

	enum NotifiedParty { PARENTS, RELATIVES, GUARDIAN, NONE_FOUND }

	enum RiskLevel { LOW, MEDIUM, HIGH }

	/**
	 * How a case ended. The first three are set where the chain ends early (classification, identification); the
	 * others are chosen when health closes the case.
	 */
	enum CaseOutcome {
		REFERRED_OUT, DUPLICATE, NOT_A_VICTIM, REINTEGRATED, REPATRIATED, RETURNED_TO_FAMILY, CONSENT_WITHDRAWN,
		LOST_CONTACT, DECEASED, OTHER
	}

	/** The outcomes health chooses when closing a case. */
	static final String CLOSING_OUTCOMES =
			"^(REINTEGRATED|REPATRIATED|RETURNED_TO_FAMILY|CONSENT_WITHDRAWN|LOST_CONTACT|DECEASED|OTHER)$";

	/** Where a report that is another matter, or a person not identified as a victim, is referred. */
	enum ReferredTo {
		POLICE_OTHER_OFFENCE, SOCIAL_ASSISTANCE_FACILITY, CHILD_PROTECTION, LABOUR_AUTHORITY, LEGAL_AID, COMMUNE,
		OTHER_PROVINCE, FOREIGN_AUTHORITY, NOT_REFERRED, OTHER
	}

	@Schema(name = "ClassifyDecision", description = "Phân loại tin báo / Classify the report")
	record Classify(@NotNull(message = "validation.required") Classification classification,
			@ShownWhen(field = "classification", is = "TRAFFICKING_SUSPECTED")
			@Schema(description = "Còn bị giữ hoặc đang gặp nguy hiểm / Still held or in danger") Boolean rescueNeeded,
			@ShownWhen(field = "rescueNeeded", is = "true")
			@Schema(description = "Giải cứu ở nước ngoài / Rescue abroad") Boolean crossBorderRescue,
			@ShownWhen(field = "classification", is = "TRAFFICKING_SUSPECTED")
			@Schema(description = "Người nước ngoài / Foreign national") Boolean foreignNational,
			@ShownWhen(field = "classification", is = "DUPLICATE")
			@Schema(description = "Hồ sơ đang mở bị trùng / The open case this duplicates") UUID duplicateOfCaseId,
			@ShownWhen(field = "classification", is = "OTHER_MATTER")
			@Schema(description = "Chuyển đến cơ quan / Referred to") ReferredTo referredTo)
			implements Decision {

		@AssertTrue(message = "validation.required-when-other-matter")
		boolean isReferredToValid() {
			return classification != Classification.OTHER_MATTER || referredTo != null;
		}

		@AssertTrue(message = "validation.required-when-suspected")
		boolean isRescueNeededValid() {
			return classification != Classification.TRAFFICKING_SUSPECTED || rescueNeeded != null;
		}

		@AssertTrue(message = "validation.required-when-suspected")
		boolean isForeignNationalValid() {
			return classification != Classification.TRAFFICKING_SUSPECTED || foreignNational != null;
		}

		@AssertTrue(message = "validation.required-when-rescue")
		boolean isCrossBorderRescueValid() {
			return !Boolean.TRUE.equals(rescueNeeded) || crossBorderRescue != null;
		}

		@AssertTrue(message = "validation.required-when-duplicate")
		boolean isDuplicateOfCaseIdValid() {
			return classification != Classification.DUPLICATE || duplicateOfCaseId != null;
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.CLASSIFICATION, classification.name(), ReferralVariables.RESCUE_NEEDED,
					Boolean.TRUE.equals(rescueNeeded), ReferralVariables.CROSS_BORDER_RESCUE,
					Boolean.TRUE.equals(crossBorderRescue), ReferralVariables.FOREIGN_NATIONAL,
					Boolean.TRUE.equals(foreignNational), ReferralVariables.DUPLICATE_OF,
					duplicateOfCaseId == null ? null : duplicateOfCaseId.toString(), ReferralVariables.REFERRED_TO,
					classification == Classification.OTHER_MATTER ? referredTo.name() : null);
		}
	}

	@Schema(name = "BorderReceptionDecision", description = "Tiếp nhận công dân trở về / Receive a returned citizen")
	record BorderReception(@NotNull(message = "validation.required") Boolean foreignNational) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.FOREIGN_NATIONAL, foreignNational);
		}
	}

	@Schema(name = "BorderVerificationDecision", description = "Xác minh tại cửa khẩu / Verify at the border")
	record BorderVerification(@NotNull(message = "validation.required") Boolean traffickingSigns) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("traffickingSigns", traffickingSigns);
		}
	}

	@Schema(name = "ReceivePersonDecision", description = "Tiếp nhận người / Receive the person")
	record ReceivePerson(
			@NotNull(message = "validation.required") @AssertTrue(message = "validation.must-confirm") Boolean healthDepartmentNotified,
			@NotNull(message = "validation.required") Boolean temporaryShelterProvided) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("healthDepartmentNotified", true, "temporaryShelterProvided", temporaryShelterProvided);
		}
	}

	@Schema(name = "InitialVerificationDecision", description = "Xác minh ban đầu / Initial verification")
	record InitialVerification(
			@Schema(description = "Có giấy tờ theo Điều 33 khoản 1 / Documents of Art 33(1) exist") @NotNull(message = "validation.required") Boolean documentsExist,
			@NotNull(message = "validation.required") @AssertTrue(message = "validation.must-confirm") Boolean policeConsulted)
			implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.DOCUMENTS_EXIST, documentsExist, "policeConsulted", true);
		}
	}

	@Schema(name = "FurtherVerificationDecision", description = "Xác minh bổ sung / Further verification")
	record FurtherVerification(@NotNull(message = "validation.required") Boolean evidenceFound) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("evidenceFound", evidenceFound);
		}
	}

	@Schema(name = "IdentifyDecision", description = "Xác định nạn nhân / Identification decision")
	record Identify(@NotNull(message = "validation.required") Boolean victim,
			@ShownWhen(field = "victim", is = "true")
			@Schema(description = "Loại chứng cứ theo Điều 32 khoản 1 / Evidence kinds of Art 32(1)") List<@NotNull(message = "validation.required") EvidenceKind> evidenceKinds,
			@ShownWhen(field = "victim", is = "true")
			@Schema(description = "Đã cấp giấy xác nhận nạn nhân (số giấy ghi ở mục pháp lý của người đó) / Confirmation document issued (its number goes in the person's legal section)") Boolean confirmationIssued,
			@ShownWhen(field = "victim", is = "true")
			@Schema(description = "Hình thức bị bóc lột đã xác định / Forms of exploitation confirmed") List<@NotNull(message = "validation.required") ExploitationForm> exploitationForms,
			@ShownWhen(field = "victim", is = "true")
			@Schema(description = "Nước bị đưa đến đã xác định, ISO 3166-1 alpha-2; trống nếu trong nước / Destination confirmed; empty if within Vietnam", example = "KH")
			@jakarta.validation.constraints.Pattern(regexp = "^[A-Z]{2}$", message = "validation.country") String destinationCountry,
			@ShownWhen(field = "victim", is = "false")
			@Schema(description = "Đã thông báo kết quả cho người được xác định / The person was told the decision") Boolean personNotified,
			@ShownWhen(field = "victim", is = "false")
			@Schema(description = "Chuyển đến cơ quan / Referred to") ReferredTo referredTo)
			implements Decision {

		@AssertTrue(message = "validation.exploitation-required")
		boolean isExploitationFormsValid() {
			return !Boolean.TRUE.equals(victim) || exploitationForms != null && !exploitationForms.isEmpty();
		}

		@AssertTrue(message = "validation.must-confirm")
		boolean isPersonNotifiedValid() {
			return !Boolean.FALSE.equals(victim) || Boolean.TRUE.equals(personNotified);
		}

		@AssertTrue(message = "validation.required-when-not-victim")
		boolean isReferredToValid() {
			return !Boolean.FALSE.equals(victim) || referredTo != null;
		}

		@AssertTrue(message = "validation.evidence-required")
		boolean isEvidenceKindsValid() {
			return !Boolean.TRUE.equals(victim) || evidenceKinds != null && !evidenceKinds.isEmpty();
		}

		@AssertTrue(message = "validation.confirmation-required")
		boolean isConfirmationIssuedValid() {
			return !Boolean.TRUE.equals(victim) || Boolean.TRUE.equals(confirmationIssued);
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			Map<String, Object> variables = vars(ReferralVariables.VICTIM, victim, "evidenceKinds", names(evidenceKinds),
					"confirmationIssued", Boolean.TRUE.equals(confirmationIssued));
			if (victim) {
				variables.put("confirmedExploitationForms", names(exploitationForms));
				variables.put("confirmedDestination", destinationCountry);
			}
			else {
				variables.put("personNotified", true);
				variables.put(ReferralVariables.REFERRED_TO, referredTo.name());
			}
			return variables;
		}
	}

	@Schema(name = "HandOverDecision", description = "Bàn giao nạn nhân / Hand over the victim")
	record HandOver(@NotNull(message = "validation.required") Recipient handedOverTo) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("handedOverTo", handedOverTo.name());
		}
	}

	@Schema(name = "RiskAssessment", description = "Đánh giá rủi ro / Risk assessment")
	record AssessRisk(@NotNull(message = "validation.required") Boolean threatsReceived,
			@NotNull(message = "validation.required") Boolean traffickersAtLarge,
			@NotNull(message = "validation.required") Boolean traffickersKnowWhereabouts,
			@NotNull(message = "validation.required") Boolean relativesThreatened,
			@NotNull(message = "validation.required") Boolean minor,
			@NotNull(message = "validation.required") Boolean previouslyTrafficked) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("threatsReceived", threatsReceived, "traffickersAtLarge", traffickersAtLarge,
					"traffickersKnowWhereabouts", traffickersKnowWhereabouts, "relativesThreatened", relativesThreatened,
					"minor", minor, "previouslyTrafficked", previouslyTrafficked);
		}
	}

	@Schema(name = "SupportPlan", description = "Kế hoạch hỗ trợ: các chế độ người được hỗ trợ đồng ý nhận / The services the person consents to")
	record PlanSupport(@NotNull(message = "validation.required") @Size(max = 10, message = "validation.services")
			@ChoicesFrom("eligible-services")
			List<@NotNull(message = "validation.required") String> consentedServices,
			@Schema(description = "Nhu cầu đã đánh giá, kể cả chế độ người đó chưa đồng ý nhận / Needs assessed, consented or not")
			@Size(max = 10, message = "validation.services") @ChoicesFrom("eligible-services")
			List<@NotNull(message = "validation.required") String> assessedNeeds,
			@Schema(description = "Cơ sở cung cấp được chọn cho chế độ có nhiều cơ sở; chế độ không chọn do cơ sở mặc định cung cấp / The provider chosen for a service with several; a service not chosen for goes to its default provider")
			@Size(max = 10, message = "validation.services")
			List<@Valid @NotNull(message = "validation.required") ProviderChoice> providers) implements Decision {

		@Override
		public Set<String> reads() {
			return CONSENT_READS;
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			List<ProviderChoice> chosen = providers == null ? List.of() : providers;
			List<Rejection> choices = new ArrayList<>();
			for (int i = 0; i < chosen.size(); i++) {
				choices.addAll(chosen.get(i).rejections("decision.providers[" + i + "].", consentedServices));
			}
			List<String> services = consented(consentedServices, current, choices);
			Set<String> needs = new LinkedHashSet<>(assessedNeeds == null ? List.of() : assessedNeeds);
			needs.addAll(services);
			HashMap<String, String> planned = new HashMap<>();
			services.forEach(code -> planned.put(code, SupportService.ofCode(code).orElseThrow().defaultProvider().group()));
			chosen.forEach(choice -> planned.put(choice.service(), choice.provider()));
			return vars(ReferralVariables.CONSENTED_SERVICES, services, "assessedNeeds", List.copyOf(needs),
					ReferralVariables.SERVICE_PROVIDERS, planned);
		}
	}

	@Schema(name = "InterimSupportPlan",
			description = "Hỗ trợ khi đang xác định là nạn nhân: các chế độ người đó đồng ý nhận ngay / Support while being identified: the services the person consents to now")
	record PlanInterimSupport(@NotNull(message = "validation.required") @Size(max = 10, message = "validation.services")
			@ChoicesFrom("eligible-services")
			List<@NotNull(message = "validation.required") String> consentedServices) implements Decision {

		@Override
		public Set<String> reads() {
			return CONSENT_READS;
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			List<String> services = consented(consentedServices, current, List.of());
			return vars(ReferralVariables.CONSENTED_SERVICES, services, ReferralVariables.INTERIM_SERVICES, services);
		}
	}

	/** The provider chosen for one service of the plan: one of the service's candidates. */
	@Schema(name = "ServiceProviderChoice", description = "Cơ sở cung cấp một chế độ / The provider of one service")
	record ProviderChoice(@NotNull(message = "validation.required") @ChoicesFrom("eligible-services") String service,
			@NotNull(message = "validation.required") @ChoicesFrom("providers") String provider) {

		List<Rejection> rejections(String path, List<String> consented) {
			if (!consented.contains(service)) {
				return List.of(new Rejection(path + "service", "validation.provider-service-not-consented"));
			}
			if (!SupportService.ofCode(service).orElseThrow().providedBy(provider)) {
				return List.of(new Rejection(path + "provider", "validation.provider-not-candidate"));
			}
			return List.of();
		}
	}

	/** What {@link #consented} reads. */
	private static final Set<String> CONSENT_READS = Set.of(ReferralVariables.CONSENT_WITHDRAWN,
			ReferralVariables.ELIGIBLE_SERVICES);

	/**
	 * The consented services, each eligible, none once consent was withdrawn; duplicates dropped. The form's other
	 * rejections are reported with them.
	 */
	private static List<String> consented(List<String> consentedServices, Map<String, Object> current,
			List<Rejection> others) {
		if (Boolean.TRUE.equals(current.get(ReferralVariables.CONSENT_WITHDRAWN)) && !consentedServices.isEmpty()) {
			throw new InvalidRequestException(List.of(new Rejection("decision.consentedServices", "validation.consent-withdrawn")));
		}
		@SuppressWarnings("unchecked")
		Collection<String> eligible = (Collection<String>) current.getOrDefault(ReferralVariables.ELIGIBLE_SERVICES, List.of());
		List<Rejection> rejections = new ArrayList<>();
		for (int i = 0; i < consentedServices.size(); i++) {
			if (!eligible.contains(consentedServices.get(i))) {
				rejections.add(new Rejection("decision.consentedServices[" + i + "]", "validation.not-eligible"));
			}
		}
		rejections.addAll(others);
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
		return List.copyOf(new LinkedHashSet<>(consentedServices));
	}

	@Schema(name = "GuardianNotification", description = "Thông báo thân nhân, người giám hộ / Notify relatives or guardian")
	record NotifyGuardian(@NotNull(message = "validation.required") NotifiedParty notified) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("guardianNotified", notified.name());
		}
	}

	@Schema(name = "ClosureDecision", description = "Kết thúc hồ sơ / Close the case")
	record Close(@NotNull(message = "validation.required")
			@OneOf(vocabulary = "CaseOutcome", value = { "REINTEGRATED", "REPATRIATED", "RETURNED_TO_FAMILY", "CONSENT_WITHDRAWN",
					"LOST_CONTACT", "DECEASED", "OTHER" })
			@Pattern(regexp = CLOSING_OUTCOMES, message = "validation.closing-outcome") String outcome) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.CASE_OUTCOME, outcome);
		}
	}
}
