package org.loive.reporting;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An indicator's figure for a period: numerator over denominator, the share in percent, and, where a plan sets
 * one, its target and whether it was met. {@code plan} names the seed plan the target comes from.
 */
record IndicatorValue(String id, String label, long numerator, long denominator, Target target, String plan) {

	/** A target share in percent, reached at or above it ({@code strictlyAbove}: "trên 90%"). */
	record Target(BigDecimal percent, boolean strictlyAbove) {
	}

	/** The share in percent with one decimal, none when nothing was to be counted. */
	@JsonProperty("share")
	public BigDecimal share() {
		return denominator == 0 ? null
				: BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
	}

	/** Met, not met, or neither when there is no target or nothing to count. */
	@JsonProperty("met")
	public Boolean met() {
		if (target == null || denominator == 0) {
			return null;
		}
		int comparison = BigDecimal.valueOf(numerator * 100).compareTo(target.percent().multiply(BigDecimal.valueOf(denominator)));
		return target.strictlyAbove() ? comparison > 0 : comparison >= 0;
	}
}
