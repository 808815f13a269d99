package org.loive.workflow;

import org.junit.jupiter.api.Test;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
import org.loive.platform.web.VietnamTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox, a task's page and the providers' referrals as a caseworker of the police in QNG sees them. */
@WebMvcTest(controllers = TaskPageController.class)
@Import({ TaskPages.class, Forms.class, Problems.class, VietnamTime.class })
class TaskPagesTest {

	/** 10/03/2026 10:00 in Vietnam. */
	static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
	static final String CASE = "7b0c8f5e-2a43-4d4c-9a57-3c1f0e6b2d11";
	static final String TASK = "5d1f6a7e-0000-4000-8000-000000000001";
	static final String TITLE_WITH_DATA = "(?s).*<title>[^<]*(QNG-2026|" + CASE + ")[^<]*</title>.*";

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CaseTasks caseTasks;

	@MockitoBean
	ServiceReferrals referrals;

	@MockitoBean
	AuditLog audit;

	/** The officer's browser asks for Vietnamese, the default language. */
	static RequestPostProcessor police() {
		return request -> vietnamese(policeLogin().postProcessRequest(request));
	}

	static MockHttpServletRequest vietnamese(MockHttpServletRequest request) {
		request.setPreferredLocales(List.of(Locale.forLanguageTag("vi")));
		return request;
	}

	static OidcLoginRequestPostProcessor policeLogin() {
		return oidcLogin().idToken(token -> token.claim("preferred_username", "police.qng")
			.claim("roles", List.of("caseworker"))
			.claim("groups", List.of("police"))
			.claim("area", "QNG"));
	}

	static TaskView classify(String assignee, Instant due) {
		return new TaskView(TASK, ReferralProcess.CLASSIFY, "Phân loại tin báo", CASE, "QNG-2026-00001", null,
				List.of("police"), assignee, NOW.minusSeconds(3600), due, due.isBefore(NOW), "ClassifyDecision");
	}

	static CaseTasks.TaskDetail detail() {
		return new CaseTasks.TaskDetail(classify(null, Instant.parse("2026-03-12T09:00:00Z")),
				new CaseContext.Context(Stage.CLASSIFICATION,
						List.of(new CaseContext.Decision(ReferralVariables.FOREIGN_NATIONAL, Boolean.class, false))),
				List.of(), List.of());
	}

