package org.loive.criminal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.loive.access.Officer;
import org.loive.platform.Text;
import org.loive.platform.web.ShownWhen;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/criminal-cases")
@Tag(name = "Vụ án hình sự / Criminal cases",
		description = "Vụ án mua bán người và các hồ sơ nạn nhân gắn với vụ án, không có dữ liệu cá nhân / "
				+ "Trafficking cases and the referral cases of their victims, without personal data")
class CriminalCaseController {

	/** The police's number of a case (letters, digits and / . _ - or spaces), kept in Unicode NFC. */
	static final String NUMBER = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} /._-]{0,39}$";

	/** A referral case's human reference, e.g. QNG-2026-000001. */
	static final String REFERENCE = "^[A-Z]{3}-[0-9]{4}-[0-9]{6}$";

	@Schema(name = "NewCriminalCase", description = "Vụ án do công an khởi tố, thuộc tỉnh của cán bộ / "
			+ "A case the police take up, in the officer's province")
	record NewCriminalCase(
			@Schema(description = "Số vụ án của cơ quan điều tra / The police's number of the case", example = "15/2026/QĐ-CSHS")
			@NotNull(message = "validation.required") @Pattern(regexp = NUMBER, message = "validation.criminal-case-number")
			String reference,
			@Schema(description = "Tội danh theo Bộ luật Hình sự / The charge, an article of the Penal Code")
			@NotNull(message = "validation.required") Charge charge) {

		NewCriminalCase {
			reference = reference == null ? null : Text.nfc(reference.strip());
		}
	}

	@Schema(name = "CriminalCaseLink", description = "Hồ sơ nạn nhân gắn vào vụ án / A referral case linked to the criminal case")
	record Link(
			@Schema(description = "Số hồ sơ tiếp nhận / The referral case's reference", example = "QNG-2026-000001")
			@NotNull(message = "validation.required") @Pattern(regexp = REFERENCE, message = "validation.case-reference")
			String reference) {

		Link {
			reference = reference == null ? null : reference.strip().toUpperCase(Locale.ROOT);
		}
	}

	@Schema(name = "CriminalCaseMilestone", description = "Một mốc của vụ án, theo thứ tự: khởi tố, khám phá, truy tố, "
			+ "xét xử / A milestone of the case, in order: initiated, solved, prosecuted, tried")
	record MilestoneRecord(
			@Schema(description = "Mốc / The milestone") @NotNull(message = "validation.required") Milestone milestone,
			@Schema(description = "Ngày xảy ra, giờ Việt Nam; không ở tương lai, không trước mốc trước / The day it "
					+ "happened in Vietnam; not in the future, not before the previous milestone", example = "2026-11-20")
			@NotNull(message = "validation.required") LocalDate date,
			@Schema(description = "Kết quả xét xử, chỉ khi xét xử / The trial's outcome, for TRIED only")
			@ShownWhen(field = "milestone", is = "TRIED") TrialOutcome outcome) {
	}

	/** The id of the case just opened. */
	record Created(UUID criminalCaseId) {
	}

	/** A page of the province's criminal cases. */
	record CriminalCasePage(List<CriminalCaseSummary> items, int page, int size, long total) {
	}

	private final CriminalCases cases;

	CriminalCaseController(CriminalCases cases) {
		this.cases = cases;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Mở vụ án hình sự (công an) / Open a criminal case (police)")
	Created create(@Valid @RequestBody NewCriminalCase body, @Parameter(hidden = true) Officer officer) {
		return new Created(cases.create(body, officer));
	}

	@GetMapping
	@Operation(summary = "Vụ án hình sự của tỉnh tôi, mới nhất trước / My province's criminal cases, newest first")
	CriminalCasePage list(@Parameter(hidden = true) Officer officer,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "validation.page") int page,
			@RequestParam(defaultValue = "50") @Min(value = 1, message = "validation.size")
			@Max(value = 200, message = "validation.size") int size) {
		return cases.list(officer, page, size);
	}

	@GetMapping("/{criminalCaseId}")
	@Operation(summary = "Một vụ án: các mốc và hồ sơ nạn nhân gắn với vụ án / A criminal case: its milestones and linked referral cases")
	CriminalCaseView view(@PathVariable UUID criminalCaseId, @Parameter(hidden = true) Officer officer) {
		return cases.view(criminalCaseId, officer);
	}

	@PostMapping("/{criminalCaseId}/cases")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Gắn một hồ sơ nạn nhân cùng tỉnh vào vụ án (công an) / Link a referral case of the province (police)")
	void link(@PathVariable UUID criminalCaseId, @Valid @RequestBody Link body, @Parameter(hidden = true) Officer officer) {
		cases.link(criminalCaseId, body.reference(), officer);
	}

	@DeleteMapping("/{criminalCaseId}/cases/{caseId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Gỡ một hồ sơ nạn nhân khỏi vụ án (công an) / Unlink a referral case (police)")
	void unlink(@PathVariable UUID criminalCaseId, @PathVariable UUID caseId, @Parameter(hidden = true) Officer officer) {
		cases.unlink(criminalCaseId, caseId, officer);
	}

	@PostMapping("/{criminalCaseId}/milestones")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ghi một mốc: khởi tố, khám phá (công an), truy tố (viện kiểm sát), xét xử (tòa án); theo thứ tự, "
			+ "kể cả khi hồ sơ nạn nhân đã đóng / Record a milestone: initiated, solved (police), prosecuted (procuracy), "
			+ "tried (court); in order, also after the referral cases closed")
	void milestone(@PathVariable UUID criminalCaseId, @Valid @RequestBody MilestoneRecord body,
			@Parameter(hidden = true) Officer officer) {
		cases.record(criminalCaseId, body, officer);
	}
}
