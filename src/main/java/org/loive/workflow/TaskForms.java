package org.loive.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loive.access.Agency;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The typed body of every user task: what the officer decides, as codes and yes/no answers that become
 * process variables. Read strictly (unknown fields, wrong types and missing answers are refused field by
 * field) and never carrying personal data.
 */
@Component
class TaskForms {

	/** A task's decision; turns into process variables, given the task's current variables. */
	interface Decision {

		Map<String, Object> variables(Map<String, Object> current);
	}

	private static final Map<String, Class<? extends Decision>> FORMS = Map.ofEntries(
			Map.entry(ReferralProcess.CLASSIFY, Classify.class),
			Map.entry(ReferralProcess.BORDER_RECEPTION, BorderReception.class),
			Map.entry(ReferralProcess.BORDER_VERIFICATION, BorderVerification.class),
			Map.entry(ReferralProcess.RECEIVE_PERSON, ReceivePerson.class),
			Map.entry(ReferralProcess.INITIAL_VERIFICATION, InitialVerification.class),
			Map.entry(ReferralProcess.FURTHER_VERIFICATION, FurtherVerification.class),
			Map.entry(ReferralProcess.IDENTIFY, Identify.class),
			Map.entry(ReferralProcess.HAND_OVER, HandOver.class),
			Map.entry(ReferralProcess.ASSESS_RISK, AssessRisk.class),
			Map.entry(ReferralProcess.PLAN_SUPPORT, PlanSupport.class),
			Map.entry(ReferralProcess.NOTIFY_GUARDIAN, NotifyGuardian.class),
			Map.entry(ReferralProcess.CLOSE, Close.class),
			Map.entry(RescueProcess.COORDINATE_FOREIGN_RESCUE, CoordinateForeignRescue.class),
			Map.entry(RescueProcess.RESCUE, Rescue.class),
			Map.entry(ProtectionProcess.APPLY_PROTECTION, ApplyProtection.class),
			Map.entry(ProtectionProcess.REVIEW_PROTECTION, ReviewProtection.class),
			Map.entry(ServiceReferralProcess.RESPOND, RespondToReferral.class),
			Map.entry(ServiceReferralProcess.DELIVER, DeliverService.class),
			Map.entry(ServiceReferralProcess.REVIEW_DECLINED, ReviewDeclinedReferral.class),
			Map.entry(ReintegrationProcess.RECEIVE_APPLICATION, ReceiveReintegrationApplication.class),
			Map.entry(ReintegrationProcess.DECIDE, DecideReintegration.class),
			Map.entry(ReintegrationProcess.FOLLOW_UP_VISIT, FollowUpVisit.class),
			Map.entry(RepatriationProcess.REQUEST, RequestRepatriation.class),
			Map.entry(RepatriationProcess.CONFIRM, ConfirmRepatriation.class),
			Map.entry(RepatriationProcess.HAND_OVER_AT_BORDER, HandOverAtBorder.class));

	private final ObjectMapper json;
	private final Validator validator;

