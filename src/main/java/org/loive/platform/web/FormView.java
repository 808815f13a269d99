package org.loive.platform.web;

import java.util.List;

/**
 * A form ready for a page, in the user's language: every field with its label, help, choices, the value
 * entered and the message of its error, if any. Templates only lay it out.
 */
public record FormView(String name, List<FieldView> fields, boolean hasErrors) {

	/** One choice of a list. */
	public record Choice(String value, String label) {
	}

	/** A choice as shown: checked or not. */
	public record Option(String value, String label, boolean selected) {
	}

	/**
	 * A field as shown. {@code path} names the input; {@code id} is the path made safe for an HTML id;
	 * {@code items} are the entered items of a repeated group and {@code template} the fields of a new one
	 * (paths with {@code __i__} for its index).
	 */
	public record FieldView(String path, String id, String label, String help, String kind, String inputType,
			boolean required, List<Option> options, String value, String error, Integer maxLength, List<FieldView> children,
			List<List<FieldView>> items, List<FieldView> template, String shownWhen, String shownValues) {

		public boolean hasError() {
			return error != null;
		}

		/** Ids of the elements that describe the input: its help and its error. */
		public String describedBy() {
			String ids = (help == null ? "" : id + "-help ") + (error == null ? "" : id + "-error");
			return ids.isBlank() ? null : ids.strip();
		}
	}
}
