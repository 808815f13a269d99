package org.loive.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.access.Areas;
import org.loive.access.KnownArea;
import org.loive.platform.Text;
import org.loive.vault.PersonalData;
import org.loive.workflow.Channel;
import org.loive.workflow.Place;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/referrals}. The person, the narrative and the accompanying minors go to the
 * encrypted vault; the case keeps codes only.
 */
record ReferralRequest(
		@Schema(description = "Kênh tiếp nhận / Intake channel", example = "HOTLINE_111")
		@NotNull(message = "validation.required") Channel channel,
		@Schema(description = "Địa bàn: mã tỉnh, có thể kèm mã xã / Area: province code, optionally -commune",
				example = "QNG")
		@NotNull(message = "validation.required")
		@Pattern(regexp = Areas.PATTERN, message = "validation.area") @KnownArea String area,
		@Schema(description = "Thời điểm tiếp nhận tin báo, ISO-8601 UTC / When the report was received",
				example = "2026-11-20T08:30:00Z")
		@NotNull(message = "validation.required")
		@PastOrPresent(message = "validation.past-or-present") Instant receivedAt,
		@Schema(description = "Người đang gặp nguy hiểm ngay / The person is in immediate danger")
		@NotNull(message = "validation.required") Boolean immediateDanger,
		@Schema(description = "Nơi phát hiện, tiếp nhận; mặc định INLAND / Where the person was found; INLAND by default")
		Place place,
		@Schema(description = "Người được báo tin, nghi là nạn nhân / The person reported") @Valid PersonRequest person,
		@Schema(description = "Nội dung tin báo, lời kể / What was reported")
		@Size(max = PersonalData.LONG, message = "validation.long-text") String narrative,
		@Schema(description = "Hình thức bóc lột, nếu đã biết / Form of exploitation, if known") ExploitationForm exploitationForm,
		@Schema(description = "Nước đến, ISO 3166-1 alpha-2 / Destination country", example = "KH")
		@Pattern(regexp = "^[A-Z]{2}$", message = "validation.country") String destinationCountry,
		@Schema(description = "Người dưới 18 tuổi đi cùng / Accompanying minors")
		@Size(max = 20, message = "validation.minors") List<@Valid @NotNull(message = "validation.required") PersonRequest> accompanyingMinors) {

	ReferralRequest {
		narrative = Text.nfc(narrative);
	}

	@Override
	public String toString() {
		return Text.redacted(this);
	}

	Place placeOrDefault() {
		return place == null ? Place.INLAND : place;
	}

	PersonRequest personOrEmpty() {
		return person == null ? new PersonRequest(null, null, null, null, null, null, null, null, null) : person;
	}

	List<PersonRequest> minors() {
		return accompanyingMinors == null ? List.of() : accompanyingMinors;
	}

	/** The reported person's data: what the person request holds, and the narrative. */
	PersonalData personalData() {
		PersonalData data = personOrEmpty().personalData();
		return new PersonalData(data.identity(), data.contact(),
				narrative == null ? null : new PersonalData.Narrative(narrative), null, null);
	}
}
