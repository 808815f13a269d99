package org.loive.cases;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.access.Areas;
import org.loive.access.KnownArea;
import org.loive.platform.PlausibleDate;
import org.loive.platform.SafeText;
import org.loive.platform.Text;
import org.loive.platform.web.ShownWhen;
import org.loive.vault.PersonalData;
import org.loive.workflow.Channel;
import org.loive.workflow.Place;
import org.loive.workflow.ReturnMode;
import org.loive.workflow.ExploitationForm;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Body of {@code POST /api/v1/referrals}. The person, the narrative and the accompanying minors go to the
 * encrypted vault; the case keeps codes only. {@code exploitationForm}, a single code, is still read as a
 * list of one.
 */
record ReferralRequest(
		@Schema(description = "Kênh tiếp nhận / Intake channel", example = "HOTLINE_111")
		@NotNull(message = "validation.required") Channel channel,
		@Schema(description = "Số tổng đài, chỉ chữ số, bắt buộc khi kênh là OTHER_HOTLINE / Hotline number, digits only, required for OTHER_HOTLINE",
				example = "18001567")
		@ShownWhen(field = "channel", is = "OTHER_HOTLINE")
		@Pattern(regexp = "^[0-9]{3,12}$", message = "validation.hotline-number") String hotlineNumber,
		@Schema(description = "Loại tin: tố giác, tin báo, kiến nghị khởi tố, người trở về, khác / Kind of report")
		ReportKind reportKind,
		@Schema(description = "Địa bàn: mã tỉnh, có thể kèm mã xã / Area: province code, optionally -commune",
				example = "QNG")
		@NotNull(message = "validation.required")
		@Pattern(regexp = Areas.PATTERN, message = "validation.area") @KnownArea String area,
		@Schema(description = "Thời điểm tiếp nhận tin báo, ISO-8601 UTC, từ 1900 đến bây giờ / When the report was received, from 1900 to now",
				example = "2026-11-20T08:30:00Z")
		@NotNull(message = "validation.required") @PlausibleDate Instant receivedAt,
		@Schema(description = "Người đang gặp nguy hiểm ngay / The person is in immediate danger")
		@NotNull(message = "validation.required") Boolean immediateDanger,
		@Schema(description = "Nơi phát hiện, tiếp nhận; mặc định INLAND / Where the person was found; INLAND by default")
		Place place,
		@Schema(description = "Cách trở về từ nước ngoài, nếu người đó trở về / How the person came back from abroad, if they did")
		ReturnMode returnMode,
		@Schema(description = "Người được báo tin, nghi là nạn nhân / The person reported") @Valid PersonRequest person,
		@Schema(description = "Nơi cư trú của người được báo tin: mã tỉnh, có thể kèm mã xã / The person's province and commune of residence",
				example = "QNG-12345")
		@Pattern(regexp = Areas.PATTERN, message = "validation.area") String residenceArea,
		@Schema(description = "Nội dung tin báo, lời kể; được xuống dòng, không ký tự điều khiển khác / What was reported; line breaks allowed, no other control characters")
		@Size(max = PersonalData.LONG, message = "validation.long-text") @SafeText(SafeText.Kind.NARRATIVE) String narrative,
		@Schema(description = "Các hình thức bóc lột, nếu đã biết (trước đây exploitationForm, một mã) / Forms of exploitation, if known (formerly exploitationForm, one code)")
		@JsonAlias("exploitationForm") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		@Size(max = 20, message = "validation.codes")
		List<@NotNull(message = "validation.required") ExploitationForm> exploitationForms,
		@Schema(description = "Nguyên nhân bị mua bán, nếu đã biết / How the person came to be trafficked, if known")
		@Size(max = 20, message = "validation.codes")
		List<@NotNull(message = "validation.required") RecruitmentContext> recruitmentContexts,
		@Schema(description = "Mua bán trong nước hay xuyên biên giới / Domestic or cross-border")
		TraffickingScope traffickingScope,
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

	/** A hotline number goes with another hotline, and only with it. */
	@AssertTrue(message = "validation.hotline-channel")
	boolean isHotlineNumberValid() {
		return (channel == Channel.OTHER_HOTLINE) == (hotlineNumber != null);
	}

	Place placeOrDefault() {
		return place == null ? Place.INLAND : place;
	}

	PersonRequest personOrEmpty() {
		return person == null ? new PersonRequest(null, null, null, null, null, null, null, null, null, null) : person;
	}

	List<PersonRequest> minors() {
		return accompanyingMinors == null ? List.of() : accompanyingMinors;
	}

	/** The codes the case keeps for the reports, each code of a list once. */
	IntakeFacts facts() {
		return new IntakeFacts(reportKind, hotlineNumber, returnMode, traffickingScope, distinct(exploitationForms),
				distinct(recruitmentContexts), destinationCountry, residenceArea);
	}

	/** The reported person's data: what the person request holds, and the narrative. */
	PersonalData personalData() {
		PersonalData data = personOrEmpty().personalData();
		return new PersonalData(data.identity(), data.contact(),
				narrative == null ? null : new PersonalData.Narrative(narrative), null, null);
	}

	private static <T> List<T> distinct(List<T> codes) {
		return codes == null ? List.of() : List.copyOf(new LinkedHashSet<>(codes));
	}
}
