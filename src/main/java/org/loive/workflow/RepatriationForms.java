package org.loive.workflow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.loive.workflow.TaskForms.Decision;

import java.util.Map;

import static org.loive.workflow.TaskForms.vars;

/** The forms of the repatriation process. */
final class RepatriationForms {

	private RepatriationForms() {
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
