package org.loive.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.platform.IdDocument;
import org.loive.platform.PlausibleDate;
import org.loive.platform.SafeText;
import org.loive.platform.Text;
import org.loive.platform.TextRules.IdType;
import org.loive.platform.web.OneOf;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A person's data by section; a section left out is neither written nor released. Every text is kept
 * in Unicode NFC. Nothing of this ever goes into process variables, logs, messages or URLs.
 */
@Schema(description = "Dữ liệu cá nhân theo phần, được mã hóa / Personal data by section, encrypted")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalData(@Valid Identity identity, @Valid Contact contact, @Valid Narrative narrative,
		@Valid Health health, @Valid Legal legal) {

	public static final int SHORT = 200;
	public static final int LONG = 20_000;
	/** The identity number's description in the API, one text for intake and the persons API. */
	public static final String ID_NUMBER = "Số giấy tờ tùy thân, kiểm tra theo idType: CCCD 12 chữ số; hộ chiếu Việt Nam 1 chữ in hoa "
			+ "và 7 chữ số, hộ chiếu nước ngoài 6–20 chữ in hoa hoặc chữ số; giấy tờ khác 1–30 chữ, số, dấu cách . / - "
			+ "(không idType: như giấy tờ khác); không ký tự HTML / ID number, checked by idType: citizen ID 12 digits; "
			+ "Vietnamese passport one capital letter and 7 digits, foreign passport 6–20 capital letters or digits; other "
			+ "1–30 letters, digits, space . / - (no idType: as other); no HTML characters";
	public static final String ID_TYPE = "Loại giấy tờ của idNumber: CITIZEN_ID (CCCD), PASSPORT (hộ chiếu), OTHER (khác) / "
			+ "Kind of document of idNumber: CITIZEN_ID, PASSPORT, OTHER";

	@Schema(description = "Nhân thân / Identity")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@IdDocument
	public record Identity(
			@Schema(description = "Họ và tên: một dòng, có ít nhất một chữ cái, không ký tự điều khiển hay ký tự ẩn / Full name: one line, at least one letter, no control or invisible characters",
					example = "Nguyễn Thị Hoa")
			@Size(max = SHORT, message = "validation.short-text") @SafeText(SafeText.Kind.NAME) String fullName,
			@Schema(description = "Tên gọi khác / Other names") @Size(max = SHORT, message = "validation.short-text")
			@SafeText(SafeText.Kind.NAME) String otherNames,
			@Schema(description = "Ngày sinh, từ 1900-01-01 đến hôm nay (giờ Việt Nam) / Birth date, from 1900-01-01 to today (Vietnam's time)",
					example = "2004-03-15") @PlausibleDate LocalDate birthDate,
			@Schema(description = "Giới tính / Sex", example = "F") @OneOf(vocabulary = "Sex", value = { "F", "M", "X" })
			@Pattern(regexp = "^[FMX]$", message = "validation.sex") String sex,
			@Schema(description = "Quốc tịch, ISO 3166-1 / Nationality", example = "VN")
			@Pattern(regexp = "^[A-Z]{2}$", message = "validation.country") String nationality,
			@Schema(description = ID_NUMBER, example = "051204000123")
			@Size(max = 30, message = "validation.id-number") String idNumber,
			@Schema(description = ID_TYPE, example = "CITIZEN_ID") IdType idType) implements IdDocument.Holder {

		public Identity {
			fullName = Text.nfc(fullName);
			otherNames = Text.nfc(otherNames);
			idNumber = Text.nfc(idNumber);
		}

		@Override
		public String toString() {
			return Text.redacted(this);
		}
	}

	@Schema(description = "Liên lạc / Contact")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Contact(
			@Schema(description = "Số điện thoại / Phone", example = "0912 345 678")
			@Pattern(regexp = "^[+0-9 ().-]{6,32}$", message = "validation.phone") String phone,
			@Schema(description = "Địa chỉ, một dòng / Address, one line") @Size(max = 500, message = "validation.address")
			@SafeText(SafeText.Kind.LINE) String address) {

		public Contact {
			phone = Text.nfc(phone);
			address = Text.nfc(address);
		}

		@Override
		public String toString() {
			return Text.redacted(this);
		}
	}

	@Schema(description = "Lời khai, tường trình / Statement")
	public record Narrative(@Schema(description = "Được xuống dòng, không ký tự điều khiển khác / Line breaks allowed, no other control characters")
			@Size(max = LONG, message = "validation.long-text") @SafeText(SafeText.Kind.NARRATIVE) String statement) {

		public Narrative {
			statement = Text.nfc(statement);
		}

		@Override
		public String toString() {
			return Text.redacted(this);
		}
	}

	@Schema(description = "Sức khỏe / Health")
	public record Health(@Size(max = LONG, message = "validation.long-text") @SafeText(SafeText.Kind.NARRATIVE) String notes) {

		public Health {
			notes = Text.nfc(notes);
		}

		@Override
		public String toString() {
			return Text.redacted(this);
		}
	}

	@Schema(description = "Pháp lý / Legal")
	public record Legal(
			@Schema(description = "Số giấy xác nhận nạn nhân / Number of the victim confirmation document")
			@Size(max = 64, message = "validation.short-text") @SafeText(SafeText.Kind.LINE) String confirmationNumber,
			@Size(max = LONG, message = "validation.long-text") @SafeText(SafeText.Kind.NARRATIVE) String notes) {

		public Legal {
			confirmationNumber = Text.nfc(confirmationNumber);
			notes = Text.nfc(notes);
		}

		@Override
		public String toString() {
			return Text.redacted(this);
		}
	}

	@Override
	public String toString() {
		return "PersonalData" + sections().keySet();
	}

	public static PersonalData empty() {
		return new PersonalData(null, null, null, null, null);
	}

	/** The codes of the sections present. */
	public Set<String> sectionCodes() {
		return Section.codes(sections().keySet());
	}

	/** The sections present, in order. */
	Map<Section, Object> sections() {
		Map<Section, Object> sections = new EnumMap<>(Section.class);
		put(sections, Section.IDENTITY, identity);
		put(sections, Section.CONTACT, contact);
		put(sections, Section.NARRATIVE, narrative);
		put(sections, Section.HEALTH, health);
		put(sections, Section.LEGAL, legal);
		return sections;
	}

	static PersonalData of(Map<Section, Object> sections) {
		return new PersonalData((Identity) sections.get(Section.IDENTITY), (Contact) sections.get(Section.CONTACT),
				(Narrative) sections.get(Section.NARRATIVE), (Health) sections.get(Section.HEALTH),
				(Legal) sections.get(Section.LEGAL));
	}

	private static void put(Map<Section, Object> sections, Section section, Object content) {
		if (content != null) {
			sections.put(section, content);
		}
	}
}
