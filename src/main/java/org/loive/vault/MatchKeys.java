package org.loive.vault;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The normalised values blind indexes are computed from, so that the same person entered twice meets:
 * names in any Unicode form, case, spacing and with or without Vietnamese diacritics; ID numbers without
 * separators; phones with or without the +84 prefix.
 */
final class MatchKeys {

	private MatchKeys() {
	}

	static Map<MatchKind, String> of(PersonalData.Identity identity, PersonalData.Contact contact) {
		Map<MatchKind, String> keys = new EnumMap<>(MatchKind.class);
		if (identity != null) {
			String id = idNumber(identity.idNumber());
			if (!id.isEmpty()) {
				keys.put(MatchKind.ID_NUMBER, id);
			}
			String name = name(identity.fullName());
			if (!name.isEmpty() && identity.birthDate() != null) {
				keys.put(MatchKind.NAME_AND_BIRTH_DATE, name + "|" + identity.birthDate());
			}
		}
		if (contact != null) {
			String phone = phone(contact.phone());
			if (phone.length() >= 8) {
				keys.put(MatchKind.PHONE, phone);
			}
		}
		return keys;
	}

	/** "  NGUYỄN   thị Hoa" and "Nguyen Thi Hoa" give "nguyen thi hoa"; đ folds to d. */
	static String name(String name) {
		if (name == null) {
			return "";
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace('đ', 'd')
			.replace('Đ', 'D')
			.toLowerCase(Locale.ROOT);
		return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	static String idNumber(String idNumber) {
		return idNumber == null ? ""
				: Normalizer.normalize(idNumber, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

	/** Digits only, in the national form: +84 91… and 0084 91… are 091…. */
	static String phone(String phone) {
		if (phone == null) {
			return "";
		}
		String digits = phone.replaceAll("\\D", "");
		if (digits.startsWith("0084")) {
			return "0" + digits.substring(4);
		}
		if (digits.startsWith("84") && digits.length() >= 11) {
			return "0" + digits.substring(2);
		}
		return digits;
	}
}
