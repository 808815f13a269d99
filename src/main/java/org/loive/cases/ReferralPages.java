package org.loive.cases;

import jakarta.servlet.http.HttpServletResponse;
import org.loive.access.Officer;
import org.loive.platform.Vietnam;
import org.loive.platform.web.Form;
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

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Receiving a report in the browser: the intake body of {@code POST /api/v1/referrals} as a form, read and
 * validated as the API reads it, registered by the same service; then the reference and the flags.
 */
@PageController
class ReferralPages {

	static final Form FORM = Form.of(ReferralRequest.class);

	private final Intake intake;
	private final Cases cases;
	private final Forms forms;
	private final Clock clock;

	ReferralPages(Intake intake, Cases cases, Forms forms, Clock clock) {
		this.intake = intake;
		this.cases = cases;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/referrals/new")
	String form(Officer officer, Model model) {
		return page(model, defaults(officer), Map.of());
	}

	@PostMapping("/referrals")
	String receive(@RequestParam MultiValueMap<String, String> params, Officer officer, Model model,
			HttpServletResponse response) {
		Forms.Bound<ReferralRequest> bound = forms.bind(FORM, params, ReferralRequest.class);
		if (!bound.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, params, bound.errors());
		}
		return "redirect:/cases/" + intake.register(bound.value(), officer).caseId() + "/registered";
	}

	@GetMapping("/cases/{caseId}/registered")
	String registered(@PathVariable UUID caseId, Officer officer, Model model) {
		model.addAttribute("registered", cases.view(caseId, officer));
		return "cases/referral-registered";
	}

	private String page(Model model, MultiValueMap<String, String> values, Map<String, String> errors) {
		model.addAttribute("form", forms.view(FORM, values, errors, null));
		return "cases/referral-new";
	}

	/** The officer's own area, and now in Vietnam's time, as the form's starting values. */
	private MultiValueMap<String, String> defaults(Officer officer) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		if (officer.area() != null) {
			values.add("area", officer.area());
		}
		values.add("receivedAt", LocalDateTime.now(clock.withZone(Vietnam.ZONE)).truncatedTo(ChronoUnit.MINUTES).toString());
		return values;
	}
}
