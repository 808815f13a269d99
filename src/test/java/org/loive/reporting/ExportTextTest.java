package org.loive.reporting;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTextTest {

	private final ExportText text = new ExportText(ExportSamples.messages());

	@Test
	void everyPeriodIsNamedAsAReportNamesIt() {
		assertThat(text.period(ReportPeriod.month(YearMonth.of(2026, 2)), ExportSamples.VI)).isEqualTo("tháng 2 năm 2026");
		assertThat(text.period(new ReportPeriod(ReportPeriod.Kind.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
				ExportSamples.VI)).isEqualTo("quý III năm 2026");
		assertThat(text.period(new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
				ExportSamples.VI)).isEqualTo("6 tháng đầu năm 2026");
		assertThat(text.period(new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)),
				Locale.ENGLISH)).isEqualTo("second half of 2026");
		assertThat(text.period(ReportPeriod.year(2026), ExportSamples.VI)).isEqualTo("năm 2026");
		assertThat(text.period(new ReportPeriod(ReportPeriod.Kind.PHASE, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31)),
				ExportSamples.VI)).isEqualTo("giai đoạn 2021–2025");
		assertThat(text.period(new ReportPeriod(ReportPeriod.Kind.CAMPAIGN, LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30)),
				ExportSamples.VI)).isEqualTo("từ ngày 01/07/2022 đến ngày 30/09/2022");
	}

	@Test
	void theVietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		assertThat(load("i18n/reporting-exports_en.properties").stringPropertyNames())
			.isEqualTo(load("i18n/reporting-exports.properties").stringPropertyNames());
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ExportTextTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