	TaskForms(ObjectMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	static Set<String> taskKeys() {
		return FORMS.keySet();
	}

	static Class<? extends Decision> form(String taskKey) {
		Class<? extends Decision> form = FORMS.get(taskKey);
		if (form == null) {
			throw new IllegalStateException("no form for task " + taskKey);
		}
		return form;
	}

	/** The name of the task's form in the OpenAPI document. */
	static String schemaName(String taskKey) {
		return form(taskKey).getAnnotation(Schema.class).name();
	}

	/** Reads, validates and converts the decision of a task; 400 naming each bad field otherwise. */
	Map<String, Object> variables(String taskKey, JsonNode decision, Map<String, Object> current) {
		JsonNode body = decision == null || decision.isNull() ? JsonNodeFactory.instance.objectNode() : decision;
		Decision read;
		try {
			read = json.treeToValue(body, form(taskKey));
		}
		catch (JsonMappingException e) {
			throw new InvalidRequestException(List.of(new Rejection("decision." + path(e),
					e instanceof UnrecognizedPropertyException ? "problem.field.unknown"
							: "problem.field.wrong-type")));
		}
		catch (JsonProcessingException e) {
			throw new InvalidRequestException(List.of(new Rejection("decision", "problem.field.wrong-type")));
		}
		List<Rejection> rejections = validator.validate(read)
			.stream()
			.map(TaskForms::rejection)
			.sorted(Comparator.comparing(Rejection::field))
			.toList();
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
		return read.variables(current);
	}

	/** Cross-field rules are methods named {@code is<Field>Valid}: the rejection names the field. */
	private static Rejection rejection(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString().replaceFirst("Valid$", "");
		return new Rejection(path.isEmpty() ? "decision" : "decision." + path, violation.getMessage());
	}

	private static String path(JsonMappingException e) {
		StringBuilder path = new StringBuilder();
		for (var reference : e.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static Map<String, Object> vars(Object... keysAndValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return variables;
	}

	private static List<String> names(Collection<? extends Enum<?>> values) {
		return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
	}

	// ----- the vocabularies -----

	enum Classification { TRAFFICKING_SUSPECTED, OTHER_MATTER, DUPLICATE }

	/** Evidence kinds of Art 32(1) Law 53/2024/QH15. */
	enum EvidenceKind { OFFICIAL_DOCUMENT, FOREIGN_AUTHORITY_DOCUMENT, WITNESS_STATEMENT, PERSON_STATEMENT, MEDICAL_EXAMINATION, OTHER_EVIDENCE }

	enum Recipient { COMMUNE, SOCIAL_ASSISTANCE_FACILITY, FAMILY }

	enum NotifiedParty { PARENTS, RELATIVES, GUARDIAN, NONE_FOUND }

	enum RescueResult { RESCUED, CONTINUE_SEARCH }

	enum ProtectionMeasure { SAFE_REFUGE, IDENTITY_CONFIDENTIALITY, RESIDENCE_PROTECTION, WORKPLACE_PROTECTION, SCHOOL_PROTECTION, PROTECTION_OFFICERS }

	enum DeclineReason { NO_CAPACITY, NOT_ELIGIBLE, OUT_OF_AREA, PERSON_UNREACHABLE, OTHER }

	enum DeliveryOutcome { DELIVERED, PARTIALLY_DELIVERED, NOT_DELIVERED }

	enum RiskLevel { LOW, MEDIUM, HIGH }

	enum CaseOutcome { REINTEGRATED, REPATRIATED, RETURNED_TO_FAMILY, LOST_CONTACT, DECEASED, OTHER }

	// ----- the forms, one per task -----

	@Schema(name = "ClassifyDecision", description = "Phân loại tin báo / Classify the report")
	record Classify(@NotNull(message = "validation.required") Classification classification,
			@Schema(description = "Còn bị giữ hoặc đang gặp nguy hiểm / Still held or in danger") Boolean rescueNeeded,
			@Schema(description = "Giải cứu ở nước ngoài / Rescue abroad") Boolean crossBorderRescue,
			@Schema(description = "Người nước ngoài / Foreign national") Boolean foreignNational,
			@Schema(description = "Hồ sơ đang mở bị trùng / The open case this duplicates") UUID duplicateOfCaseId)
			implements Decision {

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
					duplicateOfCaseId == null ? null : duplicateOfCaseId.toString());
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
			@Schema(description = "Loại chứng cứ theo Điều 32 khoản 1 / Evidence kinds of Art 32(1)") List<@NotNull(message = "validation.required") EvidenceKind> evidenceKinds,
			@Schema(description = "Đã cấp giấy xác nhận nạn nhân / Confirmation document issued") Boolean confirmationIssued)
			implements Decision {

		@AssertTrue(message = "validation.evidence-required")
		boolean isEvidenceKindsValid() {
			return !Boolean.TRUE.equals(victim) || evidenceKinds != null && !evidenceKinds.isEmpty();
		}

		@AssertTrue(message = "validation.confirmation-required")
		boolean isConfirmationIssuedValid() {
			return !Boolean.TRUE.equals(victim) || Boolean.TRUE.equals(confirmationIssued);
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.VICTIM, victim, "evidenceKinds", names(evidenceKinds), "confirmationIssued",
					Boolean.TRUE.equals(confirmationIssued));
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
			List<@NotNull(message = "validation.required") String> consentedServices) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			@SuppressWarnings("unchecked")
			Collection<String> eligible = (Collection<String>) current.getOrDefault(ReferralVariables.ELIGIBLE_SERVICES, List.of());
			List<Rejection> rejections = new ArrayList<>();
			for (int i = 0; i < consentedServices.size(); i++) {
				if (!eligible.contains(consentedServices.get(i))) {
					rejections.add(new Rejection("decision.consentedServices[" + i + "]", "validation.not-eligible"));
				}
			}
			if (!rejections.isEmpty()) {
				throw new InvalidRequestException(rejections);
			}
			return vars(ReferralVariables.CONSENTED_SERVICES, List.copyOf(new LinkedHashSet<>(consentedServices)));
		}
	}

