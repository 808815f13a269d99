package org.loive.workflow;

import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.platform.web.Form;
import org.loive.platform.web.FormView;
import org.loive.platform.web.Forms;
import org.loive.platform.web.VietnamTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import java.text.Collator;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inbox's and task pages' views of what the services answer, in the user's language: step names, service
 * and decision labels, deadlines relative and absolute. Only wording: what is listed and allowed is decided
 * by the services.
 */
@Component
class TaskPages {

	/** A row of the inbox. */
	record Row(String taskId, String taskKey, String caseId, String reference, String step, String service,
			VietnamTime.Deadline deadline, String assignee, boolean claimable, boolean releasable) {
	}

	/** One page of the inbox, with the query that made it. */
	record Inbox(List<Row> rows, InboxQuery query, String province, int page, int pages, long total,
			List<FormView.Choice> steps) {

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < pages;
		}
	}

	/** A decision of the case as the page shows it. */
	record Fact(String label, String value) {
	}

	/** The task's page: the task, its case's stage and decisions, its form. */
	record StepPage(Row task, String stage, List<Fact> decisions, FormView form) {
	}

	/** A referral as the providers' page lists it. */
	record ReferralRow(String caseId, String reference, String service, String serviceCode, String status,
			String statusLabel, String statusClass, String declineReason, String sent, String ended, String taskId) {
	}

	private final MessageSource messages;
	private final Forms forms;
	private final VietnamTime time;

	TaskPages(MessageSource messages, Forms forms, VietnamTime time) {
		this.messages = messages;
		this.forms = forms;
		this.time = time;
	}

	Inbox inbox(TaskPage found, InboxQuery query, Officer officer) {
		int pages = (int) Math.max(1, (found.total() + found.size() - 1) / found.size());
		Collator collator = Collator.getInstance(LocaleContextHolder.getLocale());
		List<FormView.Choice> steps = TaskForms.taskKeys().stream()
			.map(taskKey -> new FormView.Choice(taskKey, stepName(taskKey, null)))
			.sorted(Comparator.comparing(FormView.Choice::label, collator))
			.toList();
		return new Inbox(found.items().stream().map(task -> row(task, officer)).toList(), query, officer.province(),
				found.page(), pages, found.total(), steps);
	}

	Row row(TaskView task, Officer officer) {
		return new Row(task.id(), task.taskKey(), task.caseId(), task.reference(), stepName(task.taskKey(), task.name()),
				task.service() == null ? null : serviceLabel(task.service()), time.deadline(task.due()), task.assignee(),
				task.assignee() == null, officer.username().equals(task.assignee()));
	}

	/** The form of the task with the choices only the case knows, empty or as entered with its errors. */
	StepPage task(CaseTasks.TaskDetail detail, Officer officer, MultiValueMap<String, String> values,
			Map<String, String> errors) {
		TaskView task = detail.task();
		Map<String, List<FormView.Choice>> choices = Map.of("eligible-services",
				detail.eligibleServices().stream().map(code -> new FormView.Choice(code, serviceLabel(code))).toList(),
				"providers", detail.providers().stream().flatMap(group -> Agency.ofGroup(group).stream())
					.map(a -> new FormView.Choice(a.group(), a.label())).toList());
		FormView form = forms.view(Form.of(TaskForms.form(task.taskKey())), values, byField(errors), choices);
		return new StepPage(row(task, officer), message("stage." + detail.context().stage()),
				detail.context().decisions().stream().map(this::fact).toList(), form);
	}

	/** A refused item of a list (a service not eligible, {@code consentedServices[1]}) is shown at its list. */
	private static Map<String, String> byField(Map<String, String> errors) {
		if (errors == null) {
			return null;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		errors.forEach((path, message) -> fields.putIfAbsent(path.replaceFirst("\\[\\d+]$", ""), message));
		return fields;
	}

	/** The confirmation after a task is done: its step and case. */
	String done(CaseTasks.TaskDetail detail) {
		TaskView task = detail.task();
		return message("page.task.done", stepName(task.taskKey(), task.name()), task.reference());
	}

	List<ReferralRow> referrals(List<ServiceReferrals.Referral> referrals) {
		return referrals.stream().map(referral -> new ReferralRow(referral.caseId(), referral.reference(),
				referral.service() == null ? null : serviceLabel(referral.service()), referral.service(),
				referral.status().name(), message("page.service-referrals.status." + referral.status()),
				statusClass(referral.status()),
				referral.declineReason() == null ? null : message("enum.DeclineReason." + referral.declineReason()),
				day(referral.sent()), day(referral.ended()), referral.taskId())).toList();
	}

	/** The BPMN's Vietnamese name, or the English one of the bundle when the page is in English. */
	private String stepName(String taskKey, String name) {
		if ("en".equals(LocaleContextHolder.getLocale().getLanguage()) || name == null) {
			return messages.getMessage("task." + taskKey, null, name == null ? taskKey : name,
					LocaleContextHolder.getLocale());
		}
		return name;
	}

	private static String serviceLabel(String code) {
		return SupportService.ofCode(code).map(service -> service.name(LocaleContextHolder.getLocale())).orElse(code);
	}

	private Fact fact(CaseContext.Decision decision) {
		Object value = decision.value();
		String shown = value instanceof Collection<?> values
				? values.stream().map(v -> label(decision.vocabulary(), v)).collect(Collectors.joining(", "))
				: label(decision.vocabulary(), value);
		return new Fact(message("decision." + decision.name()), shown);
	}

	/** A code in its vocabulary's words: yes/no, an Art 37 service, or the enum label of the task forms. */
	private String label(Class<?> vocabulary, Object value) {
		if (vocabulary == Boolean.class) {
			return message(Boolean.TRUE.equals(value) ? "form.yes" : "form.no");
		}
		if (vocabulary == SupportService.class) {
			return serviceLabel(String.valueOf(value));
		}
		return messages.getMessage("enum." + vocabulary.getSimpleName() + "." + value, null, String.valueOf(value),
				LocaleContextHolder.getLocale());
	}

	private static String statusClass(ServiceReferrals.Status status) {
		return switch (status) {
			case WAITING -> "soon";
			case ACCEPTED -> "ontime";
			case DELIVERED -> "done";
			case DECLINED, PARTIALLY_DELIVERED, NOT_DELIVERED, STOPPED -> "flag";
		};
	}

	private String day(Instant instant) {
		return instant == null ? null : time.date(instant);
	}

	private String message(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, arguments, key, locale);
	}
}
