package org.loive.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.loive.platform.PlausibleDate;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.access.Areas;
import org.loive.access.KnownArea;
import org.loive.access.Officer;
import org.loive.workflow.Stage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Hồ sơ / Cases", description = "Hồ sơ của địa bàn, không có dữ liệu cá nhân / The area's cases, without personal data")
class CaseController {

	/** Why consent was withdrawn, as a code. */
	enum WithdrawalReason { PERSON_DECLINED, GUARDIAN_DECLINED, MOVED_AWAY, OTHER }

	record ConsentWithdrawal(@NotNull(message = "validation.required") WithdrawalReason reason) {
	}

	record Transfer(@Schema(example = "GLI") @NotNull(message = "validation.required")
			@Pattern(regexp = Areas.PATTERN, message = "validation.area") @KnownArea String area) {
	}

	record ResolveReport(@NotNull(message = "validation.required") ReportResolution.ReportDecision outcome,
			@Schema(description = "Ngày ra quyết định giải quyết / Day of the decision", example = "2026-12-01")
			@NotNull(message = "validation.required") @PlausibleDate LocalDate decidedOn) {
	}

	private final Cases cases;

	CaseController(Cases cases) {
		this.cases = cases;
	}

	@GetMapping
	@Operation(summary = "Hồ sơ của địa bàn tôi, tìm theo số hồ sơ, lọc theo giai đoạn và quá hạn / My province's cases, by reference, stage and overdue")
	CasePage list(@Parameter(hidden = true) Officer officer,
			@Parameter(description = "Số hồ sơ hoặc phần đầu của nó / A reference or its beginning", example = "QNG-2026")
			@RequestParam(required = false) @Size(max = 32, message = "validation.reference-search") String q,
			@RequestParam(required = false) Stage stage,
			@RequestParam(required = false) Boolean overdue,
			@Parameter(description = "Tháng tiếp nhận, giờ Việt Nam / Month received, Vietnam time", example = "2026-11")
			@RequestParam(required = false) YearMonth received,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "validation.page") int page,
			@RequestParam(defaultValue = "50") @Min(value = 1, message = "validation.size")
			@Max(value = 200, message = "validation.size") int size) {
		return cases.list(officer, q, stage, overdue, received, page, size);
	}

	@GetMapping("/{caseId}")
	@Operation(summary = "Tiến trình một hồ sơ / A case's progress")
	CaseView view(@PathVariable UUID caseId, @Parameter(hidden = true) Officer officer) {
		return cases.view(caseId, officer);
	}

	@PostMapping("/{caseId}/consent-withdrawal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ghi nhận rút lại sự đồng ý: dừng mọi hỗ trợ / Record withdrawn consent: all services stop")
	void withdrawConsent(@PathVariable UUID caseId, @Valid @RequestBody ConsentWithdrawal body,
			@Parameter(hidden = true) Officer officer) {
		cases.withdrawConsent(caseId, body.reason().name(), officer);
	}

	@PostMapping("/{caseId}/report-resolution")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ghi nhận kết quả giải quyết tin báo (công an, bộ đội biên phòng) / Record how the report was resolved (police, border guard)")
	void resolveReport(@PathVariable UUID caseId, @Valid @RequestBody ResolveReport body, @Parameter(hidden = true) Officer officer) {
		cases.resolveReport(caseId, body.outcome(), body.decidedOn(), officer);
	}

	@PostMapping("/{caseId}/transfer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Chuyển hồ sơ sang tỉnh khác / Transfer the case to another province")
	void transfer(@PathVariable UUID caseId, @Valid @RequestBody Transfer body, @Parameter(hidden = true) Officer officer) {
		cases.transfer(caseId, body.area(), officer);
	}
}
