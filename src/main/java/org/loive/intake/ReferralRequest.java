package org.loive.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.access.Areas;
import org.loive.workflow.Channel;
import org.loive.workflow.Place;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/referrals}. Only non-personal facts for now: the person's identity and the
 * narrative come with the encrypted vault, and are refused as unknown fields until then.
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
		@NotNull(message = "validation.required") Boolean immediateDanger,
		@Schema(description = "Nơi phát hiện, tiếp nhận; mặc định INLAND / Where the person was found; INLAND by default")
		Place place,
		@Schema(description = "Người dưới 18 tuổi đi cùng / Accompanying minors (no personal data yet)")
		@Size(max = 20, message = "validation.minors") List<@Valid @NotNull(message = "validation.required") MinorRequest> accompanyingMinors) {

	Place placeOrDefault() {
		return place == null ? Place.INLAND : place;
	}

	List<MinorRequest> minors() {
		return accompanyingMinors == null ? List.of() : accompanyingMinors;
	}

	/** An accompanying minor: statistical codes only until the vault holds the person. */
	record MinorRequest(
			@Schema(description = "Giới tính / Sex", example = "F") @Pattern(regexp = "^[FMX]$", message = "validation.sex") String sex,
			@Schema(description = "Nhóm tuổi / Age band", example = "6-11")
			@Pattern(regexp = "^(0-5|6-11|12-15|16-17)$", message = "validation.age-band") String ageBand) {
	}
}
