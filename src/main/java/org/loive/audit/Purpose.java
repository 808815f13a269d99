package org.loive.audit;

/**
 * An event's purpose as a person can read it: its kind ({@code task}, {@code case-work}, {@code break-glass}
 * …, the code before the first colon) names the message; of a break-glass read also the stated reason and
 * reference. Task ids stay out: the person is told why, not the internal numbers.
 */
record Purpose(String kind, String reason, String reference) {

	static Purpose of(String purpose) {
		if (purpose == null || purpose.isBlank()) {
			return new Purpose("none", null, null);
		}
		String[] parts = purpose.split("[:;]", 3);
		if (!"break-glass".equals(parts[0])) {
			return new Purpose(parts[0], null, null);
		}
		return new Purpose(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
	}
}
