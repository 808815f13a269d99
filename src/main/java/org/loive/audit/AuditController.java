package org.loive.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@RequestMapping("/api/v1/audit")
@Tag(name = "Kiểm toán / Audit", description = "Nhật ký truy cập, kiểm chứng, trích xuất / Access log, verification, export")
class AuditController {

	private final AuditTrail trail;
	private final AuditorActions actions;

	AuditController(AuditTrail trail, AuditorActions actions) {
		this.trail = trail;
		this.actions = actions;
	}

	@GetMapping("/events")
	@Operation(summary = "Tìm sự kiện kiểm toán / Search audit events", description = "Mới nhất trước / Newest first")
	AuditTrail.Page events(@RequestParam(required = false) String user, @RequestParam(required = false) UUID caseId,
			@RequestParam(required = false) UUID personId, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) AuditEvent.Outcome outcome, @RequestParam(required = false) Boolean flagged,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "validation.page") int page,
			@RequestParam(defaultValue = "50") @Min(value = 1, message = "validation.size")
			@Max(value = 200, message = "validation.size") int size) {
		return trail.events(new AuditTrail.Filter(user, caseId, personId, action, outcome, flagged, from, to), page, size);
	}

	@GetMapping("/verify")
	@Operation(summary = "Kiểm chứng toàn bộ chuỗi / Verify the whole chain",
			description = "status INTACT hoặc BROKEN, số sự kiện và điểm kiểm đã kiểm, số thứ tự hỏng đầu tiên / "
					+ "status, events and checkpoints checked, the first broken sequence number")
	ChainVerifier.Result verify() {
		return trail.verify();
	}

	@GetMapping(value = "/export", produces = "application/x-ndjson")
	@Operation(summary = "Trích xuất một đoạn dạng JSON Lines, kèm điểm kiểm / Export a range as JSON Lines with its checkpoints")
	ResponseEntity<StreamingResponseBody> export(
			@RequestParam(defaultValue = "1") @Min(value = 1, message = "validation.seq") long fromSeq,
			@RequestParam(defaultValue = "9223372036854775807") @Min(value = 1, message = "validation.seq") long toSeq) {
		return actions.export(fromSeq, toSeq);
	}

	@GetMapping(value = "/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Khóa công khai kiểm chứng điểm kiểm (Tink JSON) / Public keyset that verifies checkpoints")
	String publicKey() {
		return trail.publicKeyset();
	}

	record Reviewed(long reviewSeq) {
	}

	@GetMapping("/reviews/pending")
	@Operation(summary = "Các lần đọc khẩn cấp chưa được thanh tra xem xét / Break-glass reads not reviewed yet")
	List<AuditRecord> pendingReviews(@RequestParam(defaultValue = "50") @Min(value = 1, message = "validation.size")
			@Max(value = 200, message = "validation.size") int size) {
		return trail.pendingReviews(size);
	}

	@PostMapping("/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Kết luận của thanh tra về một lần đọc được đánh dấu / The auditor's finding on a flagged read",
			description = "Ghi vào chuỗi như một sự kiện AUDIT_REVIEW / Appended to the chain as an AUDIT_REVIEW event")
	Reviewed review(@Valid @RequestBody AuditorActions.Review body) {
		return new Reviewed(actions.review(body));
	}

	@GetMapping("/persons/{personId}/accesses")
	@Operation(summary = "Ai đã xem dữ liệu của tôi: để cung cấp cho nạn nhân / Who saw my data: for disclosure to the person",
			description = "officers=true nêu tên cán bộ / names the officers")
	List<AuditTrail.Access> accesses(@PathVariable UUID personId, @RequestParam(defaultValue = "false") boolean officers) {
		return actions.disclose(personId, officers);
	}
}
