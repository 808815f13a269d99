package org.loive.workflow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.loive.workflow.TaskForms.Decision;

import java.util.Map;

import static org.loive.workflow.TaskForms.vars;

/** The forms of the rescue process. */
final class RescueForms {

	private RescueForms() {
	}

	enum RescueResult { RESCUED, CONTINUE_SEARCH }

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
}
