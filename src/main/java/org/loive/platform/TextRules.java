package org.loive.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What text the application accepts, one rule per kind of field, each answering the message key of what is
 * wrong or null. Names and codes are one line of visible characters: no control characters, no bidirectional
 * overrides or isolates, no zero-width or other invisible format characters (they let one name look like
 * another, or turn a reference round on screen). Narratives may break lines, nothing else invisible. Values
 * are judged as stored, in NFC ({@link Text#nfc}); decomposed Vietnamese is accepted and composed first.
 */
public final class TextRules {

	/** Line breaks, the only control characters a narrative may hold. */
	private static final Pattern NARRATIVE_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r]]|\\p{Cs}");
	/** Embeddings, overrides and isolates reorder what follows on screen: never in any text. */
	private static final Pattern BIDI_OVERRIDE = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
	/** Control, format (bidi marks, zero-width, BOM), surrogate, private-use, unassigned, line and paragraph separators. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}]");
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]|\\p{Cs}");
	private static final Pattern LETTER = Pattern.compile("\\p{L}");
	/** Characters of HTML and other markup. */
	private static final Pattern MARKUP = Pattern.compile("[<>&\"'`=\\\\{}]");
	private static final Pattern CITIZEN_ID = Pattern.compile("^[0-9]{12}$");
	/** A Vietnamese passport: one capital letter and seven digits (B1234567, C1234567). */
	private static final Pattern VIETNAMESE_PASSPORT = Pattern.compile("^[A-Z][0-9]{7}$");
	private static final Pattern FOREIGN_PASSPORT = Pattern.compile("^[A-Z0-9]{6,20}$");
	/** Another document's number: letters, digits, and space . / - between them, 1 to 30. */
	private static final Pattern OTHER_ID = Pattern.compile("^[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N} ./-]{0,28}[\\p{L}\\p{M}\\p{N}])?$");

	/** The kind of identity document a number belongs to. */
	public enum IdType {
		/** căn cước công dân: 12 digits */
		CITIZEN_ID,
		/** hộ chiếu */
		PASSPORT,
		/** giấy tờ khác */
		OTHER
	}

	private TextRules() {
	}

	/** A person's name: one line of visible characters with at least one letter (spaces or marks alone are blank). */
	public static String name(String text) {
		String problem = line(text);
		if (problem != null) {
			return problem;
		}
		return text == null || LETTER.matcher(text).find() ? null : "validation.name-blank";
	}

	/** A one-line text or code: an address, a reference, a document number. */
	public static String line(String text) {
		if (text == null) {
			return null;
		}
		if (CONTROL.matcher(text).find()) {
			return "validation.text-control";
		}
		return INVISIBLE.matcher(text).find() ? "validation.text-invisible" : null;
	}

	/** A statement or notes: line breaks allowed, other control characters and bidi overrides not. */
	public static String narrative(String text) {
		if (text == null) {
			return null;
		}
		if (NARRATIVE_CONTROL.matcher(text).find()) {
			return "validation.narrative-control";
		}
		return BIDI_OVERRIDE.matcher(text).find() ? "validation.text-invisible" : null;
	}

	/**
	 * An identity number checked by its kind; without a kind it is checked as another document's. A passport of
	 * a Vietnamese ({@code nationality} VN) has the Vietnamese format, any other 6 to 20 capital letters and digits.
	 */
	public static String idNumber(IdType type, String number, String nationality) {
		if (number == null) {
			return type == null ? null : "validation.id-number-required";
		}
		String problem = line(number);
		if (problem != null) {
			return problem;
		}
		if (MARKUP.matcher(number).find()) {
			return "validation.id-number-markup";
		}
		return switch (type == null ? IdType.OTHER : type) {
			case CITIZEN_ID -> CITIZEN_ID.matcher(number).matches() ? null : "validation.id-number-citizen";
			case PASSPORT -> passport(number, nationality);
			case OTHER -> OTHER_ID.matcher(number).matches() ? null : "validation.id-number-other";
		};
	}

	private static String passport(String number, String nationality) {
		if ("VN".equals(nationality)) {
			return VIETNAMESE_PASSPORT.matcher(number).matches() ? null : "validation.id-number-passport-vn";
		}
		if (FOREIGN_PASSPORT.matcher(number).matches()) {
			return null;
		}
		return FOREIGN_PASSPORT.matcher(number.toUpperCase(Locale.ROOT)).matches() ? "validation.id-number-passport-case"
				: "validation.id-number-passport";
	}
}
