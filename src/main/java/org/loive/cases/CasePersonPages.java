package org.loive.cases;

import jakarta.servlet.http.HttpServletResponse;
import org.loive.access.Officer;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.web.Forms;
import org.loive.platform.web.PageController;
import org.loive.vault.PersonalData;
import org.loive.vault.Section;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The persons of a case on the web: the panel the task page and the case page load with htmx, the
 * deliberate reveal of a section, a supervisor's break-glass read, and the forms that write sections, add a
 * person and record consents. Every read and change goes through {@link CasePersonRecords}, as the API's
 * does, so the one decision point allows, refuses and records it. Victim data only ever in POST bodies.
 */
@PageController
class CasePersonPages {

	private static final String HTMX = "HX-Request";
	private static final String PANEL = "cases/persons :: panel";

	private final CasePersonRecords records;
	private final CasePersonPanel panels;
	private final Forms forms;

	CasePersonPages(CasePersonRecords records, CasePersonPanel panels, Forms forms) {
		this.records = records;
		this.panels = panels;
		this.forms = forms;
	}

	@GetMapping("/cases/{caseId}/persons-panel")
	String panel(@PathVariable UUID caseId, @RequestParam(required = false) UUID task, Officer officer, Model model,
			@RequestHeader(name = HTMX, required = false) String htmx) {
		model.addAttribute("panel", panels.of(caseId, task, officer, null, null));
		return htmx == null ? "cases/persons-page" : PANEL;
	}

	/** A deliberate click: the sections asked for, decided and recorded by the decision point, for the task. */
	@PostMapping("/cases/{caseId}/persons/{personId}/reveal")
	String reveal(@PathVariable UUID caseId, @PathVariable UUID personId, @RequestParam String sections,
			@RequestParam(required = false) UUID task, Officer officer, Model model,
			@RequestHeader(name = HTMX, required = false) String htmx) {
		Set<Section> requested = CasePersonController.sections(sections);
		model.addAttribute("caseId", caseId);
		model.addAttribute("person", records.read(caseId, personId, requested, officer));
		model.addAttribute("sections", CasePersonPanel.ordered(Section.codes(requested)));
		return htmx == null ? "cases/persons-revealed" : "cases/persons :: revealed";
	}

