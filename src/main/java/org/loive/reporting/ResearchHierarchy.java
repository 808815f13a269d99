package org.loive.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quasi-identifiers of the research export and, for each, its generalisation hierarchy: level 0 is the value
 * as the export writes it, each level above is coarser, the last is suppressed (an empty cell, the same as a value
 * never recorded). All hierarchies are here, so that what a researcher may read into a value is stated once.
 * The columns are named as in the CTDC global dataset (the HTCDS-aligned victim case data of IOM); declaration
 * order is the order in which {@link KAnonymity} prefers to keep detail when two choices lose as much.
 */
enum ResearchHierarchy implements KAnonymity.Hierarchy {

	/** The year the case was received, in Vietnam; then the programme phase (2021–2025, 2026–2030, …). */
	YEAR_OF_REGISTRATION("yearOfRegistration", 3) {
		@Override
		String generalised(String year, int level) {
			int value = Integer.parseInt(year);
			int first = 2021 + Math.floorDiv(value - 2021, 5) * 5;
			return level == 1 ? first + "-" + (first + 4) : year;
		}
	},
	/** Male or Female; our X (other or not known) is left empty, as not recorded. */
	GENDER("gender", 2) {
		@Override
		String generalised(String gender, int level) {
			return gender;
		}
	},
	/**
	 * The age band at intake as the CTDC writes bands ("12--15": a double dash, so that a spreadsheet does not take
	 * it for a date); then 0--11, 12--17, 18--34, 35+; then minor or adult (0--17, 18+). {@code majorityStatus}
	 * follows from it and is generalised with it.
	 */
	AGE_BROAD("ageBroad", 4) {
		@Override
		String generalised(String band, int level) {
			return switch (level) {
				case 1 -> BROADER_AGE.get(band);
				case 2 -> adult(band) ? "18+" : "0--17";
				default -> band;
			};
		}
	},
	/** ISO 3166 alpha-2; then Viet Nam or the region of another country; then Viet Nam or "Other". */
	CITIZENSHIP("citizenship", 4) {
		@Override
		String generalised(String country, int level) {
			return ResearchHierarchy.country(country, level);
		}
	},
	/** Where the person was exploited: Viet Nam for a case inside the country, else the destination; as citizenship. */
	COUNTRY_OF_EXPLOITATION("CountryOfExploitation", 4) {
		@Override
		String generalised(String country, int level) {
			return ResearchHierarchy.country(country, level);
		}
	};

	/** The age bands of report_person as the export writes them. */
	static final Map<String, String> AGE_BANDS = Map.of("0-5", "0--5", "6-11", "6--11", "12-15", "12--15",
			"16-17", "16--17", "18-24", "18--24", "25-34", "25--34", "35-44", "35--44", "45-59", "45--59", "60+", "60+");

	private static final Map<String, String> BROADER_AGE = Map.of("0--5", "0--11", "6--11", "0--11", "12--15", "12--17",
			"16--17", "12--17", "18--24", "18--34", "25--34", "18--34", "35--44", "35+", "45--59", "35+", "60+", "35+");

	static final String VIET_NAM = "VN";
	static final String OTHER = "Other";

	/** Regions of the countries a case names most (UN M49: sub-regions of Asia, regions elsewhere); others are "Other". */
	private static final Map<String, String> REGIONS = regions(Map.of(
			"South-eastern Asia", List.of("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"),
			"Eastern Asia", List.of("CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"),
			"Southern Asia", List.of("AF", "BD", "BT", "IN", "IR", "LK", "MV", "NP", "PK"),
			"Western Asia", List.of("AE", "AM", "AZ", "BH", "CY", "GE", "IL", "IQ", "JO", "KW", "LB", "OM", "PS", "QA",
					"SA", "SY", "TR", "YE"),
			"Central Asia", List.of("KG", "KZ", "TJ", "TM", "UZ"),
			"Europe", List.of("AD", "AL", "AT", "BA", "BE", "BG", "BY", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
					"GB", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL",
					"NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "SM", "UA", "VA"),
			"Americas", List.of("AR", "BO", "BR", "CA", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "HT", "JM", "MX",
					"NI", "PA", "PE", "PY", "SV", "TT", "US", "UY", "VE"),
			"Oceania", List.of("AU", "FJ", "NZ", "PG", "SB", "VU", "WS"),
			"Africa", List.of("AO", "CD", "CI", "CM", "DZ", "EG", "ET", "GH", "KE", "LY", "MA", "MZ", "NG", "SD", "SN",
					"TN", "TZ", "UG", "ZA", "ZM", "ZW")));

	final String column;
	/** Levels including the last, suppressed one. */
	private final int levels;

	ResearchHierarchy(String column, int levels) {
		this.column = column;
		this.levels = levels;
	}

	@Override
	public int levels() {
		return levels;
	}

	@Override
	public String generalise(String value, int level) {
		if (level < 0 || level >= levels) {
			throw new IllegalArgumentException(name() + " has no level " + level);
		}
		return value.isEmpty() || level == levels - 1 ? "" : generalised(value, level);
	}

	/** A value that is known (not empty) at a level below the suppressed one. */
	abstract String generalised(String value, int level);

	/** Minor or Adult for an age band as written, empty for none. */
	static String majorityStatus(String band) {
		return band.isEmpty() ? "" : adult(band) ? "Adult" : "Minor";
	}

	private static boolean adult(String band) {
		return !band.startsWith("0--") && !band.startsWith("6--") && !band.startsWith("12--") && !band.startsWith("16--");
	}

	private static String country(String country, int level) {
		if (level == 0 || country.equals(VIET_NAM)) {
			return country;
		}
		return level == 1 ? REGIONS.getOrDefault(country, OTHER) : OTHER;
	}

	private static Map<String, String> regions(Map<String, List<String>> countries) {
		Map<String, String> regions = new HashMap<>();
		countries.forEach((region, codes) -> codes.forEach(code -> regions.put(code, region)));
		return Map.copyOf(regions);
	}
}
