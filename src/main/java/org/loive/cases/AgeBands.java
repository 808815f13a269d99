package org.loive.cases;

/** The age bands of the statistics: four for children, as the law's support differs, five for adults. */
final class AgeBands {

	static final String PATTERN = "^(0-5|6-11|12-15|16-17|18-24|25-34|35-44|45-59|60\\+)$";

	private static final int[] LOWER = { 0, 6, 12, 16, 18, 25, 35, 45, 60 };
	private static final String[] BANDS = { "0-5", "6-11", "12-15", "16-17", "18-24", "25-34", "35-44", "45-59", "60+" };

	private AgeBands() {
	}

	static String of(int years) {
		int band = 0;
		while (band + 1 < LOWER.length && years >= LOWER[band + 1]) {
			band++;
		}
		return BANDS[band];
	}
}
