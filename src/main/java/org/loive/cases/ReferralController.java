package org.loive.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.loive.access.Officer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Tiếp nhận / Intake", description = "Tiếp nhận tin báo, tố giác / Receiving reports")
class ReferralController {

	private final Intake intake;

	ReferralController(Intake intake) {
		this.intake = intake;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Tiếp nhận tin báo, mở hồ sơ / Receive a report and open a case")
	RegisteredReferral receive(@Valid @RequestBody ReferralRequest request, @Parameter(hidden = true) Officer officer) {
		return intake.register(request, officer);
	}
}
