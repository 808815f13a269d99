package org.loive.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.loive.access.Officer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Lịch và bản gửi báo cáo / Reporting calendar and submissions", description = "Báo cáo tỉnh phải gửi, hạn, "
		+ "bản đã gửi được niêm phong vào nhật ký kiểm toán / What the province must report, when, and the submissions "
		+ "sealed into the audit trail")
class ReportSubmissionController {

	private final SubmissionViews views;

	ReportSubmissionController(SubmissionViews views) {
		this.views = views;
	}

	@GetMapping("/calendar")
	@Operation(summary = "Lịch báo cáo của tỉnh tôi: hạn, tình trạng, bản gửi mới nhất / My province's reporting calendar")
	List<SubmissionViews.CalendarLine> calendar(@Parameter(hidden = true) Officer officer, Locale locale) {
		return views.calendar(officer, locale);
	}

	@PostMapping("/submissions")
	@Operation(summary = "Gửi báo cáo của một kỳ: đóng băng, niêm phong SHA-256 vào nhật ký; sửa đổi là phiên bản mới / "
			+ "Submit a period's report: frozen, its SHA-256 sealed into the audit trail; a correction is a new version")
	ResponseEntity<ReportSubmissions.Summary> submit(
			@Parameter(description = "Mã nghĩa vụ báo cáo trong lịch / The calendar obligation", example = "bcd138-quarter")
			@RequestParam String obligation,
			@Parameter(description = "Kỳ như lịch ghi / The period as the calendar gives it") @RequestParam String period,
			@Parameter(description = "Phiên bản mới nhất người gửi đã thấy, 0 nếu chưa có / The latest version the "
					+ "submitter saw, 0 for none") @RequestParam(defaultValue = "0") int expectedVersion,
			@Parameter(description = "Gửi lại cùng khóa trả về bản đã gửi / The same key again returns the submission made")
			@RequestHeader(name = "Idempotency-Key", required = false) UUID idempotencyKey,
			@Valid @RequestBody SubmissionForm form, @Parameter(hidden = true) Officer officer) {
		ReportSubmissions.Summary made = views.submit(officer, obligation, PeriodParameter.requested(period, () -> null),
				expectedVersion, idempotencyKey, form);
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/reports/submissions/" + made.id()))
			.body(made);
	}

	@GetMapping("/submissions")
	@Operation(summary = "Các bản đã gửi (lãnh đạo: của tỉnh; kiểm toán viên: kể cả niêm phong) / Submissions")
	List<ReportSubmissions.Summary> submissions(@Parameter(hidden = true) Officer officer) {
		return views.list(officer);
	}

	@GetMapping("/submissions/{id}")
	@Operation(summary = "Một bản đã gửi, các phiên bản, niêm phong có khớp; số liệu chỉ cho lãnh đạo của tỉnh / A "
			+ "submission, its versions, whether its seal holds; the figures for the province's supervisors only")
	SubmissionViews.Submission submission(@PathVariable UUID id, @Parameter(hidden = true) Officer officer, Locale locale) {
		return views.submission(officer, id, locale);
	}

	@GetMapping("/submissions/{id}/document")
	@Operation(summary = "Văn bản DOCX đã gửi, nguyên vẹn / The submitted DOCX, as frozen")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @Parameter(hidden = true) Officer officer) {
		return ReportPages.download(views.document(officer, id));
	}
}
