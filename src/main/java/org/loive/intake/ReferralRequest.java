package org.loive.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import org.loive.access.Areas;
import org.loive.workflow.Channel;

import java.time.Instant;

/**
 * Body of {@code POST /api/v1/referrals}. Only non-personal facts for now: the person, narrative and
 * accompanying minors come with the encrypted vault, and are refused as unknown fields until then.
 */
record ReferralRequest(
		@Schema(description = "Kênh tiếp nhận / Intake channel", example = "HOTLINE_111")
		@NotNull(message = "validation.required") Channel channel,
		@Schema(description = "Địa bàn: mã tỉnh, có thể kèm mã xã / Area: province code, optionally -commune",
				example = "QNG")
		@NotNull(message = "validation.required")
		@Pattern(regexp = Areas.PATTERN, message = "validation.area") String area,
		@Schema(description = "Thời điểm tiếp nhận tin báo, ISO-8601 UTC / When the report was received",
				example = "2026-11-20T08:30:00Z")
		@NotNull(message = "validation.required")
		@PastOrPresent(message = "validation.past-or-present") Instant receivedAt,
		@Schema(description = "Người đang gặp nguy hiểm ngay / The person is in immediate danger")
		@NotNull(message = "validation.required") Boolean immediateDanger) {
}