	@Test
	void inboxListsTheTasksWithTheirDeadlineAndActions() throws Exception {
		given(caseTasks.inbox(any(), any(), eq(0), eq(25))).willReturn(
				new TaskPage(List.of(classify(null, Instant.parse("2026-03-12T09:00:00Z"))), 0, 25, 1));

		mvc.perform(get("/inbox").with(police()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<title>Hộp việc — Lối Về</title>"),
					containsString("<table id=\"inbox\""),
					containsString("data-task-id=\"" + TASK + "\" data-task-key=\"Task_Classify\" data-reference=\"QNG-2026-00001\""),
					containsString("href=\"/cases/" + CASE + "\""), containsString("Phân loại tin báo"),
					containsString("12/03/2026"), containsString("class=\"status soon\">còn 2 ngày<"),
					containsString("data-action=\"open\" href=\"/tasks/" + TASK + "\""),
					containsString("hx-post=\"/inbox/tasks/" + TASK + "/claim\""), containsString("data-action=\"claim\""),
					not(containsString("data-action=\"release\"")))));
	}

	@Test
	void inboxShowsOverdueTasksAndTheEnglishStepName() throws Exception {
		given(caseTasks.inbox(any(), any(), eq(0), eq(25))).willReturn(
				new TaskPage(List.of(classify("police.qng", Instant.parse("2026-03-09T02:00:00Z"))), 0, 25, 1));

		mvc.perform(get("/inbox").with(policeLogin()).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Classify the report"),
					containsString("class=\"status overdue\">1 days overdue<"), containsString("data-action=\"release\""))));
	}

	@Test
	void aLongInboxIsPagedKeepingItsFilter() throws Exception {
		given(caseTasks.inbox(any(), eq(new InboxQuery(InboxQuery.Filter.UNCLAIMED, null, true, null)), eq(0), eq(25)))
			.willReturn(new TaskPage(List.of(classify(null, Instant.parse("2026-03-20T09:00:00Z"))), 0, 25, 30));

		mvc.perform(get("/inbox").param("filter", "unclaimed").param("sort", "-due").with(police()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Trang 1 / 2"),
					containsString("href=\"/inbox?filter=unclaimed&amp;step=&amp;sort=-due&amp;page=1\""),
					matchesPattern("(?s).*<option value=\"unclaimed\"\\s+selected=\"selected\">Chưa ai nhận</option>.*"),
					containsString("class=\"status ontime\">còn 10 ngày<"), not(containsString("Trang trước")))));
	}

	@Test
	void emptyInboxSaysWhy() throws Exception {
		given(caseTasks.inbox(any(), any(), eq(0), eq(25))).willReturn(new TaskPage(List.of(), 0, 25, 0));

		mvc.perform(get("/inbox").with(police()))
			.andExpect(content().string(containsString("Không có việc nào của cơ quan bạn trên địa bàn QNG")));
		mvc.perform(get("/inbox").param("filter", "overdue").with(police()))
			.andExpect(content().string(allOf(containsString("Không có việc nào khớp bộ lọc"),
					not(containsString("<table id=\"inbox\"")))));
	}

	@Test
	void anUnknownFilterIsABadRequest() throws Exception {
		mvc.perform(get("/inbox").param("filter", "everything").with(police()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Yêu cầu không hợp lệ")));
	}

	@Test
	void claimAnswersTheRowToHtmxAndRedirectsWithoutIt() throws Exception {
		given(caseTasks.claim(eq(TASK), any())).willReturn(classify("police.qng", Instant.parse("2026-03-12T09:00:00Z")));

		mvc.perform(post("/inbox/tasks/{id}/claim", TASK).with(police()).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(matchesPattern("(?s)\\s*<tr data-task-id=\"" + TASK + "\".*</tr>\\s*"),
					containsString("data-action=\"release\""), not(containsString("data-action=\"claim\"")),
					containsString("police.qng"))));
		mvc.perform(post("/inbox/tasks/{id}/claim", TASK).with(police()).with(csrf()))
			.andExpect(redirectedUrl("/inbox"));
	}

	@Test
	void aRefusedReleaseIsAnAlertAboveTheTable() throws Exception {
		given(caseTasks.release(eq(TASK), any())).willThrow(ApiException.conflict("task.claimed-by-other", TASK));

		mvc.perform(post("/inbox/tasks/{id}/release", TASK).with(police()).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isConflict())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("HX-Retarget", "#inbox-alert"))
			.andExpect(content().string(allOf(containsString("role=\"alert\""), containsString("đang do cán bộ khác xử lý"))));
	}

	@Test
	void taskPageShowsTheFormBesideTheCase() throws Exception {
		given(caseTasks.detail(eq(TASK), any())).willReturn(detail());

		mvc.perform(get("/tasks/{id}", TASK).with(police()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(matchesPattern(TITLE_WITH_DATA))))
			.andExpect(content().string(allOf(containsString("<title>Phân loại tin báo — Lối Về</title>"),
					containsString("class=\"breadcrumb\""), containsString("<form id=\"task-form\" method=\"post\" action=\"/tasks/" + TASK + "\""),
					containsString("name=\"classification\" value=\"TRAFFICKING_SUSPECTED\""),
					containsString("Có dấu hiệu mua bán người"), containsString("data-shown-when=\"f-classification\""),
					containsString("id=\"complete\""), containsString("Người nước ngoài"),
					containsString("hx-get=\"/cases/" + CASE + "/persons-panel?task=" + TASK + "\""),
					containsString("Phân loại tin báo</dd>"))));
	}

	@Test
	void aRefusedDecisionIsShownNextToItsField() throws Exception {
		given(caseTasks.detail(eq(TASK), any())).willReturn(detail());
		given(caseTasks.complete(eq(TASK), any(), any())).willThrow(new InvalidRequestException(
				List.of(new Rejection("decision.rescueNeeded", "validation.required-when-suspected"))));

		mvc.perform(post("/tasks/{id}", TASK).with(police()).with(csrf()).param("classification", "TRAFFICKING_SUSPECTED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("class=\"alert alert-error\" role=\"alert\""),
					containsString("id=\"f-rescueNeeded-error\">Bắt buộc khi có dấu hiệu mua bán người.<"),
					matchesPattern("(?s).*value=\"TRAFFICKING_SUSPECTED\"[^>]*checked.*"))));
	}

	@Test
	void theSupportPlanOffersTheEligibleServicesAndShowsARefusedOneAtTheList() throws Exception {
		TaskView plan = new TaskView(TASK, ReferralProcess.PLAN_SUPPORT, "Lập kế hoạch hỗ trợ", CASE, "QNG-2026-00001",
				null, List.of("health"), null, NOW, NOW.plusSeconds(86400 * 10), false, "SupportPlan");
		given(caseTasks.detail(eq(TASK), any())).willReturn(new CaseTasks.TaskDetail(plan,
				new CaseContext.Context(Stage.SUPPORT, List.of()), List.of("a", "b", "k"),
				List.of("health", "social-policy-bank", "womens-union")));
		given(caseTasks.complete(eq(TASK), any(), any())).willThrow(new InvalidRequestException(
				List.of(new Rejection("decision.consentedServices[0]", "validation.not-eligible"))));

		mvc.perform(get("/tasks/{id}", TASK).with(police()))
			.andExpect(content().string(allOf(containsString("name=\"consentedServices\" value=\"a\""),
					containsString("Hỗ trợ nhu cầu thiết yếu"), containsString("Hỗ trợ y tế"), not(containsString("Essential needs")),
					not(containsString("value=\"g\"")), containsString("Hồ sơ chưa có quyết định nào."),
					containsString("Ngân hàng Chính sách xã hội / Bank for Social Policies"),
					containsString("Hội Liên hiệp Phụ nữ / Women&#39;s Union"), not(containsString("Đoàn Thanh niên")))));
		mvc.perform(post("/tasks/{id}", TASK).with(police()).with(csrf()).param("consentedServices", "k"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"f-consentedServices-error\"")));
	}

	@Test
	void aCompletedTaskGoesBackToTheInboxWithAConfirmation() throws Exception {
		given(caseTasks.detail(eq(TASK), any())).willReturn(detail());

		mvc.perform(post("/tasks/{id}", TASK).with(police()).with(csrf()).param("classification", "OTHER_MATTER"))
			.andExpect(redirectedUrl("/inbox"))
			.andExpect(flash().attribute("done", "Đã hoàn thành: Phân loại tin báo — QNG-2026-00001"));
		verify(caseTasks).complete(eq(TASK), any(),
				eq(new CompleteTaskRequest(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
					.put("classification", "OTHER_MATTER"), null)));
	}

	@Test
	void anotherAgencysTaskIsTheForbiddenPage() throws Exception {
		given(caseTasks.detail(eq(TASK), any())).willThrow(ApiException.forbidden("task.forbidden", TASK));

		mvc.perform(get("/tasks/{id}", TASK).with(police()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("<title>Không có quyền — Lối Về</title>"),
					containsString("không thuộc cơ quan hoặc địa bàn của bạn"))));
		mvc.perform(post("/tasks/{id}", TASK).with(police()).with(csrf()).param("classification", "OTHER_MATTER"))
			.andExpect(status().isForbidden());
		verify(caseTasks, never()).complete(any(), any(), any());
	}

	@Test
	void unknownAndDoneTasksAreTheirErrorPages() throws Exception {
		given(caseTasks.detail(eq("gone"), any())).willThrow(ApiException.notFound("task.not-found", "gone"));
		given(caseTasks.detail(eq("done"), any())).willThrow(ApiException.conflict("task.already-completed", "done"));

		mvc.perform(get("/tasks/gone").with(police())).andExpect(status().isNotFound());
		mvc.perform(get("/tasks/done").with(police())).andExpect(status().isConflict());
	}

	@Test
	void providersSeeTheirReferralsWithTheirStatus() throws Exception {
		given(referrals.of(any())).willReturn(List.of(
				new ServiceReferrals.Referral(CASE, "QNG-2026-00001", "b", ServiceReferrals.Status.WAITING, null, NOW, null,
						TASK),
				new ServiceReferrals.Referral(CASE, "QNG-2026-00002", "g", ServiceReferrals.Status.DECLINED, "OUT_OF_AREA",
						NOW.minusSeconds(86400 * 5), NOW, null)));

		mvc.perform(get("/service-referrals").with(police()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<title>Chuyển gửi dịch vụ — Lối Về</title>"),
					containsString("<table id=\"service-referrals\""),
					containsString("data-reference=\"QNG-2026-00001\" data-service=\"b\" data-status=\"WAITING\""),
					containsString("Hỗ trợ y tế"), containsString("Chờ tiếp nhận"),
					containsString("href=\"/tasks/" + TASK + "\""), containsString("data-status=\"DECLINED\""),
					containsString("Lý do: Ngoài địa bàn"), containsString("05/03/2026"))));
	}

	@Test
	void noReferralsSaysWhy() throws Exception {
		given(referrals.of(any())).willReturn(List.of());

		mvc.perform(get("/service-referrals").with(police()))
			.andExpect(content().string(allOf(containsString("Chưa có chuyển gửi nào cho cơ quan bạn trên địa bàn"),
					not(containsString("<table")))));
	}
}
