package org.loive.audit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import org.loive.platform.Vietnam;
import org.loive.platform.web.Form;
import org.loive.platform.web.Forms;
import org.loive.platform.web.PageController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** The auditor's pages: the trail and its verification, break-glass reviews, export, disclosure to a person. */
@PageController
class AuditPages {

	/** One access as the disclosure document shows it. */
	record Disclosed(AuditTrail.Access access, Purpose purpose) {
	}

	/** A flagged read waiting for its finding, with the reason its reader stated. */
	record Flagged(AuditRecord event, Purpose purpose) {
	}

	static final int PAGE_SIZE = 50;
	private static final Form SEARCH = Form.of(TrailSearch.class);
	private static final Form REVIEW = Form.of(AuditorActions.Review.class);

	private final AuditTrail trail;
	private final AuditorActions actions;
	private final Forms forms;
	private final Clock clock;

	AuditPages(AuditTrail trail, AuditorActions actions, Forms forms, Clock clock) {
		this.trail = trail;
		this.actions = actions;
		this.forms = forms;
		this.clock = clock;
	}

	/** Times on the pages are Vietnam's. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return Vietnam.ZONE;
	}

	/** The filters come as the query: a bad id or date is shown next to its field, and nothing is searched. */
	@GetMapping("/audit")
	String trail(@RequestParam MultiValueMap<String, String> query,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "validation.page") int page, Model model,
			HttpServletResponse response) {
		query.remove("page");
		Forms.Bound<TrailSearch> search = forms.bind(SEARCH, query, TrailSearch.class);
		model.addAttribute("filters", forms.view(SEARCH, query, search.errors(), null));
		model.addAttribute("filterQuery", UriComponentsBuilder.newInstance().queryParams(query).build().encode().getQuery());
		if (!search.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "audit/trail";
		}
		model.addAttribute("events", trail.events(search.value().filter(), page, PAGE_SIZE));
		return "audit/trail";
	}

	@GetMapping("/audit/verification")
	String verification(Model model) {
		model.addAttribute("result", trail.verify());
		return "audit/fragments :: verification";
	}

	@GetMapping("/audit/reviews")
	String reviews(Model model) {
		model.addAttribute("findings", AuditorActions.Finding.values())
			.addAttribute("pending", trail.pendingReviews(PAGE_SIZE).stream()
				.map(event -> new Flagged(event, Purpose.of(event.purpose())))
				.toList());
		return "audit/reviews";
	}

	/** A finding read and validated as the API reads it; refused, the queue comes back with the message. */
	@PostMapping("/audit/reviews")
	String review(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Forms.Bound<AuditorActions.Review> review = forms.bind(REVIEW, form, AuditorActions.Review.class);
		if (!review.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("failedSeq", form.getFirst("seq"))
				.addAttribute("reviewErrors", review.errors())
				.addAttribute("reviewValues", form.toSingleValueMap());
			return reviews(model);
		}
		redirect.addFlashAttribute("done", actions.review(review.value()));
		redirect.addFlashAttribute("reviewed", review.value().seq());
		return "redirect:/audit/reviews";
	}

	@GetMapping("/audit/export")
	ResponseEntity<StreamingResponseBody> export(
			@RequestParam(defaultValue = "1") @Min(value = 1, message = "validation.seq") long fromSeq,
			@RequestParam(defaultValue = "9223372036854775807") @Min(value = 1, message = "validation.seq") long toSeq) {
		return actions.export(fromSeq, toSeq);
	}

	@GetMapping("/audit/public-key")
	ResponseEntity<String> publicKey() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"public-key.json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(trail.publicKeyset());
	}

	/** A printable document for the person: agencies, and the officers only when the auditor asks. */
	@GetMapping("/audit/persons/{personId}/accesses")
	String accesses(@PathVariable UUID personId, @RequestParam(defaultValue = "false") boolean officers, Model model) {
		model.addAttribute("personId", personId)
			.addAttribute("officers", officers)
			.addAttribute("today", LocalDate.now(clock.withZone(Vietnam.ZONE)))
			.addAttribute("accesses", actions.disclose(personId, officers).stream()
				.map(access -> new Disclosed(access, Purpose.of(access.purpose())))
				.toList());
		return "audit/disclosure";
	}
}
