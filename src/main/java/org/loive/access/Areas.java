package org.loive.access;

/** Area codes: a province code of three capitals, optionally a dash and a commune code. */
public final class Areas {

	public static final String PATTERN = "^[A-Z]{3}(-[A-Z0-9]{1,10})?$";

	private Areas() {
	}

	/** The province part of the area, e.g. {@code QNG} of {@code QNG-12345}. */
	public static String province(String area) {
		int dash = area.indexOf('-');
		return dash < 0 ? area : area.substring(0, dash);
	}
}
