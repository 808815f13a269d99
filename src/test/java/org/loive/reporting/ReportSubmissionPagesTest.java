package org.loive.reporting;

import org.junit.jupiter.api.Test;
import org.loive.access.KeycloakProperties;
import org.loive.access.Officer;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
import org.loive.platform.web.VietnamTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.PageLogin.officer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar's and the submissions' pages with the service replaced: where each report stands in words, a
 * submission form refused field by field (nothing submitted), a version submitted meanwhile said plainly, the
 * confirmation, auditors seeing the seal and not the figures, the role gates.
 */
@WebMvcTest(controllers = ReportSubmissionPages.class, properties = "loive.keycloak.client-secret=slice-test",
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.loive\\.access\\.SecurityConfiguration"))
@ImportAutoConfiguration(RestClientAutoConfiguration.class)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import({ Forms.class, Problems.class, VietnamTime.class, ReportPagesTest.SystemClock.class })
class ReportSubmissionPagesTest {

	static final ReportPeriod Q1 = new ReportPeriod(ReportPeriod.Kind.QUARTER, LocalDate.parse("2025-12-15"),
			LocalDate.parse("2026-03-14"));
	static final UUID ID = UUID.fromString("6f1c2a8e-3b1d-4c55-9a8e-0d2f4b6c8e10");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SubmissionViews views;

	@MockitoBean
	AuditLog audit;

	@Test
	void theCalendarSaysWhereEachReportStandsInWords() throws Exception {
		when(views.calendar(any(), any())).thenReturn(List.of(
				line(ReportCalendar.Status.OVERDUE, null, Instant.parse("2026-03-15T17:10:00Z")),
				line(ReportCalendar.Status.SUBMITTED, summary(1), null)));

		String html = page(get("/reports/calendar").with(supervisor()), 200);

		assertThat(html).contains("Lịch báo cáo").contains("1 báo cáo quá hạn chưa gửi");
		assertThat(html).containsPattern("data-status=\"OVERDUE\"[\\s\\S]*?class=\"status overdue\">Quá hạn, chưa gửi<"
				+ "[\\s\\S]*?Đã báo lãnh đạo 16/03/2026 00:10");
		assertThat(html).contains("href=\"/reports/submit?obligation=bcd138-quarter&amp;period=2025-12-15..2026-03-14\"");
		assertThat(html).containsPattern("data-status=\"SUBMITTED\"[\\s\\S]*?Đã gửi đúng hạn[\\s\\S]*?href=\"/reports/submissions/" + ID);
	}

	@Test
	void aFormMissingItsSignerAndConfirmationIsRefusedBesideEachFieldAndNothingIsSubmitted() throws Exception {
		when(views.preview(any(), eq("bcd138-quarter"), any(), any())).thenReturn(preview());

		String html = page(post("/reports/submit").with(supervisor()).with(csrf()).param("obligation", "bcd138-quarter")
			.param("period", "2025-12-15..2026-03-14").param("expectedVersion", "0").param("signerName", " "), 400);

		assertThat(html).contains("Biểu mẫu có trường chưa đúng");
		assertThat(html).containsPattern("name=\"signerName\"[\\s\\S]*?class=\"error\"[^>]*>Trường bắt buộc.<");
		assertThat(html).containsPattern("name=\"confirmed\"[\\s\\S]*?class=\"error\"[^>]*>Hãy xác nhận đã rà soát");
		assertThat(html).as("the figures as they will leave the province").contains("&lt;5");
		verify(views, never()).submit(any(), any(), any(), any(Integer.class), any(), any());
	}

	@Test
	void aSubmissionIsConfirmedOnItsPageAndAVersionSubmittedMeanwhileIsSaid() throws Exception {
		when(views.submit(any(), eq("bcd138-quarter"), eq(new ReportPeriod(ReportPeriod.Kind.AD_HOC, Q1.from(), Q1.to())), eq(0), any(), any())).thenReturn(summary(1));
		mvc.perform(post("/reports/submit").with(supervisor()).with(csrf()).param("obligation", "bcd138-quarter")
				.param("period", "2025-12-15..2026-03-14").param("expectedVersion", "0").param("signerName", "Nguyễn Văn An")
				.param("confirmed", "true").param("request", UUID.randomUUID().toString()))
			.andExpect(status().isFound()).andExpect(redirectedUrl("/reports/submissions/" + ID));

		when(views.preview(any(), any(), any(), any())).thenReturn(preview());
		when(views.submit(any(), any(), any(), eq(1), any(), any()))
			.thenThrow(ApiException.conflict("report.submission.newer-version", 2));
		String html = page(post("/reports/submit").with(supervisor()).with(csrf()).param("obligation", "bcd138-quarter")
			.param("period", "2025-12-15..2026-03-14").param("expectedVersion", "1").param("signerName", "Nguyễn Văn An")
			.param("reason", "Bổ sung").param("confirmed", "true"), 409);
		assertThat(html).contains("Đã có phiên bản").contains("được gửi trong lúc bạn xem");
	}

	@Test
	void auditorsSeeTheSealNotTheFigures() throws Exception {
		when(views.submission(any(), eq(ID), any())).thenReturn(new SubmissionViews.Submission(summary(1), "Báo cáo quý",
				"quý I năm 2026", "2025-12-15..2026-03-14", List.of(summary(1)), true, null));

		String html = page(get("/reports/submissions/" + ID).with(officer("auditor", Officer.AUDITOR))
			.header("Accept-Language", "vi"), 200);

		assertThat(html).contains("Niêm phong khớp").contains("sự kiện số 42").contains("Kiểm toán viên xem bản gửi");
		assertThat(html).doesNotContain("frozen-indicators").doesNotContain("document.docx");
	}

	@Test
	void theProvincesSupervisorSeesTheFrozenFiguresTheDocumentAndHowToCorrectIt() throws Exception {
		when(views.submission(any(), eq(ID), any())).thenReturn(new SubmissionViews.Submission(summary(1), "Báo cáo quý",
				"quý I năm 2026", "2025-12-15..2026-03-14", List.of(summary(1)), true, preview().figures()));

		String html = page(get("/reports/submissions/" + ID).with(supervisor()).flashAttr("done", "submitted"), 200);

		assertThat(html).contains("Đã gửi, đóng băng và niêm phong").contains("Niêm phong khớp");
		assertThat(html).contains("id=\"frozen-indicators\"").contains("&lt;5");
		assertThat(html).contains("href=\"/reports/submissions/" + ID + "/document.docx\"")
			.contains("href=\"/reports/submit?obligation=bcd138-quarter&amp;period=2025-12-15..2026-03-14\"");
	}

	@Test
	void onlySupervisorsSubmitAndOnlySupervisorsAndAuditorsSeeSubmissions() throws Exception {
		mvc.perform(get("/reports/calendar").with(officer("auditor", Officer.AUDITOR))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/submissions/" + ID + "/document.docx").with(officer("auditor", Officer.AUDITOR)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports/submissions").with(officer("police.qng", Officer.CASEWORKER, "police")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reports/submit").with(officer("auditor", Officer.AUDITOR)).with(csrf())
			.param("obligation", "x").param("period", "2026")).andExpect(status().isForbidden());
		verify(views, never()).submit(any(), any(), any(), any(Integer.class), any(), any());
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	static SubmissionViews.CalendarLine line(ReportCalendar.Status status, ReportSubmissions.Summary latest, Instant escalated) {
		return new SubmissionViews.CalendarLine("bcd138-quarter", "Báo cáo quý về phòng, chống mua bán người",
				"Ban Chỉ đạo 138 tỉnh", "Công an / Police", "000, 001", Q1, "2025-12-15..2026-03-14",
				"quý I năm 2026 (số liệu từ ngày 15/12/2025 đến ngày 14/03/2026)", LocalDate.parse("2026-03-15"),
				Instant.parse("2026-03-15T17:00:00Z"), status, latest, escalated);
	}

	static ReportSubmissions.Summary summary(int version) {
		return new ReportSubmissions.Summary(ID, "QNG", "bcd138-quarter", Q1, version, Instant.parse("2026-03-14T03:00:00Z"),
				Instant.parse("2026-03-14T03:00:00Z"), "supervisor.qng", "15/BC-BCĐ", null, "ab".repeat(32), 42);
	}

	static SubmissionViews.Preview preview() {
		SmallCellReport figures = new SmallCellReport("QNG", Q1, Instant.parse("2026-03-15T01:00:00Z"), List.of(
				new SmallCellReport.Indicator("K1", "Tin báo được phân loại", SmallCellReport.Cell.hidden(Suppression.Mark.SMALL),
						SmallCellReport.Cell.hidden(Suppression.Mark.SMALL), null, null, null, null)), List.of(), true, 5);
		return new SubmissionViews.Preview(line(ReportCalendar.Status.DUE_SOON, null, null), figures, 0, List.of());
	}

	static RequestPostProcessor supervisor() {
		return ReportPagesTest.supervisor();
	}
}
