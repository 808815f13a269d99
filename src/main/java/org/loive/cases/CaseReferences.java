package org.loive.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Human references {@code <AREA>-<YEAR>-<6 digits>}, sequential per province and year. The counter row
 * is locked by the upsert until the intake commits, so concurrent intakes queue and a rolled-back
 * intake gives its number back: no gaps, no duplicates.
 */
@Component
class CaseReferences {

	private final JdbcClient jdbc;

	CaseReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Must run inside the intake's transaction. */
	String next(String province, int year) {
		int value = jdbc.sql("""
				insert into case_reference_counter (area, year, last_value) values (:area, :year, 1)
				on conflict (area, year) do update set last_value = case_reference_counter.last_value + 1
				returning last_value""")
			.param("area", province)
			.param("year", year)
			.query(Integer.class)
			.single();
		return "%s-%d-%06d".formatted(province, year, value);
	}
}
