package org.loive.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.platform.IdDocument;
import org.loive.platform.PlausibleDate;
import org.loive.platform.SafeText;
import org.loive.platform.Text;
import org.loive.platform.TextRules.IdType;
import org.loive.platform.web.OneOf;
import org.loive.vault.PersonalData;

import java.time.LocalDate;
import java.time.Period;

/**
 * A person as intake receives them. The identifying fields go to the vault, encrypted; only coarse codes
 * (sex, age band, nationality, ethnic minority) stay beside the case for statistics.
 */
@Schema(description = "Người được tiếp nhận / A person received")
@IdDocument
record PersonRequest(
		@Schema(description = "Họ và tên: một dòng, có ít nhất một chữ cái, không ký tự điều khiển hay ký tự ẩn / Full name: one line, at least one letter, no control or invisible characters",
				example = "Nguyễn Thị Hoa")
		@Size(max = PersonalData.SHORT, message = "validation.short-text") @SafeText(SafeText.Kind.NAME) String fullName,
		@Schema(description = "Ngày sinh, từ 1900-01-01 đến hôm nay (giờ Việt Nam) / Birth date, from 1900-01-01 to today (Vietnam's time)",
				example = "2004-03-15") @PlausibleDate LocalDate birthDate,
		@Schema(description = "Giới tính / Sex", example = "F") @OneOf(vocabulary = "Sex", value = { "F", "M", "X" })
			@Pattern(regexp = "^[FMX]$", message = "validation.sex") String sex,
		@Schema(description = "Quốc tịch, ISO 3166-1 alpha-2 / Nationality", example = "VN")
		@Pattern(regexp = "^[A-Z]{2}$", message = "validation.country") String nationality,
		@Schema(description = PersonalData.ID_NUMBER, example = "051204000123")
		@Size(max = 30, message = "validation.id-number") String idNumber,
		@Schema(description = PersonalData.ID_TYPE, example = "CITIZEN_ID") IdType idType,
		@Schema(description = "Số điện thoại / Phone", example = "0912 345 678")
		@Pattern(regexp = "^[+0-9 ().-]{6,32}$", message = "validation.phone") String phone,
		@Schema(description = "Địa chỉ, một dòng / Address, one line") @Size(max = 500, message = "validation.address")
		@SafeText(SafeText.Kind.LINE) String address,
		@Schema(description = "Người dân tộc thiểu số / Ethnic minority") Boolean ethnicMinority,
		@Schema(description = "Nhóm tuổi khi không rõ ngày sinh / Age band when the birth date is unknown", example = "16-17")
		@OneOf(vocabulary = "AgeBand", value = { "0-5", "6-11", "12-15", "16-17", "18-24", "25-34", "35-44", "45-59", "60+" })
		@Pattern(regexp = AgeBands.PATTERN, message = "validation.age-band") String ageBand) implements IdDocument.Holder {

	PersonRequest {
		fullName = Text.nfc(fullName);
		idNumber = Text.nfc(idNumber);
		address = Text.nfc(address);
	}

	@Override
	public String toString() {
		return Text.redacted(this);
	}

	PersonalData personalData() {
		boolean identified = fullName != null || birthDate != null || sex != null || nationality != null || idNumber != null
				|| idType != null;
		boolean reachable = phone != null || address != null;
		return new PersonalData(
				identified ? new PersonalData.Identity(fullName, null, birthDate, sex, nationality, idNumber, idType) : null,
				reachable ? new PersonalData.Contact(phone, address) : null, null, null, null);
	}

	/** The birth date gives the band at intake; without it, the band the officer estimated. */
	String ageBandAt(LocalDate day) {
		return birthDate == null ? ageBand : AgeBands.of(Period.between(birthDate, day).getYears());
	}
}
