package org.loive.cases;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.loive.access.Officer;
import org.loive.criminal.CriminalCases;
import org.loive.platform.web.Form;
import org.loive.platform.web.FormView;
import org.loive.platform.web.Forms;
import org.loive.platform.web.PageController;
import org.loive.platform.web.SvgImages;
import org.loive.workflow.ReferralProcess;
import org.loive.workflow.Stage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cases of the province in the browser: the list, the case page without victim data (its chain, the
 * diagram with the current steps, the criminal cases it belongs to), and what caseworkers and supervisors record
 * on a case. Every page calls the service {@code /api/v1/cases} calls.
 */
@PageController
class CasePages {

	static final Form WITHDRAWAL = Form.of(CaseController.ConsentWithdrawal.class);
	static final Form TRANSFER = Form.of(CaseController.Transfer.class);
	static final Form REPORT = Form.of(CaseController.ResolveReport.class);
	static final int PAGE_SIZE = 50;

	/** The diagram is shown through {@code <img>}: its own styles only, nothing else. */

	private final Cases cases;
	private final CaseDiagrams diagrams;
	private final Forms forms;
	private final CriminalCases criminalCases;

	CasePages(Cases cases, CaseDiagrams diagrams, Forms forms, CriminalCases criminalCases) {
		this.cases = cases;
		this.diagrams = diagrams;
		this.forms = forms;
		this.criminalCases = criminalCases;
	}

	@GetMapping("/cases")
	String list(Officer officer, @RequestParam(required = false) @Size(max = 32) String q,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) YearMonth received,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, Model model) {
		model.addAttribute("cases", cases.list(officer, q, stage, overdue, received, page, PAGE_SIZE));
		model.addAttribute("stages", Stage.values());
		return "cases/cases";
	}

	@GetMapping("/cases/{caseId}")
	String view(@PathVariable UUID caseId, Officer officer, Model model) {
		return page(caseId, officer, model);
	}

	@GetMapping("/cases/{caseId}/diagram/{processKey}.svg")
	ResponseEntity<String> diagram(@PathVariable UUID caseId, @PathVariable String processKey, Officer officer) {
		return SvgImages.ok(diagrams.marked(processKey,
				cases.currentActivities(caseId, officer).getOrDefault(processKey, Set.of())));
	}

	@PostMapping("/cases/{caseId}/consent-withdrawal")
	String withdrawConsent(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> params,
			Officer officer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Forms.Bound<CaseController.ConsentWithdrawal> bound = forms.bind(WITHDRAWAL, params,
				CaseController.ConsentWithdrawal.class);
		return bound.valid() ? done(caseId, "withdrawal", redirect, () -> cases.withdrawConsent(caseId,
				bound.value().reason().name(), officer))
				: invalid(caseId, officer, model, response, "withdrawalForm",
						forms.view(WITHDRAWAL, params, bound.errors(), null));
	}

	@PostMapping("/cases/{caseId}/report-resolution")
	String resolveReport(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> params, Officer officer,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Forms.Bound<CaseController.ResolveReport> bound = forms.bind(REPORT, params, CaseController.ResolveReport.class);
		return bound.valid() ? done(caseId, "report-resolution", redirect, () -> cases.resolveReport(caseId,
				bound.value().outcome(), bound.value().decidedOn(), officer))
				: invalid(caseId, officer, model, response, "reportForm", forms.view(REPORT, params, bound.errors(), null));
	}

	@PostMapping("/cases/{caseId}/transfer")
	String transfer(@PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> params, Officer officer,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Forms.Bound<CaseController.Transfer> bound = forms.bind(TRANSFER, params, CaseController.Transfer.class);
		if (!bound.valid()) {
			return invalid(caseId, officer, model, response, "transferForm", forms.view(TRANSFER, params, bound.errors(), null));
		}
		cases.transfer(caseId, bound.value().area(), officer);
		redirect.addFlashAttribute("done", "transfer");
		return "redirect:/cases"; // the case is no longer the province's to show
	}

	/** Back to the case, whose page confirms what was recorded. */
	private static String done(UUID caseId, String what, RedirectAttributes redirect, Runnable action) {
		action.run();
		redirect.addFlashAttribute("done", what);
		return "redirect:/cases/" + caseId;
	}

	/** The case page again, with the refused form's values and messages; nothing was recorded. */
	private String invalid(UUID caseId, Officer officer, Model model, HttpServletResponse response, String name,
			FormView refused) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute(name, refused);
		return page(caseId, officer, model);
	}

	private String page(UUID caseId, Officer officer, Model model) {
		CaseView view = cases.view(caseId, officer);
		model.addAttribute("view", view);
		model.addAttribute("timeline", CaseTimeline.of(view));
		model.addAttribute("diagrams", CaseTimeline.diagrams(view.openTasks(), ReferralProcess.KEY));
		model.addAttribute("caseworker", officer.hasRole(Officer.CASEWORKER));
		model.addAttribute("supervisor", officer.hasRole(Officer.SUPERVISOR));
		model.addAttribute("reportResolver", officer.hasRole(Officer.CASEWORKER) && Cases.resolvesReports(officer));
		model.addAttribute("criminalCases", criminalCases.linkedTo(caseId, officer));
		Map.of("withdrawalForm", WITHDRAWAL, "transferForm", TRANSFER, "reportForm", REPORT)
			.forEach((name, form) -> {
				if (!model.containsAttribute(name)) {
					model.addAttribute(name, forms.view(form, null, null, null));
				}
			});
		return "cases/case";
	}
}
