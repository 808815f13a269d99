package org.loive.platform;

import java.text.Normalizer;

/** Text as the application keeps it: Unicode NFC, so "ệ" typed composed or decomposed is one value. */
public final class Text {

	private Text() {
	}

	public static String nfc(String text) {
		return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	/** The text without diacritics, đ as d: "Quảng Ngãi" as "Quang Ngai", for an ASCII form of a name. */
	public static String ascii(String text) {
		return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D');
	}

	/**
	 * What a record holding personal data says of itself: its type, never its values, so that a log line
	 * (Spring's web layer logs request bodies at DEBUG) or an exception message cannot carry them.
	 */
	public static String redacted(Record personal) {
		return personal.getClass().getSimpleName() + "[…]";
	}
}
