package org.loive.platform;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.loive.platform.TextRules.IdType;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The input rules, by example and by property, and their constraints as a validator applies them. */
class TextRulesTest {

	/** 2026-12-03 01:00 in Hà Nội is still 2026-12-02 in UTC. */
	private static final Instant HANOI_ONE_AM = Instant.parse("2026-12-02T18:00:00Z");

	private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
		.configure()
		.clockProvider(() -> Clock.fixed(HANOI_ONE_AM, ZoneOffset.UTC))
		.buildValidatorFactory()
		.getValidator();

	@IdDocument
	record Person(@SafeText(SafeText.Kind.NAME) String fullName, @PlausibleDate LocalDate birthDate,
			@SafeText(SafeText.Kind.NARRATIVE) String statement, @PlausibleDate Instant receivedAt, String idNumber,
			IdType idType, String nationality) implements IdDocument.Holder {

		Person {
			fullName = Text.nfc(fullName);
		}
	}

	@Test
	void vietnameseNamesComposedOrDecomposedAreAcceptedAndKeptComposed() {
		String decomposed = Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFD);
		Person person = person(decomposed);
		assertThat(person.fullName()).isEqualTo("Nguyễn Thị Hoà").isNotEqualTo(decomposed);
		assertThat(messages(person)).isEmpty();
		assertThat(TextRules.name("Y Bơ Niê")).isNull();
		assertThat(TextRules.name("O'Brien-Smith")).isNull();
	}

	@Test
	void namesOfOnlySpacesOrMarksAreBlank() {
		assertThat(TextRules.name("   ")).isEqualTo("validation.name-blank");
		assertThat(TextRules.name("")).isEqualTo("validation.name-blank");
		assertThat(TextRules.name("\u0301\u0303 \u0323")).isEqualTo("validation.name-blank");
		assertThat(TextRules.name("\u3000")).isEqualTo("validation.name-blank");
		assertThat(TextRules.name(null)).isNull();
	}

	@Test
	void controlAndInvisibleCharactersAreRefusedInNames() {
		assertThat(TextRules.name("Hoa\u0000")).isEqualTo("validation.text-control");
		assertThat(TextRules.name("Hoa\nLan")).isEqualTo("validation.text-control");
		assertThat(TextRules.name("Hoa\u2028")).isEqualTo("validation.text-control");
		for (char invisible : "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u200C\u200D\u2060\uFEFF"
			.toCharArray()) {
			assertThat(TextRules.name("Ho" + invisible + "a")).as("U+%04X", (int) invisible).isEqualTo("validation.text-invisible");
			assertThat(TextRules.line("QNG" + invisible)).as("U+%04X", (int) invisible).isEqualTo("validation.text-invisible");
		}
		assertThat(TextRules.name("Hoa\uD800")).as("a lone surrogate").isEqualTo("validation.text-control");
	}

	@Test
	void narrativesMayBreakLinesButHoldNoOtherControlNorOverride() {
		assertThat(TextRules.narrative("Dòng một\r\nDòng hai\nba")).isNull();
		assertThat(TextRules.narrative("cột\tcột")).isEqualTo("validation.narrative-control");
		assertThat(TextRules.narrative("a\u0000b")).isEqualTo("validation.narrative-control");
		assertThat(TextRules.narrative("abc\u202Efed")).isEqualTo("validation.text-invisible");
		assertThat(TextRules.narrative("سلام\u200Fabc")).as("a right-to-left mark in Arabic text").isNull();
	}

	@Test
	void identityNumbersAreCheckedByTheirKind() {
		assertThat(TextRules.idNumber(IdType.CITIZEN_ID, "051204000123", "VN")).isNull();
		assertThat(TextRules.idNumber(IdType.CITIZEN_ID, "05120400012", "VN")).isEqualTo("validation.id-number-citizen");
		assertThat(TextRules.idNumber(IdType.CITIZEN_ID, "05120400012A", "VN")).isEqualTo("validation.id-number-citizen");
		assertThat(TextRules.idNumber(IdType.PASSPORT, "C1234567", "VN")).isNull();
		assertThat(TextRules.idNumber(IdType.PASSPORT, "C12345678", "VN")).isEqualTo("validation.id-number-passport-vn");
		assertThat(TextRules.idNumber(IdType.PASSPORT, "EA1234567", "KH")).isNull();
		assertThat(TextRules.idNumber(IdType.PASSPORT, "ea1234567", "KH")).isEqualTo("validation.id-number-passport-case");
		assertThat(TextRules.idNumber(IdType.PASSPORT, "E12", null)).isEqualTo("validation.id-number-passport");
		assertThat(TextRules.idNumber(IdType.OTHER, "123/QĐ-CA", null)).isNull();
		assertThat(TextRules.idNumber(null, "GKS 45/2004", null)).as("no kind: checked as another document's").isNull();
		assertThat(TextRules.idNumber(IdType.OTHER, "x".repeat(31), null)).isEqualTo("validation.id-number-other");
		assertThat(TextRules.idNumber(IdType.OTHER, "-12", null)).isEqualTo("validation.id-number-other");
		assertThat(TextRules.idNumber(IdType.CITIZEN_ID, null, null)).isEqualTo("validation.id-number-required");
		assertThat(TextRules.idNumber(null, null, null)).isNull();
	}

	@Test
	void markupInAnIdentityNumberIsRefusedWhateverItsKind() {
		for (IdType type : new IdType[] { null, IdType.CITIZEN_ID, IdType.PASSPORT, IdType.OTHER }) {
			assertThat(TextRules.idNumber(type, "<b>079</b>", "VN")).isEqualTo("validation.id-number-markup");
			assertThat(TextRules.idNumber(type, "1\" onmouseover=x", "VN")).isEqualTo("validation.id-number-markup");
		}
	}

	@Test
	void datesRunFrom1900ToTodayInVietnam() {
		assertThat(messages(new Person("Hoa", LocalDate.of(1899, 12, 31), null, null, null, null, null)))
			.containsExactly("validation.date-too-early");
		assertThat(messages(new Person("Hoa", LocalDate.of(1900, 1, 1), null, null, null, null, null))).isEmpty();
		assertThat(messages(new Person("Hoa", LocalDate.of(2026, 12, 3), null, null, null, null, null)))
			.as("today in Hà Nội, still yesterday in UTC").isEmpty();
		assertThat(messages(new Person("Hoa", LocalDate.of(2026, 12, 4), null, null, null, null, null)))
			.containsExactly("validation.date-future");
		assertThat(messages(new Person("Hoa", null, null, HANOI_ONE_AM.plusSeconds(1), null, null, null)))
			.containsExactly("validation.moment-future");
		assertThat(messages(new Person("Hoa", null, null, Instant.parse("1800-01-01T00:00:00Z"), null, null, null)))
			.containsExactly("validation.date-too-early");
	}

	@Test
	void theIdentityNumbersRejectionNamesTheNumber() {
		var violations = VALIDATOR.validate(new Person("Hoa", null, null, null, "<script>", IdType.OTHER, null));
		assertThat(violations).singleElement()
			.satisfies(violation -> assertThat(violation.getPropertyPath().toString()).isEqualTo("idNumber"))
			.satisfies(violation -> assertThat(violation.getMessage()).isEqualTo("validation.id-number-markup"));
	}

	@Property(tries = 500)
	void aNameWithAnyInvisibleCharacterIsRefused(@ForAll("names") String name, @ForAll("invisible") char invisible,
			@ForAll("positions") double where) {
		int at = (int) (where * name.length());
		String spoiled = name.substring(0, at) + invisible + name.substring(at);
		assertThat(TextRules.name(spoiled)).isIn("validation.text-invisible", "validation.text-control");
		assertThat(TextRules.line(spoiled)).isIn("validation.text-invisible", "validation.text-control");
	}

	@Property(tries = 500)
	void vietnameseNamesPassInEitherNormalForm(@ForAll("names") String name) {
		assertThat(TextRules.name(Text.nfc(Normalizer.normalize(name, Normalizer.Form.NFD)))).isNull();
		assertThat(TextRules.narrative(name + "\n" + name)).isNull();
	}

	@Property(tries = 300)
	void twelveDigitsAreACitizenIdAndNothingElseIs(@ForAll("digits") String digits) {
		assertThat(TextRules.idNumber(IdType.CITIZEN_ID, digits, "VN"))
			.isEqualTo(digits.length() == 12 ? null : "validation.id-number-citizen");
	}

	@Provide
	Arbitrary<String> names() {
		Arbitrary<String> word = Arbitraries.strings().withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
			.ofMinLength(1).ofMaxLength(8);
		return word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
	}

	@Provide
	Arbitrary<Character> invisible() {
		return Arbitraries.of('\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u202A', '\u202B', '\u202C', '\u202D',
				'\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200C', '\u200D',
				'\u2060', '\uFEFF', '\n', '\r', '\t', '\u2028', '\u2029', '\uE000', '\uD83D');
	}

	@Provide
	Arbitrary<Double> positions() {
		return Arbitraries.doubles().between(0, 1).ofScale(3);
	}

	@Provide
	Arbitrary<String> digits() {
		return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
	}

	private static Person person(String name) {
		return new Person(name, LocalDate.of(2004, 3, 15), "Lời kể\ncó hai dòng", Instant.parse("2026-11-20T08:30:00Z"),
				"051204000123", IdType.CITIZEN_ID, "VN");
	}

	private static java.util.List<String> messages(Person person) {
		return VALIDATOR.validate(person).stream().map(violation -> violation.getMessage()).toList();
	}
}
