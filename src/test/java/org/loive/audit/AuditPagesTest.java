package org.loive.audit;

import org.junit.jupiter.api.Test;
import org.loive.platform.ApiException;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The auditor's pages in a web slice: what they show, what they pass to the services, how they refuse. */
@WebMvcTest(AuditPages.class)
@Import({ Forms.class, Problems.class, AuditPagesTest.FixedClock.class })
class AuditPagesTest {

	static final UUID CASE = UUID.fromString("1b2c3d4e-0000-4000-8000-000000000001");
	static final UUID PERSON = UUID.fromString("9f8e7d6c-0000-4000-8000-000000000002");
	/** 08:02:03 on 1 December 2026 in Vietnam. */
	static final Instant AT = Instant.parse("2026-12-01T01:02:03Z");

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);
		}

		/** A download streams on the request's own thread, so it never races the filters writing headers. */
		@Bean(name = "applicationTaskExecutor")
		AsyncTaskExecutor sameThread() {
			return new TaskExecutorAdapter(Runnable::run);
		}
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditTrail trail;

	@MockitoBean
	AuditorActions actions;

	@MockitoBean
	AuditLog log;

	/** The auditor, reading in Vietnamese (the slice resolves the language from the request). */
	static RequestPostProcessor auditor() {
		return in(Locale.forLanguageTag("vi"));
	}

	static RequestPostProcessor in(Locale language) {
		OidcLoginRequestPostProcessor login = oidcLogin().idToken(token -> token.claim("preferred_username", "auditor.qng")
			.claim("roles", List.of("auditor"))
			.claim("groups", List.of())
			.claim("area", "QNG"));
		return request -> {
			request.addPreferredLocale(language);
			return login.postProcessRequest(request);
		};
	}

	static AuditRecord read(long seq, boolean flagged, String purpose) {
		return new AuditRecord(seq, AT, "police.qng", "police", "caseworker", flagged ? "BREAK_GLASS_READ" : "PERSON_READ",
				CASE.toString(), PERSON.toString(), "contact,identity", purpose, "10.0.0.1", "SUCCESS", flagged, "h");
	}

	private String page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	@Test
	void trailShowsEventsAndPassesTheFiltersInVietnamsDays() throws Exception {
		when(trail.events(any(), anyInt(), anyInt()))
			.thenReturn(new AuditTrail.Page(List.of(read(7, false, "task:42;LAW")), 0, 50, 1));

		String html = page(mvc.perform(get("/audit").with(auditor())
			.param("caseId", CASE.toString())
			.param("action", "PERSON_READ")
			.param("outcome", "SUCCESS")
			.param("from", "2026-12-01")
			.param("to", "2026-12-01"))
			.andExpect(status().isOk()));

		ArgumentCaptor<AuditTrail.Filter> filter = ArgumentCaptor.forClass(AuditTrail.Filter.class);
		verify(trail).events(filter.capture(), eq(0), eq(AuditPages.PAGE_SIZE));
		assertThat(filter.getValue()).isEqualTo(new AuditTrail.Filter(null, CASE, null, AuditAction.PERSON_READ,
				AuditEvent.Outcome.SUCCESS, null, Instant.parse("2026-11-30T17:00:00Z"),
				Instant.parse("2026-12-01T17:00:00Z")));
		assertThat(html).contains("<title>Nhật ký kiểm toán — Lối Về</title>")
			.contains("<table id=\"audit-events\"")
			.containsPattern("<tr data-seq=\"7\" data-action=\"PERSON_READ\" data-person-id=\"" + PERSON + "\">")
			.contains("01/12/2026 08:02:03")
			.contains("Xem dữ liệu cá nhân")
			.contains("Công an")
			.contains("Nhân thân")
			.containsPattern("class=\"status done\">Được phép<")
			.contains("href=\"/audit?caseId=" + CASE + "\"")
			.contains("href=\"/audit/persons/" + PERSON + "/accesses\"")
			.containsPattern("<div id=\"verification\" hx-get=\"/audit/verification\" hx-trigger=\"load\"")
			.containsPattern("<option value=\"PERSON_READ\" selected=\"selected\">Xem dữ liệu cá nhân</option>")
			.doesNotContain("??");
	}

	@Test
	void everyPageHasItsEnglishLabels() throws Exception {
		when(trail.events(any(), anyInt(), anyInt()))
			.thenReturn(new AuditTrail.Page(List.of(read(7, true, "break-glass:QUALITY_REVIEW")), 0, 50, 1));
		when(trail.pendingReviews(anyInt())).thenReturn(List.of(read(7, true, "break-glass:QUALITY_REVIEW")));
		when(actions.disclose(PERSON, true)).thenReturn(List.of(
				new AuditTrail.Access(AT, "PERSON_WRITE", "commune", "caseworker", "contact", "case-work:commune", "commune.qng")));

		String trailPage = page(mvc.perform(get("/audit").with(in(Locale.ENGLISH))).andExpect(status().isOk()));
		String reviewsPage = page(mvc.perform(get("/audit/reviews").with(in(Locale.ENGLISH))).andExpect(status().isOk()));
		String disclosurePage = page(mvc.perform(get("/audit/persons/{id}/accesses", PERSON).param("officers", "true")
			.with(in(Locale.ENGLISH))).andExpect(status().isOk()));

		assertThat(trailPage).contains("<title>Audit trail — Lối Về</title>").contains("Emergency read of personal data")
			.contains("To review").doesNotContain("??");
		assertThat(reviewsPage).contains("Quality review").contains("Referred to the competent authority").doesNotContain("??");
		assertThat(disclosurePage).contains("STATEMENT OF ACCESSES TO PERSONAL DATA").contains("The agency&#39;s work on the case")
			.contains("Commune People&#39;s Committee").doesNotContain("??");
	}

	@Test
	void thePagerKeepsTheFilters() throws Exception {
		when(trail.events(any(), eq(1), anyInt()))
			.thenReturn(new AuditTrail.Page(List.of(read(60, false, null)), 1, 50, 120));

		String html = page(mvc.perform(get("/audit").with(auditor()).param("user", "police.qng").param("page", "1"))
			.andExpect(status().isOk()));

		assertThat(html).contains("href=\"/audit?user=police.qng&amp;page=0\"")
			.contains("href=\"/audit?user=police.qng&amp;page=2\"")
			.contains("Trang 2 / 3");
	}

	@Test
	void aBadCaseIdIsRefusedNextToItsFieldAndNothingIsSearched() throws Exception {
		String html = page(mvc.perform(get("/audit").with(auditor()).param("caseId", "not-a-uuid").param("user", "police.qng"))
			.andExpect(status().isBadRequest()));

		verify(trail, never()).events(any(), anyInt(), anyInt());
		assertThat(html).containsPattern("<p class=\"error\" id=\"f-caseId-error\">Giá trị sai kiểu dữ liệu.</p>")
			.containsPattern("id=\"f-caseId\" name=\"caseId\" value=\"not-a-uuid\"")
			.containsPattern("value=\"police.qng\"")
			.containsPattern("class=\"alert alert-error\" role=\"alert\"")
			.doesNotContain("id=\"f-user-error\"")
			.doesNotContain("<table id=\"audit-events\"");
	}

	@Test
	void aBadDayIsRefusedNextToItsField() throws Exception {
		String html = page(mvc.perform(get("/audit").with(auditor()).param("from", "31/12/2026"))
			.andExpect(status().isBadRequest()));

		verify(trail, never()).events(any(), anyInt(), anyInt());
		assertThat(html).contains("id=\"f-from-error\"");
	}

	@Test
	void anIntactChainIsSaidPlainly() throws Exception {
		when(trail.verify()).thenReturn(new ChainVerifier.Result(ChainVerifier.Status.INTACT, 1234, 12, null, null, 1234L, 1200L, 3));

		String html = page(mvc.perform(get("/audit/verification").with(auditor())).andExpect(status().isOk()));

		assertThat(html).startsWith("<div id=\"verification\" data-status=\"INTACT\">")
			.contains("class=\"alert alert-ok\"")
			.contains("Chuỗi nhật ký toàn vẹn: 1.234 sự kiện, 12 điểm kiểm đã kiểm chứng")
			.contains("Đã đối chiếu 3 báo cáo đã gửi với mã băm trong chuỗi.")
			.contains("hx-get=\"/audit/verification\"")
			.doesNotContain("alert-error");
	}

	@Test
	void aBrokenChainNamesTheEventAndWhy() throws Exception {
		when(trail.verify()).thenReturn(new ChainVerifier.Result(ChainVerifier.Status.BROKEN, 1233, 12, 1234L, "hash", 1233L, 1200L, 0));

		String html = page(mvc.perform(get("/audit/verification").with(auditor())).andExpect(status().isOk()));

		assertThat(html).startsWith("<div id=\"verification\" data-status=\"BROKEN\">")
			.contains("class=\"alert alert-error\" role=\"alert\"")
			.contains("Chuỗi bị hỏng tại sự kiện số 1234: nội dung sự kiện đã bị sửa (mã băm không khớp)")
			.doesNotContain("alert-ok");
	}

	@Test
	void aTailDeletedWithItsCheckpointIsNamedByTheWitness() throws Exception {
		when(trail.verify()).thenReturn(new ChainVerifier.Result(ChainVerifier.Status.BROKEN, 1233, 12, 1234L,
				"witness-truncated", 1233L, 1200L, 0, 40, 1230L));

		String html = page(mvc.perform(get("/audit/verification").with(auditor())).andExpect(status().isOk()));
		assertThat(html).contains("data-status=\"BROKEN\"")
			.contains("Chuỗi bị hỏng tại sự kiện số 1234: phần cuối chuỗi đã bị xóa: bản đối chứng ngoài cơ sở dữ liệu giữ "
					+ "điểm kiểm ở sự kiện này");

		when(trail.verify()).thenReturn(new ChainVerifier.Result(ChainVerifier.Status.INTACT, 1234, 12, null, null, 1234L,
				1234L, 0, 40, 1234L));
		assertThat(page(mvc.perform(get("/audit/verification").with(in(Locale.ENGLISH))).andExpect(status().isOk())))
			.contains("40 checkpoints of the witness outside the database checked, the newest at event number 1234.");
	}

	@Test
	void theVerificationSpeaksEnglishWhenAsked() throws Exception {
		when(trail.verify()).thenReturn(new ChainVerifier.Result(ChainVerifier.Status.BROKEN, 4, 0, 5L, "missing", 4L, null, 0));

		String html = page(mvc.perform(get("/audit/verification").with(in(Locale.ENGLISH))).andExpect(status().isOk()));

		assertThat(html).contains("The chain is broken at event number 5: an event is missing (deleted)");
	}

	@Test
	void pendingReviewsShowTheStatedReasonAndAFormEach() throws Exception {
		when(trail.pendingReviews(anyInt())).thenReturn(List.of(read(5, true, "break-glass:SAFETY_EMERGENCY:12/QĐ")));

		String html = page(mvc.perform(get("/audit/reviews").with(auditor())).andExpect(status().isOk()));

		assertThat(html).contains("<title>Xem xét đọc khẩn cấp — Lối Về</title>")
			.contains("<table id=\"pending-reviews\"")
			.containsPattern("<form class=\"review-form\" method=\"post\" action=\"/audit/reviews\" data-seq=\"5\">")
			.contains("name=\"_csrf\"")
			.contains("Tình huống khẩn cấp về an toàn")
			.contains("văn bản số 12/QĐ")
			.contains("Có căn cứ")
			.contains("Chuyển cơ quan có thẩm quyền xử lý")
			.doesNotContain("Không có lần đọc khẩn cấp nào chờ xem xét");
	}

	@Test
	void anEmptyQueueSaysSo() throws Exception {
		when(trail.pendingReviews(anyInt())).thenReturn(List.of());

		String html = page(mvc.perform(get("/audit/reviews").with(auditor())).andExpect(status().isOk()));

		assertThat(html).contains("Không có lần đọc khẩn cấp nào chờ xem xét").doesNotContain("<table id=\"pending-reviews\"");
	}

	@Test
	void aFindingIsRecordedByTheServiceAndConfirmed() throws Exception {
		when(actions.review(any())).thenReturn(99L);

		mvc.perform(post("/audit/reviews").with(auditor()).with(csrf())
			.param("seq", "5")
			.param("finding", "UNJUSTIFIED")
			.param("reference", "12/QĐ"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/audit/reviews"))
			.andExpect(flash().attribute("done", 99L))
			.andExpect(flash().attribute("reviewed", 5L));

		verify(actions).review(new AuditorActions.Review(5L, AuditorActions.Finding.UNJUSTIFIED, "12/QĐ"));
	}

	@Test
	void aFindingWithoutAVerdictIsRefusedNextToTheField() throws Exception {
		when(trail.pendingReviews(anyInt())).thenReturn(List.of(read(5, true, "break-glass:QUALITY_REVIEW")));

		String html = page(mvc.perform(post("/audit/reviews").with(auditor()).with(csrf())
			.param("seq", "5")
			.param("reference", "bad reference!"))
			.andExpect(status().isBadRequest()));

		verify(actions, never()).review(any());
		assertThat(html).contains("<p class=\"error\" id=\"finding-error-5\">Trường bắt buộc.</p>")
			.contains("id=\"reference-error-5\"")
			.contains("value=\"bad reference!\"")
			.contains("class=\"alert alert-error\" role=\"alert\"");
	}

	@Test
	void aFindingOnAnUnknownEventIsTheNotFoundPage() throws Exception {
		when(actions.review(any())).thenThrow(ApiException.notFound("audit.event-not-found", 77L));

		String html = page(mvc.perform(post("/audit/reviews").with(auditor()).with(csrf())
			.param("seq", "77")
			.param("finding", "JUSTIFIED"))
			.andExpect(status().isNotFound()));

		assertThat(html).contains("<title>Không tìm thấy — Lối Về</title>").contains("Không có sự kiện kiểm toán số 77.");
	}

	@Test
	void aFindingWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/audit/reviews").with(auditor()).param("seq", "5").param("finding", "JUSTIFIED"))
			.andExpect(status().isForbidden());

		verify(actions, never()).review(any());
	}

	@Test
	void theExportIsTheApisDownload() throws Exception {
		when(actions.export(3, 9)).thenReturn(ResponseEntity.ok().header("Content-Disposition", "attachment").body(out -> {
		}));

		MvcResult streaming = mvc.perform(get("/audit/export").with(auditor()).param("fromSeq", "3").param("toSeq", "9"))
			.andExpect(request().asyncStarted())
			.andReturn();
		mvc.perform(asyncDispatch(streaming))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment"));

		verify(actions).export(3, 9);
	}

	@Test
	void anExportFromZeroIsRefused() throws Exception {
		mvc.perform(get("/audit/export").with(auditor()).param("fromSeq", "0")).andExpect(status().isBadRequest());

		verify(actions, never()).export(any(Long.class), any(Long.class));
	}

	@Test
	void theDisclosureListsEachAccessWithTheOfficersWhenAsked() throws Exception {
		when(actions.disclose(PERSON, true)).thenReturn(List.of(
				new AuditTrail.Access(AT, "PERSON_READ", "police", "caseworker", "identity", "task:42;LAW", "police.qng"),
				new AuditTrail.Access(AT.plusSeconds(3600), "BREAK_GLASS_READ", "health", "supervisor", "health",
						"break-glass:COURT_OR_PROSECUTOR_REQUEST:7/QĐ", "supervisor.qng")));

		String html = page(mvc.perform(get("/audit/persons/{id}/accesses", PERSON).with(auditor()).param("officers", "true"))
			.andExpect(status().isOk()));

		verify(actions).disclose(PERSON, true);
		assertThat(html).contains("<title>Thông tin về việc tiếp cận dữ liệu cá nhân — Lối Về</title>")
			.contains("<h1>BẢN THÔNG TIN VỀ VIỆC TIẾP CẬN DỮ LIỆU CÁ NHÂN</h1>")
			.contains("<table id=\"accesses\"")
			.contains("<tr data-action=\"PERSON_READ\" data-user=\"police.qng\">")
			.contains("<tr data-action=\"BREAK_GLASS_READ\" data-user=\"supervisor.qng\">")
			.contains("từ ngày 01/12/2026 đến ngày 02/12/2026")
			.contains("01/12/2026 08:02")
			.contains("Xử lý công việc được giao trong hồ sơ")
			.contains("(Yêu cầu của tòa án hoặc viện kiểm sát)")
			.contains("Sở Y tế, cơ sở trợ giúp xã hội")
			.contains(">Cán bộ</th>")
			.contains("ngày 02 tháng 12 năm 2026")
			.contains("data-print")
			.doesNotContain("7/QĐ")
			.doesNotContain("task:42");
	}

	@Test
	void theDisclosureWithoutOfficersNamesNone() throws Exception {
		when(actions.disclose(PERSON, false)).thenReturn(List.of(
				new AuditTrail.Access(AT, "PERSON_READ", "police", "caseworker", "identity", "task:42", null)));

		String html = page(mvc.perform(get("/audit/persons/{id}/accesses", PERSON).with(auditor()))
			.andExpect(status().isOk()));

		verify(actions).disclose(PERSON, false);
		assertThat(html).contains("<tr data-action=\"PERSON_READ\">").doesNotContain(">Cán bộ</th>");
	}

	@Test
	void aPersonIdThatIsNoUuidIsTheBadRequestPage() throws Exception {
		mvc.perform(get("/audit/persons/{id}/accesses", "Nguyen-Van-A").with(auditor())).andExpect(status().isBadRequest());

		verify(actions, never()).disclose(any(), any(Boolean.class));
	}
}
