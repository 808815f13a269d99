package org.loive.reporting;

import org.junit.jupiter.api.Test;
import org.loive.access.Officer;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
import org.loive.platform.web.VietnamTime;
import org.loive.access.KeycloakProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.PageLogin.officer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reports' pages with the service replaced: the targets against the plans with words beside the colours,
 * the indicators and the breakdowns, a period that cannot be read said beside its field, the cases behind a
 * figure, the exports as attachments, the role gates.
 */
@WebMvcTest(controllers = ReportPages.class, properties = "loive.keycloak.client-secret=slice-test",
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.loive\\.access\\.SecurityConfiguration"))
@ImportAutoConfiguration(RestClientAutoConfiguration.class)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import({ Forms.class, Problems.class, VietnamTime.class, ReportPagesTest.SystemClock.class })
class ReportPagesTest {

	@TestConfiguration
	static class SystemClock {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	static final ReportPeriod Q3 = new ReportPeriod(ReportPeriod.Kind.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReportViews views;

	@MockitoBean
	SubmissionViews submissions;

	@MockitoBean
	AuditLog audit;

	@Test
	void theReportShowsEachTargetMetOrNotInWordsTheIndicatorsAndTheBreakdowns() throws Exception {
		when(views.defaultPeriod()).thenReturn(Q3);
		when(views.report(any(), eq(Q3), any())).thenReturn(new ReportViews.Shown(sample(), "Quảng Ngãi", "2026-Q3", "quý III năm 2026"));

		String html = mvc.perform(get("/reports").with(supervisor())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		Files.createDirectories(Path.of("target/pages"));
		Files.writeString(Path.of("target/pages/reports.html"), html);
		assertThat(html).contains("Chỉ tiêu và báo cáo").contains("Quảng Ngãi · quý III năm 2026");
		assertThat(html).containsPattern("id=\"kpi-K1\"[\\s\\S]*?100,0%[\\s\\S]*?class=\"status met\">Đạt<");
		assertThat(html).containsPattern("id=\"kpi-K2\"[\\s\\S]*?84,6%[\\s\\S]*?class=\"status unmet\">Chưa đạt<");
		assertThat(html).contains("href=\"/reports/cases?indicator=K2&amp;period=2026-Q3\"");
		assertThat(html).contains("id=\"table-sex\"").contains(">Nữ<");
		assertThat(html).contains("href=\"/reports/export.docx?period=2026-Q3\"");
		assertThat(html).doesNotContain("periodRejected").doesNotContain("aria-invalid=\"true\"")
			.doesNotContain("id=\"overdue-reports\"");
	}

	@Test
	void anOverdueReportIsSaidAboveTheFiguresWithTheWayToTheCalendar() throws Exception {
		when(views.defaultPeriod()).thenReturn(Q3);
		when(views.report(any(), eq(Q3), any())).thenReturn(new ReportViews.Shown(sample(), "Quảng Ngãi", "2026-Q3", "quý III năm 2026"));
		when(submissions.overdue(any())).thenReturn(2L);

		String html = mvc.perform(get("/reports").with(supervisor())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).containsPattern("id=\"overdue-reports\"[\\s\\S]*?2 báo cáo quá hạn chưa gửi[\\s\\S]*?href=\"/reports/calendar\"");
	}

	@Test
	void aPeriodThatCannotBeReadIsSaidBesideItsFieldAndTheDefaultPeriodShown() throws Exception {
		when(views.defaultPeriod()).thenReturn(Q3);
		when(views.report(any(), eq(Q3), any())).thenReturn(new ReportViews.Shown(sample(), "Quảng Ngãi", "2026-Q3", "quý III năm 2026"));

		String html = mvc.perform(get("/reports").param("period", "2026-Q5").with(supervisor())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).containsPattern("aria-invalid=\"true\"[\\s\\S]*?class=\"error\">Không đọc được kỳ báo cáo");
	}

	@Test
	void theCasesBehindAFigureLinkToTheirCasePages() throws Exception {
		UUID id = UUID.randomUUID();
		when(views.casesBehind(any(), eq("K2"), eq(Q3), eq(Indicators.Figure.NUMERATOR)))
			.thenReturn(List.of(new ReportViews.CaseBehind(id, "QNG-2026-000007")));
		when(views.periodLabel(eq(Q3), any())).thenReturn("quý III năm 2026");

		String html = mvc.perform(get("/reports/cases").param("indicator", "K2").param("period", "2026-Q3").with(supervisor()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("href=\"/cases/" + id + "\"").contains(">QNG-2026-000007<").contains("1 hồ sơ");
	}

	@Test
	void anUnknownIndicatorIsNotFoundAndAnUnreadablePeriodABadRequest() throws Exception {
		when(views.casesBehind(any(), eq("K9"), any(), any())).thenThrow(ApiException.notFound("report.no-indicator", "K9"));

		mvc.perform(get("/reports/cases").param("indicator", "K9").param("period", "2026-Q3").with(supervisor()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/reports/export.csv").param("period", "next year").with(supervisor()))
			.andExpect(status().isBadRequest());
		verify(views, never()).export(any(), any(), any(), any(), any());
	}

	@Test
	void anExportIsAnAttachmentNeverCached() throws Exception {
		when(views.export(any(), eq(Q3), eq(ReportViews.Format.XLSX), eq(null), any()))
			.thenReturn(new ReportViews.Export(new byte[] { 1, 2 }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					"bao-cao-QNG-2026-Q3.xlsx"));

		mvc.perform(get("/reports/export.xlsx").param("period", "2026-Q3").with(supervisor()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"bao-cao-QNG-2026-Q3.xlsx\""))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

	@Test
	void onlySupervisorsReachTheReports() throws Exception {
		mvc.perform(get("/reports").with(officer("police.qng", Officer.CASEWORKER, "police"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports").with(officer("auditor", Officer.AUDITOR))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/export.docx").with(officer("admin", Officer.ADMIN))).andExpect(status().isForbidden());
		verify(views, never()).report(any(), any(), any());
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor supervisor() {
		var login = officer("supervisor.qng", Officer.SUPERVISOR);
		return request -> {
			request.addHeader("Accept-Language", "vi");
			return login.postProcessRequest(request);
		};
	}

	static Report sample() {
		return new Report("QNG", Q3, java.time.Instant.parse("2026-10-01T01:00:00Z"), List.of(
				new IndicatorValue("K1", "Tin báo được phân loại", 48, 48,
						new IndicatorValue.Target(java.math.BigDecimal.valueOf(100), false), "Kế hoạch 521/KH-UBND"),
				new IndicatorValue("K2", "Tin báo được giải quyết", 44, 52,
						new IndicatorValue.Target(java.math.BigDecimal.valueOf(90), true), "Kế hoạch 521/KH-UBND"),
				new IndicatorValue("R3", "Thời gian đến khi phân loại", 40, 48, null, null)),
				List.of(new ReportTable("sex", "Người được tiếp nhận theo giới tính", List.of("Tiếp nhận", "Nạn nhân"),
						List.of(new ReportTable.Row("F", "Nữ", List.of(12L, 7L)), new ReportTable.Row("M", "Nam", List.of(3L, 2L)),
								new ReportTable.Row("TOTAL", "Tổng", List.of(15L, 9L))), false, true)));
	}
}
