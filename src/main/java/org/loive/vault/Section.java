package org.loive.vault;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

	/** The codes of the sections, as access decisions and the audit trail name them. */
	public static Set<String> codes(Collection<Section> sections) {
		return sections.stream().map(Section::code).collect(Collectors.toCollection(TreeSet::new));
	}

	public static Optional<Section> ofCode(String code) {
		return Arrays.stream(values()).filter(section -> section.code.equals(code)).findFirst();
	}
}
