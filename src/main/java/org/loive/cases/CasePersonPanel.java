package org.loive.cases;

import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.platform.web.Form;
import org.loive.platform.web.FormView;
import org.loive.platform.web.Forms;
import org.loive.platform.web.VietnamTime;
import org.loive.vault.Consents;
import org.loive.vault.PersonalData;
import org.loive.vault.Section;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The persons panel of a case, as the task page and the case page load it: the persons by role and codes;
 * for each, the sections the officer could read now, as the decision point says without releasing or
 * recording anything, so that only those are offered; the consents and the forms of an involved agency;
 * a supervisor's break-glass form. Nothing personal: the data comes only with a deliberate reveal.
 */
@Service
class CasePersonPanel {

	/** The panel; {@code done} the confirmation of the change just made, if any. */
	record Panel(UUID caseId, UUID task, List<Person> persons, boolean caseworker, boolean supervisor,
			FormView addPerson, String done) {
	}

	/**
	 * A person: codes, the sections to offer, the others grouped by why they are refused, the consents, and
	 * the person's forms; {@code notice} a message of the form in error that belongs to no field.
	 */
	record Person(UUID personId, CasePersons.Role role, String sex, String ageBand, List<String> readable,
			Map<VictimDataAccess.Refusal, List<String>> refused, List<ConsentLine> consents, FormView sections,
			FormView consent, FormView breakGlass, String open, String notice) {
	}

	/** A consent as listed: labels and dates for people. */
	record ConsentLine(UUID consentId, Consents.Purpose purpose, String recipient, List<String> sections,
			String grantedBy, String grantedAt, String withdrawnBy, String withdrawnAt, boolean active) {
	}

	/** What an officer entered in one of the panel's forms and what was wrong with it, to show it again. */
	record Entered(String form, UUID personId, MultiValueMap<String, String> values, Map<String, String> errors) {

		static final String SECTIONS = "sections";
		static final String CONSENT = "consent";
		static final String BREAK_GLASS = "break-glass";
		static final String ADD_PERSON = "add-person";

		private boolean of(String name, UUID person) {
			return form.equals(name) && (person == null || person.equals(personId));
		}
	}

	static final Form PERSONAL_DATA = Form.of(PersonalData.class);
	static final Form NEW_PERSON = Form.of(CasePersonController.NewPerson.class);
	static final Form CONSENT = Form.of(CasePersonController.ConsentRequest.class);
	static final Form BREAK_GLASS = Form.of(CasePersonController.BreakGlass.class);

	private static final Set<String> ALL = Section.codes(EnumSet.allOf(Section.class));

	private final Cases cases;
	private final CasePersons persons;
	private final CasePersonRecords records;
	private final VictimDataAccess access;
	private final Forms forms;
	private final MessageSource messages;
	private final VietnamTime time;

	CasePersonPanel(Cases cases, CasePersons persons, CasePersonRecords records, VictimDataAccess access, Forms forms,
			MessageSource messages, VietnamTime time) {
		this.cases = cases;
		this.persons = persons;
		this.records = records;
		this.access = access;
		this.forms = forms;
		this.messages = messages;
		this.time = time;
	}

	/** The panel of a case of the officer's province (403 for another province, 404 for no such case). */
	Panel of(UUID caseId, UUID task, Officer officer, Entered entered, String doneKey) {
		cases.visible(caseId, officer);
		VictimDataAccess.CaseScope scope = cases.scope(caseId);
		boolean caseworker = officer.hasRole(Officer.CASEWORKER);
		boolean supervisor = officer.hasRole(Officer.SUPERVISOR);
		List<Person> listed = persons.coded(caseId)
			.stream()
			.map(person -> person(caseId, person, scope, officer, supervisor, entered))
			.toList();
		boolean involved = listed.stream().anyMatch(person -> person.sections() != null);
		return new Panel(caseId, task, listed, caseworker, supervisor,
				involved ? view(NEW_PERSON, entered, Entered.ADD_PERSON, null) : null,
				doneKey == null ? null : message(doneKey));
	}

	/** Section codes in the order the page shows them. */
	static List<String> ordered(Set<String> codes) {
		return Arrays.stream(Section.values()).map(Section::code).filter(codes::contains).toList();
	}

	/** A supervisor's break-glass form, empty or as entered. */
	FormView breakGlass(UUID personId, Entered entered) {
		return view(BREAK_GLASS, entered, Entered.BREAK_GLASS, personId);
	}

	String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private Person person(UUID caseId, CasePersons.CodedPerson person, VictimDataAccess.CaseScope scope, Officer officer,
			boolean supervisor, Entered entered) {
		UUID id = person.personId();
		VictimDataAccess.Readable readable = access.readable(officer, scope, id, ALL);
		Map<VictimDataAccess.Refusal, List<String>> refused = new LinkedHashMap<>();
		for (Section section : Section.values()) {
			VictimDataAccess.Refusal refusal = readable.refused().get(section.code());
			if (refusal != null) {
				refused.computeIfAbsent(refusal, r -> new ArrayList<>()).add(section.code());
			}
		}
		boolean involved = readable.involved();
		List<ConsentLine> consents = involved ? records.consents(caseId, id, officer).stream().map(this::line).toList()
				: List.of();
		String open = entered == null || !id.equals(entered.personId()) ? null : entered.form();
		String notice = open == null ? null : entered.errors().get("");
		return new Person(id, person.role(), person.sex(), person.ageBand(),
				ordered(readable.sections()), refused, consents, involved ? view(PERSONAL_DATA, entered, Entered.SECTIONS, id) : null,
				involved ? view(CONSENT, entered, Entered.CONSENT, id) : null,
				supervisor ? breakGlass(id, entered) : null, open, notice);
	}

	private ConsentLine line(Consents.Consent consent) {
		return new ConsentLine(consent.consentId(), consent.purpose(), consent.recipientAgency().label(),
				ordered(Section.codes(consent.sections())), consent.grantedBy(), moment(consent.grantedAt()), consent.withdrawnBy(),
				moment(consent.withdrawnAt()), consent.active());
	}

	private FormView view(Form form, Entered entered, String name, UUID personId) {
		boolean mine = entered != null && entered.of(name, personId);
		FormView view = forms.view(form, mine ? entered.values() : null, mine ? entered.errors() : null, choices());
		return CasePersonPanelForms.scoped(view, personId == null ? name : personId.toString());
	}

	/** Sections by their codes, as the API names them; agencies by their names in both languages. */
	private Map<String, List<FormView.Choice>> choices() {
		return Map.of("sections", Arrays.stream(Section.values())
			.map(section -> new FormView.Choice(section.code(), message("persons.section." + section.code())))
			.toList(), "agencies", Arrays.stream(Agency.values())
			.map(agency -> new FormView.Choice(agency.name(), agency.label()))
			.toList());
	}

	/**
	 * The form of a record, its nested records' forms read first: {@link Form#of} caches with
	 * {@code ConcurrentHashMap.computeIfAbsent}, which throws "Recursive update" when a nested form is
	 * computed inside its parent's computation and falls into the same bin.
	 */
	private String moment(Instant instant) {
		return instant == null ? null : time.dateTime(instant);
	}
}
