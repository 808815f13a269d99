package org.loive.cases;

import org.loive.platform.web.FormView;

import java.util.List;

/**
 * The panel shows the same form once per person: each copy's element ids get the person's suffix, so that
 * every label still names its own input. Input names (the field paths the form is read back by) stay.
 */
final class CasePersonPanelForms {

	private CasePersonPanelForms() {
	}

	static FormView scoped(FormView view, String suffix) {
		return new FormView(view.name(), fields(view.fields(), suffix), view.hasErrors());
	}

	private static List<FormView.FieldView> fields(List<FormView.FieldView> fields, String suffix) {
		return fields.stream().map(field -> field(field, suffix)).toList();
	}

	private static FormView.FieldView field(FormView.FieldView f, String suffix) {
		return new FormView.FieldView(f.path(), f.id() + "-" + suffix, f.label(), f.help(), f.kind(), f.inputType(),
				f.required(), f.options(), f.value(), f.error(), f.maxLength(), fields(f.children(), suffix),
				f.items().stream().map(item -> fields(item, suffix)).toList(), fields(f.template(), suffix),
				f.shownWhen() == null ? null : f.shownWhen() + "-" + suffix, f.shownValues());
	}
}
