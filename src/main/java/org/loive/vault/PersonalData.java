package org.loive.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.platform.Text;
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

	@Schema(description = "Nhân thân / Identity")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Identity(
			@Schema(description = "Họ và tên / Full name", example = "Nguyễn Thị Hoa")
			@Size(max = SHORT, message = "validation.short-text") String fullName,
			@Schema(description = "Tên gọi khác / Other names") @Size(max = SHORT, message = "validation.short-text") String otherNames,
			@Schema(description = "Ngày sinh / Birth date", example = "2004-03-15") @Past(message = "validation.past") LocalDate birthDate,
			@Schema(description = "Giới tính / Sex", example = "F") @OneOf(vocabulary = "Sex", value = { "F", "M", "X" })
			@Pattern(regexp = "^[FMX]$", message = "validation.sex") String sex,
			@Schema(description = "Quốc tịch, ISO 3166-1 / Nationality", example = "VN")
			@Pattern(regexp = "^[A-Z]{2}$", message = "validation.country") String nationality,
			@Schema(description = "Số định danh, CCCD, hộ chiếu / ID number")
			@Size(max = 32, message = "validation.id-number") String idNumber) {

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
			@Schema(description = "Địa chỉ / Address") @Size(max = 500, message = "validation.address") String address) {

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
	public record Narrative(@Size(max = LONG, message = "validation.long-text") String statement) {

		public Narrative {
			statement = Text.nfc(statement);
		}

		@Override
		public String toString() {
			return Text.redacted(this);
		}
	}

	@Schema(description = "Sức khỏe / Health")
	public record Health(@Size(max = LONG, message = "validation.long-text") String notes) {

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
			@Size(max = 64, message = "validation.short-text") String confirmationNumber,
			@Size(max = LONG, message = "validation.long-text") String notes) {

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
