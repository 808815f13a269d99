package org.loive.criminal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.web.Form;
import org.loive.platform.web.FormView;
import org.loive.platform.web.Forms;
import org.loive.platform.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The province's criminal cases in the browser: the list with the form that opens one, and a case's page with
 * its milestones, its linked referral cases and the forms that record on it. Every page calls the service
 * {@code /api/v1/criminal-cases} calls; forms are the records that API validates.
 */
@PageController
class CriminalCasePages {

	static final Form NEW = Form.of(CriminalCaseController.NewCriminalCase.class);
	static final Form LINK = Form.of(CriminalCaseController.Link.class);
	static final Form MILESTONE = Form.of(CriminalCaseController.MilestoneRecord.class);
	static final int PAGE_SIZE = 50;

	private final CriminalCases cases;
	private final Forms forms;

	CriminalCasePages(CriminalCases cases, Forms forms) {
		this.cases = cases;
		this.forms = forms;
	}

	@GetMapping("/criminal-cases")
	String list(Officer officer, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, Model model) {
		return listPage(officer, page, model);
	}

	@PostMapping("/criminal-cases")
	String create(@RequestParam MultiValueMap<String, String> params, Officer officer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Forms.Bound<CriminalCaseController.NewCriminalCase> bound = forms.bind(NEW, params,
				CriminalCaseController.NewCriminalCase.class);
		if (!bound.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("newForm", forms.view(NEW, params, bound.errors(), null));
			return listPage(officer, 0, model);
		}
		UUID id = cases.create(bound.value(), officer);
		redirect.addFlashAttribute("done", "created");
		return "redirect:/criminal-cases/" + id;
	}

	@GetMapping("/criminal-cases/{criminalCaseId}")
	String view(@PathVariable UUID criminalCaseId, Officer officer, Model model) {
		return casePage(criminalCaseId, officer, model);
	}

	@PostMapping("/criminal-cases/{criminalCaseId}/milestones")
	String milestone(@PathVariable UUID criminalCaseId, @RequestParam MultiValueMap<String, String> params,
			Officer officer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Forms.Bound<CriminalCaseController.MilestoneRecord> bound = forms.bind(MILESTONE, params,
				CriminalCaseController.MilestoneRecord.class);
		if (bound.valid()) {
			try {
				cases.record(criminalCaseId, bound.value(), officer);
				return done(criminalCaseId, "milestone", redirect);
			}
			catch (InvalidRequestException refused) {
				return invalid(criminalCaseId, officer, model, response, "milestoneForm",
						forms.view(MILESTONE, params, forms.errors(refused, ""), null));
			}
		}
		return invalid(criminalCaseId, officer, model, response, "milestoneForm",
				forms.view(MILESTONE, params, bound.errors(), null));
	}

	@PostMapping("/criminal-cases/{criminalCaseId}/cases")
	String link(@PathVariable UUID criminalCaseId, @RequestParam MultiValueMap<String, String> params, Officer officer,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Forms.Bound<CriminalCaseController.Link> bound = forms.bind(LINK, params, CriminalCaseController.Link.class);
		if (!bound.valid()) {
			return invalid(criminalCaseId, officer, model, response, "linkForm",
					forms.view(LINK, params, bound.errors(), null));
		}
		cases.link(criminalCaseId, bound.value().reference(), officer);
		return done(criminalCaseId, "linked", redirect);
	}

	@PostMapping("/criminal-cases/{criminalCaseId}/cases/{caseId}/unlink")
	String unlink(@PathVariable UUID criminalCaseId, @PathVariable UUID caseId, Officer officer,
			RedirectAttributes redirect) {
		cases.unlink(criminalCaseId, caseId, officer);
		return done(criminalCaseId, "unlinked", redirect);
	}

	private String listPage(Officer officer, int page, Model model) {
		model.addAttribute("cases", cases.list(officer, page, PAGE_SIZE));
		model.addAttribute("police", officer.hasRole(Officer.CASEWORKER) && officer.belongsTo(Agency.POLICE.group()));
		if (!model.containsAttribute("newForm")) {
			model.addAttribute("newForm", forms.view(NEW, null, null, null));
		}
		return "criminal/cases";
	}

	/** Back to the criminal case, whose page confirms what was recorded. */
	private static String done(UUID criminalCaseId, String what, RedirectAttributes redirect) {
		redirect.addFlashAttribute("done", what);
		return "redirect:/criminal-cases/" + criminalCaseId;
	}

	/** The case page again, with the refused form's values and messages; nothing was recorded. */
	private String invalid(UUID criminalCaseId, Officer officer, Model model, HttpServletResponse response, String name,
			FormView refused) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute(name, refused);
		return casePage(criminalCaseId, officer, model);
	}

	/**
	 * The case, its milestones and referral cases; the milestone form for the agency whose turn it is, with the
	 * next milestone chosen, and the link forms for the police.
	 */
	private String casePage(UUID criminalCaseId, Officer officer, Model model) {
		CriminalCaseView view = cases.view(criminalCaseId, officer);
		Optional<Milestone> next = view.status().next();
		boolean caseworker = officer.hasRole(Officer.CASEWORKER);
		model.addAttribute("view", view);
		model.addAttribute("next", next.orElse(null));
		model.addAttribute("recordsNext", caseworker && next.isPresent() && officer.belongsTo(next.get().recordedBy().group()));
		model.addAttribute("police", caseworker && officer.belongsTo(Agency.POLICE.group()));
		MultiValueMap<String, String> preset = new LinkedMultiValueMap<>();
		next.ifPresent(milestone -> preset.add("milestone", milestone.name()));
		Map.of("milestoneForm", forms.view(MILESTONE, preset, null, null), "linkForm", forms.view(LINK, null, null, null))
			.forEach((name, form) -> {
				if (!model.containsAttribute(name)) {
					model.addAttribute(name, form);
				}
			});
		return "criminal/case";
	}
}
