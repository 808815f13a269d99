package org.loive.platform;

import java.text.Normalizer;

/** Text as the application keeps it: Unicode NFC, so "ệ" typed composed or decomposed is one value. */
public final class Text {

	private Text() {
	}

	public static String nfc(String text) {
		return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
	}
}
