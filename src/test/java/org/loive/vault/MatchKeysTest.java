package org.loive.vault;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MatchKeysTest {

	@Test
	void namesMeetAcrossUnicodeFormsCaseSpacingAndDiacritics() {
		String composed = Normalizer.normalize("Nguyễn Thị Hoa", Normalizer.Form.NFC);
		String decomposed = Normalizer.normalize("Nguyễn Thị Hoa", Normalizer.Form.NFD);
		assertThat(composed).isNotEqualTo(decomposed);
		assertThat(MatchKeys.name(composed)).isEqualTo("nguyen thi hoa")
			.isEqualTo(MatchKeys.name(decomposed))
			.isEqualTo(MatchKeys.name("  NGUYỄN   thị\tHOA "))
			.isEqualTo(MatchKeys.name("Nguyen Thi Hoa"));
	}

	@Test
	void dFoldsToDAndDifferentNamesStayApart() {
		assertThat(MatchKeys.name("Đặng Văn Đức")).isEqualTo("dang van duc");
		assertThat(MatchKeys.name("Nguyễn Thị Hoa")).isNotEqualTo(MatchKeys.name("Nguyễn Thị Hòa Bình"));
	}

	@Test
	void idNumbersLoseSeparatorsAndCase() {
		assertThat(MatchKeys.idNumber("051 204-000 123")).isEqualTo("051204000123");
		assertThat(MatchKeys.idNumber("c1234567")).isEqualTo("C1234567");
	}

	@Test
	void phonesTakeTheNationalForm() {
		assertThat(MatchKeys.phone("+84 912 345 678")).isEqualTo("0912345678");
		assertThat(MatchKeys.phone("0084912345678")).isEqualTo("0912345678");
		assertThat(MatchKeys.phone("0912.345.678")).isEqualTo("0912345678");
	}

	@Test
	void nameKeyNeedsTheBirthDateAndShortPhonesAreLeftOut() {
		var withoutBirthDate = new PersonalData.Identity("Nguyễn Thị Hoa", null, null, "F", "VN", null, null);
		assertThat(MatchKeys.of(withoutBirthDate, new PersonalData.Contact("1234", null))).isEmpty();
		var identity = new PersonalData.Identity("Nguyễn Thị Hoa", null, LocalDate.of(2004, 3, 15), "F", "VN", "051204000123", null);
		assertThat(MatchKeys.of(identity, new PersonalData.Contact("0912345678", null)))
			.containsEntry(MatchKind.NAME_AND_BIRTH_DATE, "nguyen thi hoa|2004-03-15")
			.containsEntry(MatchKind.ID_NUMBER, "051204000123")
			.containsEntry(MatchKind.PHONE, "0912345678");
	}
}
