package org.loive.workflow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loive.access.Officer;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.Problems;
import org.loive.platform.web.Form;
import org.loive.platform.web.FormReader;
import org.loive.platform.web.Forms;
import org.loive.platform.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * The caseworker's pages: the inbox, claiming and releasing a task from it (a row updated in place by htmx,
 * or the inbox again without JavaScript), a task's page and its completion, and the providers' service
 * referrals. Every decision is the services' the API calls.
 */
@PageController
class TaskPageController {

	/** Tasks on one page of the inbox. */
	private static final int PAGE_SIZE = 25;

	private final CaseTasks caseTasks;
	private final ServiceReferrals referrals;
	private final TaskPages pages;
	private final Forms forms;
	private final Problems problems;

	TaskPageController(CaseTasks caseTasks, ServiceReferrals referrals, TaskPages pages, Forms forms, Problems problems) {
		this.caseTasks = caseTasks;
		this.referrals = referrals;
		this.pages = pages;
		this.forms = forms;
		this.problems = problems;
	}

	@GetMapping("/inbox")
	String inbox(Officer officer, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String step, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, Model model) {
		InboxQuery query = InboxQuery.of(filter, step, sort);
		model.addAttribute("inbox", pages.inbox(caseTasks.inbox(officer, query, Math.max(page, 0), PAGE_SIZE), query, officer));
		return "workflow/inbox";
	}

	@PostMapping("/inbox/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, Officer officer, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return row(() -> caseTasks.claim(taskId, officer), officer, request, response, model);
	}

	@PostMapping("/inbox/tasks/{taskId}/release")
	String release(@PathVariable String taskId, Officer officer, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return row(() -> caseTasks.release(taskId, officer), officer, request, response, model);
	}

	@GetMapping("/tasks/{taskId}")
	String task(@PathVariable String taskId, Officer officer, Model model) {
		model.addAttribute("page", pages.task(caseTasks.detail(taskId, officer), officer, null, null));
		return "workflow/task";
	}

	/** The decision read as the API reads it; refused, the form again with each message beside its field. */
	@PostMapping("/tasks/{taskId}")
	String complete(@PathVariable String taskId, Officer officer, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CaseTasks.TaskDetail detail = caseTasks.detail(taskId, officer);
		Form form = Form.of(TaskForms.form(detail.task().taskKey()));
		try {
			caseTasks.complete(taskId, officer, new CompleteTaskRequest(FormReader.read(form, params, ""), null));
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", pages.task(detail, officer, params, forms.errors(e, "decision.")));
			return "workflow/task";
		}
		redirect.addFlashAttribute("done", pages.done(detail));
		return "redirect:/inbox";
	}

	@GetMapping("/service-referrals")
	String serviceReferrals(Officer officer, Model model) {
		model.addAttribute("referrals", pages.referrals(referrals.of(officer)));
		return "workflow/service-referrals";
	}

	/**
	 * The task's row again for htmx; a refusal as an alert above the table, the row left as it was. Without
	 * JavaScript the inbox again, and a refusal the error page.
	 */
	private String row(Supplier<TaskView> action, Officer officer, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (request.getHeader("HX-Request") == null) {
			action.get();
			return "redirect:/inbox";
		}
		try {
			model.addAttribute("row", pages.row(action.get(), officer));
			return "workflow/inbox :: row";
		}
		catch (ApiException e) {
			response.setStatus(e.status().value());
			response.setHeader("HX-Retarget", "#inbox-alert");
			response.setHeader("HX-Reswap", "innerHTML");
			model.addAttribute("status", e.status().value());
			model.addAttribute("message", problems.message(e.messageKey(), e.arguments()));
			return "fragments/alert :: alert";
		}
	}
}
