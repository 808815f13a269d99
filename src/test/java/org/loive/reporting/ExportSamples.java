package org.loive.reporting;

import org.springframework.context.support.ResourceBundleMessageSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A quarter's report of a province, its letterhead, and the bundle of the exports, for the export tests. */
final class ExportSamples {

	static final Locale VI = Locale.forLanguageTag("vi");

	private ExportSamples() {
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/reporting-exports");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static Report report() {
		IndicatorValue.Target all = new IndicatorValue.Target(BigDecimal.valueOf(100), false);
		IndicatorValue.Target ninety = new IndicatorValue.Target(BigDecimal.valueOf(90), true);
		return new Report("QNG", new ReportPeriod(ReportPeriod.Kind.QUARTER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
				Instant.parse("2026-03-14T10:00:00Z"), List.of(
						new IndicatorValue("K1", "Tố giác, tin báo, kiến nghị khởi tố được tiếp nhận và phân loại", 48, 48, all, "000"),
						new IndicatorValue("K2", "Tố giác, tin báo, kiến nghị khởi tố được giải quyết", 44, 52, ninety, "000"),
						new IndicatorValue("K3", "Vụ án khởi tố được điều tra, khám phá", 9, 12, ninety, "001"),
						new IndicatorValue("K4", "Vụ án được truy tố", 3, 3, new IndicatorValue.Target(BigDecimal.valueOf(95), false), "004"),
						new IndicatorValue("K6", "Nạn nhân được tiếp cận đủ các dịch vụ hỗ trợ cần thiết", 27, 30, all, "002")),
				List.of(
						new ReportTable("victims-by-sex-age", "Nạn nhân được xác định theo giới tính và nhóm tuổi",
								List.of("Dưới 16 tuổi", "Từ 16 đến dưới 18 tuổi", "Từ 18 tuổi trở lên", "Tổng"),
								List.of(new ReportTable.Row("MALE", "Nam", List.of(2L, 0L, 9L, 11L)),
										new ReportTable.Row("FEMALE", "Nữ", List.of(3L, 6L, 10L, 19L)),
										new ReportTable.Row("TOTAL", "Tổng", List.of(5L, 6L, 19L, 30L))), true, true),
						new ReportTable("exploitation", "Hình thức bóc lột (một vụ việc có thể có nhiều hình thức)",
								List.of("Số vụ việc"),
								List.of(new ReportTable.Row("SEXUAL", "Bóc lột tình dục", List.of(12L)),
										new ReportTable.Row("FORCED_LABOUR", "Cưỡng bức lao động", List.of(8L)),
										new ReportTable.Row("ONLINE_SCAM", "Lừa đảo trực tuyến (cơ sở “việc nhẹ lương cao”)", List.of(15L)),
										new ReportTable.Row("FORCED_MARRIAGE", "Cưỡng ép kết hôn", List.of(2L)),
										new ReportTable.Row("SURROGACY", "Mang thai hộ", List.of(0L))), false, false),
						new ReportTable("services", "Dịch vụ hỗ trợ theo mã dịch vụ",
								List.of("Được chuyển", "Được tiếp nhận", "Đã cung cấp"),
								List.of(new ReportTable.Row("a", "a. Nhu cầu thiết yếu", List.of(30L, 29L, 27L)),
										new ReportTable.Row("b", "b. Chăm sóc y tế", List.of(21L, 20L, 18L)),
										new ReportTable.Row("c", "c. Hỗ trợ tâm lý", List.of(14L, 12L, 10L)),
										new ReportTable.Row("d", "d. Trợ giúp pháp lý", List.of(9L, 9L, 4L))), false, false)));
	}

	static Letterhead letterhead() {
		return new Letterhead("Bộ Công an", "Công an tỉnh Quảng Ngãi", "125/BC-CAT", "Quảng Ngãi",
				LocalDate.of(2026, 3, 14), List.of("Ban Chỉ đạo 138 tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi",
						"Sở Y tế tỉnh Quảng Ngãi", "Viện Kiểm sát nhân dân tỉnh"),
				"KT. Giám đốc\nPhó Giám đốc", "Đại tá Nguyễn Văn An");
	}
}