	/** Empties a revealed section's place: the "hide" button of the revealed block. */
	@GetMapping(path = "/cases/{caseId}/persons/{personId}/hidden", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String hide() {
		return "";
	}

	@PostMapping("/cases/{caseId}/persons/{personId}/break-glass")
	String breakGlass(@PathVariable UUID caseId, @PathVariable UUID personId,
			@RequestParam MultiValueMap<String, String> params, Officer officer, Model model, HttpServletResponse response,
			@RequestHeader(name = HTMX, required = false) String htmx) {
		Forms.Bound<CasePersonController.BreakGlass> bound = forms.bind(CasePersonPanel.BREAK_GLASS, params,
				CasePersonController.BreakGlass.class);
		model.addAttribute("caseId", caseId);
		model.addAttribute("personId", personId);
		if (!bound.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", panels.breakGlass(personId,
					new CasePersonPanel.Entered(CasePersonPanel.Entered.BREAK_GLASS, personId, params, bound.errors())));
			return htmx == null ? "cases/persons-revealed" : "cases/persons :: breakGlass";
		}
		CasePersonController.BreakGlass body = bound.value();
		model.addAttribute("person",
				records.breakGlass(caseId, personId, body.sections(), body.reason(), body.reference(), officer));
		model.addAttribute("sections", CasePersonPanel.ordered(Section.codes(body.sections())));
		model.addAttribute("form", panels.breakGlass(personId, null));
		return htmx == null ? "cases/persons-revealed" : "cases/persons :: breakGlass";
	}

	@PostMapping("/cases/{caseId}/persons/{personId}/sections")
	String write(@PathVariable UUID caseId, @PathVariable UUID personId, @RequestParam(required = false) UUID task,
			@RequestParam MultiValueMap<String, String> params, Officer officer, Model model, RedirectAttributes redirect,
			HttpServletResponse response, @RequestHeader(name = HTMX, required = false) String htmx) {
		Forms.Bound<PersonalData> bound = forms.bind(CasePersonPanel.PERSONAL_DATA, params, PersonalData.class);
		Forms.Bound<PersonalData> checked = bound.valid() && bound.value().equals(PersonalData.empty())
				? new Forms.Bound<>(null, Map.of("", panels.message("validation.section-required"))) : bound;
		return submit(new Submission<>(caseId, task, personId, CasePersonPanel.Entered.SECTIONS, params, checked,
				data -> records.amend(caseId, personId, data, officer), "persons.done.sections"), officer, model, redirect,
				response, htmx);
	}

	@PostMapping("/cases/{caseId}/persons")
	String add(@PathVariable UUID caseId, @RequestParam(required = false) UUID task,
			@RequestParam MultiValueMap<String, String> params, Officer officer, Model model,
			RedirectAttributes redirect, HttpServletResponse response,
			@RequestHeader(name = HTMX, required = false) String htmx) {
		return submit(new Submission<>(caseId, task, null, CasePersonPanel.Entered.ADD_PERSON, params,
				forms.bind(CasePersonPanel.NEW_PERSON, params, CasePersonController.NewPerson.class),
				person -> records.add(caseId, person.role(), person.person(), officer), "persons.done.added"), officer,
				model, redirect, response, htmx);
	}

	@PostMapping("/cases/{caseId}/persons/{personId}/consents")
	String grant(@PathVariable UUID caseId, @PathVariable UUID personId, @RequestParam(required = false) UUID task,
			@RequestParam MultiValueMap<String, String> params, Officer officer, Model model, RedirectAttributes redirect,
			HttpServletResponse response, @RequestHeader(name = HTMX, required = false) String htmx) {
		return submit(new Submission<>(caseId, task, personId, CasePersonPanel.Entered.CONSENT, params,
				forms.bind(CasePersonPanel.CONSENT, params, CasePersonController.ConsentRequest.class),
				consent -> records.grant(caseId, personId, consent.purpose(), consent.recipientAgency(), consent.sections(),
						officer), "persons.done.consent"), officer, model, redirect, response, htmx);
	}

	@PostMapping("/cases/{caseId}/persons/{personId}/consents/{consentId}/withdrawal")
	String withdraw(@PathVariable UUID caseId, @PathVariable UUID personId, @PathVariable UUID consentId,
			@RequestParam(required = false) UUID task, Officer officer, Model model, RedirectAttributes redirect,
			@RequestHeader(name = HTMX, required = false) String htmx) {
		records.withdraw(caseId, personId, consentId, officer);
		return done(caseId, task, "persons.done.withdrawn", officer, model, redirect, htmx);
	}

	/** A form of the panel read back: what to do with a valid value, and the confirmation to show after. */
	private record Submission<T>(UUID caseId, UUID task, UUID personId, String form,
			MultiValueMap<String, String> params, Forms.Bound<T> bound, Consumer<T> action, String doneKey) {
	}

	/**
	 * A valid form is done and confirmed: the panel again for htmx, the case page otherwise. A form refused,
	 * by its record's checks or by the service's, is shown again with status 400, its values and messages.
	 */
	private <T> String submit(Submission<T> submission, Officer officer, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String htmx) {
		Map<String, String> errors = submission.bound().errors();
		if (submission.bound().valid()) {
			try {
				submission.action().accept(submission.bound().value());
				return done(submission.caseId(), submission.task(), submission.doneKey(), officer, model, redirect, htmx);
			}
			catch (InvalidRequestException refused) {
				errors = forms.errors(refused, "");
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("panel", panels.of(submission.caseId(), submission.task(), officer, new CasePersonPanel.Entered(
				submission.form(), submission.personId(), submission.params(), errors), null));
		return htmx == null ? "cases/persons-page" : PANEL;
	}

	private String done(UUID caseId, UUID task, String doneKey, Officer officer, Model model, RedirectAttributes redirect,
			String htmx) {
		if (htmx == null) {
			redirect.addFlashAttribute("done", panels.message(doneKey));
			return "redirect:/cases/" + caseId;
		}
		model.addAttribute("panel", panels.of(caseId, task, officer, null, doneKey));
		return PANEL;
	}

}
