package org.loive.workflow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.loive.platform.PlausibleDate;
import org.loive.workflow.ReferralForms.RiskLevel;
import org.loive.workflow.TaskForms.Decision;

import java.time.LocalDate;
import java.util.Map;

import static org.loive.workflow.TaskForms.vars;

/** The forms of the reintegration process. */
final class ReintegrationForms {

	/** What the person does at the follow-up visit: the reports count reintegrated persons in work or school. */
	enum Occupation { EMPLOYED, SELF_EMPLOYED, IN_SCHOOL, IN_VOCATIONAL_TRAINING, NOT_WORKING }

	private ReintegrationForms() {
	}

	@Schema(name = "ReintegrationApplication", description = "Tiếp nhận đề nghị tái hòa nhập / Receive the application")
	record ReceiveReintegrationApplication(
			@NotNull(message = "validation.required") @AssertTrue(message = "validation.must-confirm") Boolean applicationReceived,
			@Schema(description = "Ngày nhận đề nghị, mặc định hôm nay; 9 ngày làm việc để quyết định tính từ ngày này / Day the application was received, today if left out; the 9 working days of the decision run from it",
					example = "2026-12-01")
			@PlausibleDate LocalDate applicationReceivedOn) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			Map<String, Object> variables = vars("applicationReceived", true);
			if (applicationReceivedOn != null) {
				variables.put(ReferralVariables.APPLICATION_RECEIVED_ON, applicationReceivedOn.toString());
			}
			return variables;
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
			@Schema(description = "Cuộc sống, sinh kế đã ổn định / Livelihood stable") Boolean livelihoodStable,
			@Schema(description = "Đang làm việc, đi học hay học nghề / In work, at school or in training") Occupation occupation,
			@NotNull(message = "validation.required") Boolean moreVisitsNeeded) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("reTraffickingRisk", reTraffickingRisk.name(), "livelihoodStable", livelihoodStable, "occupation",
					occupation == null ? null : occupation.name(), "moreVisitsNeeded", moreVisitsNeeded);
		}
	}
}
