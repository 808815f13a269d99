package org.loive.workflow;

import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the inbox lists: every task, the officer's own ({@code mine}), nobody's yet ({@code unclaimed}) or
 * late ones ({@code overdue}); one step (a task key) or all; by due date, soonest ({@code due}) or latest
 * ({@code -due}) first; all cases or one. As the parameters name them, so the API and the page take the same words.
 */
record InboxQuery(Filter filter, String step, boolean latestFirst, UUID caseId) {

	enum Filter { ALL, MINE, UNCLAIMED, OVERDUE }

	/** The query the parameters name; 400 naming each parameter that names nothing. */
	static InboxQuery of(String filter, String step, String sort) {
		return of(filter, step, sort, null);
	}

	/** As {@link #of(String, String, String)}, narrowed to the tasks of one case. */
	static InboxQuery of(String filter, String step, String sort, UUID caseId) {
		List<Rejection> rejections = new ArrayList<>();
		Filter chosen = Filter.ALL;
		if (filter != null && !filter.isBlank()) {
			try {
				chosen = Filter.valueOf(filter.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				rejections.add(new Rejection("filter", "problem.field.wrong-type"));
			}
		}
		String task = step == null || step.isBlank() ? null : step.strip();
		if (task != null && !TaskForms.taskKeys().contains(task)) {
			rejections.add(new Rejection("step", "problem.field.wrong-type"));
		}
		boolean latestFirst = "-due".equals(sort);
		if (sort != null && !sort.isBlank() && !latestFirst && !"due".equals(sort)) {
			rejections.add(new Rejection("sort", "problem.field.wrong-type"));
		}
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
		return new InboxQuery(chosen, task, latestFirst, caseId);
	}

	/** Whether anything narrows the list: an empty list then says no task matches, not that there is none. */
	public boolean filtered() {
		return filter != Filter.ALL || step != null || caseId != null;
	}

	/** The parameter's word for the filter, "" for all. */
	public String filterName() {
		return filter == Filter.ALL ? "" : filter.name().toLowerCase(Locale.ROOT);
	}
}
