package org.loive.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.loive.access.Officer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/escalations")
@Tag(name = "Quá hạn / Escalations", description = "Các bước quá hạn của địa bàn / Overdue steps of the province")
class EscalationController {

	private final JdbcEscalations escalations;

	EscalationController(JdbcEscalations escalations) {
		this.escalations = escalations;
	}

	@GetMapping
	@Operation(summary = "Các bước quá hạn mới nhất của địa bàn tôi / The latest overdue steps of my province")
	List<Escalations.Escalation> latest(@Parameter(hidden = true) Officer officer,
			@RequestParam(defaultValue = "100") @Min(value = 1, message = "validation.size")
			@Max(value = 200, message = "validation.size") int limit) {
		return escalations.ofProvince(officer.province(), limit);
	}
}
