package org.loive.vault;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The parts of a person's data, each encrypted and released on its own. */
public enum Section {

	IDENTITY("identity", PersonalData.Identity.class),
	CONTACT("contact", PersonalData.Contact.class),
	NARRATIVE("narrative", PersonalData.Narrative.class),
	HEALTH("health", PersonalData.Health.class),
	LEGAL("legal", PersonalData.Legal.class);

	private final String code;
	private final Class<?> content;

	Section(String code, Class<?> content) {
		this.code = code;
		this.content = content;
	}

	@JsonValue
	public String code() {
		return code;
	}

	Class<?> content() {
		return content;
	}

	public static Optional<Section> ofCode(String code) {
		return Arrays.stream(values()).filter(section -> section.code.equals(code)).findFirst();
	}
}
