package org.loive.reporting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A target's edges: 100% is met only by all, "trên 90%" only strictly above 90%, "95%" at 95% already. */
class IndicatorValueTest {

	static final IndicatorValue.Target ALL = new IndicatorValue.Target(BigDecimal.valueOf(100), false);
	static final IndicatorValue.Target ABOVE_90 = new IndicatorValue.Target(BigDecimal.valueOf(90), true);
	static final IndicatorValue.Target AT_95 = new IndicatorValue.Target(BigDecimal.valueOf(95), false);

	@Test
	void aHundredPercentIsMetOnlyByEveryOne() {
		assertThat(value(50, 50, ALL).met()).isTrue();
		assertThat(value(49, 50, ALL).met()).isFalse();
		// 999/1000 rounds to 99.9%, never up to 100%
		assertThat(value(999, 1000, ALL).met()).isFalse();
		assertThat(value(999, 1000, ALL).share()).isEqualByComparingTo("99.9");
	}

	@Test
	void aboveNinetyIsStrict() {
		assertThat(value(9, 10, ABOVE_90).met()).isFalse();
		assertThat(value(90, 100, ABOVE_90).met()).isFalse();
		assertThat(value(901, 1000, ABOVE_90).met()).isTrue();
		// 9/10 exactly 90% is not "trên 90%"; 10/11 = 90.9% is
		assertThat(value(10, 11, ABOVE_90).met()).isTrue();
	}

	@Test
	void ninetyFivePercentIsMetAtNinetyFive() {
		assertThat(value(19, 20, AT_95).met()).isTrue();
		assertThat(value(18, 19, AT_95).met()).isFalse();
		// 18/19 = 94.74%: the share shows 94.7
		assertThat(value(18, 19, AT_95).share()).isEqualByComparingTo("94.7");
	}

	@Test
	void nothingToCountOrNoTargetIsNeither() {
		assertThat(value(0, 0, ALL).met()).isNull();
		assertThat(value(0, 0, ALL).share()).isNull();
		assertThat(value(3, 4, null).met()).isNull();
		assertThat(value(0, 4, ALL).met()).isFalse();
	}

	private static IndicatorValue value(long numerator, long denominator, IndicatorValue.Target target) {
		return new IndicatorValue("K", "label", numerator, denominator, target, null);
	}
}