	@Schema(name = "GuardianNotification", description = "Thông báo thân nhân, người giám hộ / Notify relatives or guardian")
	record NotifyGuardian(@NotNull(message = "validation.required") NotifiedParty notified) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("guardianNotified", notified.name());
		}
	}

	@Schema(name = "ClosureDecision", description = "Kết thúc hồ sơ / Close the case")
	record Close(@NotNull(message = "validation.required") CaseOutcome outcome) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.CASE_OUTCOME, outcome.name());
		}
	}

	@Schema(name = "ForeignRescueCoordination", description = "Phối hợp giải cứu với nước ngoài / Coordinate a rescue abroad")
	record CoordinateForeignRescue(
			@NotNull(message = "validation.required") @AssertTrue(message = "validation.must-confirm") Boolean foreignAuthoritiesRequested)
			implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("foreignAuthoritiesRequested", true);
		}
	}

	@Schema(name = "RescueOutcome", description = "Kết quả giải cứu / Rescue outcome")
	record Rescue(@NotNull(message = "validation.required") RescueResult rescueOutcome) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.RESCUE_OUTCOME, rescueOutcome.name());
		}
	}

	@Schema(name = "ProtectionDecision", description = "Áp dụng biện pháp bảo vệ / Apply protection")
	record ApplyProtection(@NotNull(message = "validation.required") Boolean protectionRefused,
			List<@NotNull(message = "validation.required") ProtectionMeasure> measures,
			@Schema(description = "Đã có cam kết bằng văn bản khi từ chối / Written commitment recorded on refusal") Boolean writtenCommitmentRecorded)
			implements Decision {

		@AssertTrue(message = "validation.measures-required")
		boolean isMeasuresValid() {
			return !Boolean.FALSE.equals(protectionRefused) || measures != null && !measures.isEmpty();
		}

		@AssertTrue(message = "validation.commitment-required")
		boolean isWrittenCommitmentRecordedValid() {
			return !Boolean.TRUE.equals(protectionRefused) || Boolean.TRUE.equals(writtenCommitmentRecorded);
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("protectionRefused", protectionRefused, "protectionMeasures", names(measures),
					"writtenCommitmentRecorded", Boolean.TRUE.equals(writtenCommitmentRecorded));
		}
	}

	@Schema(name = "ProtectionReview", description = "Xem xét lại biện pháp bảo vệ / Review protection")
	record ReviewProtection(@NotNull(message = "validation.required") Boolean stillAtRisk) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("stillAtRisk", stillAtRisk);
		}
	}

	@Schema(name = "ReferralDecision", description = "Cơ sở tiếp nhận hoặc từ chối / The provider accepts or declines")
	record RespondToReferral(@NotNull(message = "validation.required") Boolean referralAccepted,
			DeclineReason declineReason) implements Decision {

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

	@Schema(name = "ReintegrationApplication", description = "Tiếp nhận đề nghị tái hòa nhập / Receive the application")
	record ReceiveReintegrationApplication(
			@NotNull(message = "validation.required") @AssertTrue(message = "validation.must-confirm") Boolean applicationReceived)
			implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("applicationReceived", true);
		}
	}

	@Schema(name = "ReintegrationDecision", description = "Quyết định hỗ trợ tái hòa nhập / Decide on reintegration support")
	record DecideReintegration(@NotNull(message = "validation.required") Boolean reintegrationApproved) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("reintegrationApproved", reintegrationApproved);
		}
	}

	@Schema(name = "FollowUpVisit", description = "Thăm hỏi sau hỗ trợ / Follow-up visit")
	record FollowUpVisit(@NotNull(message = "validation.required") RiskLevel reTraffickingRisk,
			@NotNull(message = "validation.required") Boolean moreVisitsNeeded) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("reTraffickingRisk", reTraffickingRisk.name(), "moreVisitsNeeded", moreVisitsNeeded);
		}
	}

	@Schema(name = "RepatriationRequest", description = "Đề nghị hồi hương / Request repatriation")
	record RequestRepatriation(
			@NotNull(message = "validation.required") @AssertTrue(message = "validation.must-confirm") Boolean representationNotified)
			implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("representationNotified", true);
		}
	}

	@Schema(name = "RepatriationConfirmation", description = "Xác nhận hồi hương / Confirm repatriation")
	record ConfirmRepatriation(@NotNull(message = "validation.required") Boolean repatriated) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars(ReferralVariables.REPATRIATED, repatriated);
		}
	}

	@Schema(name = "BorderHandOver", description = "Bàn giao tại cửa khẩu / Hand over at the border")
	record HandOverAtBorder(
			@NotNull(message = "validation.required") @AssertTrue(message = "validation.must-confirm") Boolean handedOver)
			implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("handedOverAtBorder", true);
		}
	}
}
