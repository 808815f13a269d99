package org.loive.reporting;

import jakarta.servlet.http.HttpServletResponse;
import org.loive.access.Officer;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.web.Form;
import org.loive.platform.web.Forms;
import org.loive.platform.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The reporting calendar, a report's preview and submission, the submissions and their versions, in the browser. */
@PageController
class ReportSubmissionPages {

	static final Form SUBMIT = Form.of(SubmissionForm.class);

	private final SubmissionViews views;
	private final Forms forms;

	ReportSubmissionPages(SubmissionViews views, Forms forms) {
		this.views = views;
		this.forms = forms;
	}

	@GetMapping("/reports/calendar")
	String calendar(Officer officer, Locale locale, Model model) {
		model.addAttribute("lines", views.calendar(officer, locale));
		return "reporting/calendar";
	}

	@GetMapping("/reports/submit")
	String preview(@RequestParam String obligation, @RequestParam String period, Officer officer, Locale locale,
			Model model) {
		return submitPage(obligation, period, officer, locale, model, forms.view(SUBMIT, null, null, null), null);
	}

	@PostMapping("/reports/submit")
	String submit(@RequestParam String obligation, @RequestParam String period,
			@RequestParam(defaultValue = "0") int expectedVersion, @RequestParam(required = false) UUID request,
			@RequestParam MultiValueMap<String, String> params, Officer officer, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Forms.Bound<SubmissionForm> bound = forms.bind(SUBMIT, params, SubmissionForm.class);
		Map<String, String> errors = bound.errors();
		String refusal = null;
		if (bound.valid()) {
			try {
				ReportSubmissions.Summary made = views.submit(officer, obligation, period(period), expectedVersion, request,
						bound.value());
				redirect.addFlashAttribute("done", "submitted");
				return "redirect:/reports/submissions/" + made.id();
			}
			catch (InvalidRequestException refused) {
				errors = new HashMap<>(forms.errors(refused, ""));
				model.addAttribute("periodError", errors.remove("period"));
			}
			catch (ApiException conflict) {
				if (conflict.status() != HttpStatus.CONFLICT) {
					throw conflict;
				}
				refusal = conflict.messageKey();
			}
		}
		response.setStatus(refusal == null ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
		return submitPage(obligation, period, officer, locale, model, forms.view(SUBMIT, params, errors, null), refusal);
	}

	@GetMapping("/reports/submissions")
	String submissions(Officer officer, Model model) {
		model.addAttribute("submissions", views.list(officer));
		return "reporting/submissions";
	}

	@GetMapping("/reports/submissions/{id}")
	String submission(@PathVariable UUID id, Officer officer, Locale locale, Model model) {
		model.addAttribute("submission", views.submission(officer, id, locale));
		return "reporting/submission";
	}

	@GetMapping("/reports/submissions/{id}/document.docx")
	ResponseEntity<byte[]> document(@PathVariable UUID id, Officer officer) {
		return ReportPages.download(views.document(officer, id));
	}

	private String submitPage(String obligation, String period, Officer officer, Locale locale, Model model,
			Object form, String refusal) {
		model.addAttribute("preview", views.preview(officer, obligation, period(period), locale));
		model.addAttribute("form", form);
		model.addAttribute("request", UUID.randomUUID());
		model.addAttribute("refusal", refusal);
		return "reporting/submit";
	}

	private static ReportPeriod period(String period) {
		return PeriodParameter.requested(period, () -> null);
	}
}
