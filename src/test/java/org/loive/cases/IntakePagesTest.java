package org.loive.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.loive.access.AdministrativeUnits;
import org.loive.access.Officer;
import org.loive.audit.AuditLog;
import org.loive.criminal.Charge;
import org.loive.criminal.CriminalCaseStatus;
import org.loive.criminal.CriminalCaseSummary;
import org.loive.criminal.CriminalCases;
import org.loive.platform.ApiException;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
import org.loive.vault.MatchKind;
import org.loive.workflow.CaseMilestones;
import org.loive.workflow.CaseProgress;
import org.loive.workflow.ReferralProcess;
import org.loive.workflow.ReturnMode;
import org.loive.workflow.Stage;
import org.loive.workflow.ExploitationForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The intake module's pages rendered by the real templates, forms and bundles, with the services replaced:
 * what each page shows, the 400 with the message beside the field, the 403 page, no personal data in titles.
 */
@WebMvcTest(controllers = { ReferralPages.class, CasePages.class, DashboardPages.class })
@Import({ Forms.class, Problems.class, org.loive.platform.web.VietnamTime.class, CaseDiagrams.class, IntakePagesTest.FixedClock.class })
class IntakePagesTest {

	static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
	static final UUID CASE = UUID.fromString("6f1c2b9e-0d4a-4c1e-9a53-2f7f6b7c8d90");
	static final UUID OTHER = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
	static final String CANARY = "Nguyễn Thị Canary";
	static final IntakeFacts FACTS = new IntakeFacts(ReportKind.PERSON_RETURNED, "18001567", ReturnMode.SELF_RETURN,
			TraffickingScope.CROSS_BORDER, List.of(ExploitationForm.ONLINE_SCAM_CENTRE, ExploitationForm.FORCED_LABOUR_FISHING),
			List.of(RecruitmentContext.ONLINE_CONTACT), "KH", "QNG-12345");

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
	Intake intake;

	@MockitoBean
	Cases cases;

	@MockitoBean
	Dashboard dashboard;

	@MockitoBean
	AuditLog audit;

	/** The table of administrative units knows QNG and GLI only. */
	@MockitoBean
	AdministrativeUnits units;

	@BeforeEach
	void knownAreas() {
		when(units.knows(any())).thenAnswer(call -> List.of("QNG", "GLI").contains(call.<String>getArgument(0)));
	}

	@MockitoBean
	CriminalCases criminalCases;

	/** An officer signed in through Keycloak, reading Vietnamese. */
	static RequestPostProcessor officer(String username, String role, String agency, String area) {
		return officer(username, role, agency, area, "vi");
	}

	static RequestPostProcessor officer(String username, String role, String agency, String area, String language) {
		RequestPostProcessor login = SecurityMockMvcRequestPostProcessors.oidcLogin()
			.idToken(token -> token.claim("preferred_username", username)
				.claim("roles", List.of(role))
				.claim("groups", agency == null ? List.of() : List.of(agency))
				.claim("area", area));
		return request -> {
			request.addHeader("Accept-Language", language);
			return login.postProcessRequest(request);
		};
	}

	static RequestPostProcessor police() {
		return officer("police.qng", Officer.CASEWORKER, "police", "QNG");
	}

	static RequestPostProcessor supervisor() {
		return officer("supervisor.qng", Officer.SUPERVISOR, null, "QNG");
	}

	String page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		String html = result.andReturn().getResponse().getContentAsString();
		assertThat(html).as("every text from a bundle").doesNotContain("??");
		return html;
	}

	static String title(String html) {
		Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(html);
		assertThat(title.find()).isTrue();
		return title.group(1);
	}

	/** The text of the element with this id, tags removed. */
	static String byId(String html, String id) {
		Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
		assertThat(element.find()).as("element #" + id).isTrue();
		return element.group(1).strip();
	}

	@Test
	void newReferralFormStartsWithTheOfficersAreaAndNowInVietnam() throws Exception {
		String html = page(mvc.perform(get("/referrals/new").with(police())).andExpect(status().isOk()));
		assertThat(title(html)).isEqualTo("Tiếp nhận tin báo — Lối Về");
		assertThat(html).contains("id=\"referral-form\"", "id=\"save-referral\"", "name=\"channel\"",
				"name=\"person.fullName\"", "name=\"accompanyingMinors[__i__].sex\"", "data-repeat-add=\"f-accompanyingMinors\"",
				"type=\"datetime-local\"", "value=\"2026-11-20T10:00\"", "Tổng đài 111", "Bóc lột tình dục");
		assertThat(html).containsPattern("name=\"area\" value=\"QNG\"");
	}

	@Test
	void newReferralFormOffersTheFactsTheReportsCountWithVietnameseLabels() throws Exception {
		String html = page(mvc.perform(get("/referrals/new").with(police())).andExpect(status().isOk()));

		assertThat(html).contains("Loại tin", "Tố giác về tội phạm", "Tin báo về tội phạm", "Kiến nghị khởi tố",
				"Cách trở về từ nước ngoài", "Tự trở về qua biên giới", "Được Bộ đội Biên phòng giải cứu",
				"Nơi cư trú của người được báo tin", "Phạm vi mua bán", "Ra nước ngoài, xuyên biên giới",
				"Hình thức bóc lột, nếu đã biết", "Bị ép làm việc tại trung tâm lừa đảo trực tuyến",
				"Cưỡng bức lao động trên tàu cá, đánh bắt hải sản", "Nguyên nhân bị mua bán, nếu đã biết",
				"Kết hôn với người nước ngoài", "Xuất cảnh trái phép, di cư tự do", "Tổng đài khác",
				"Nhà chức trách nước ngoài trao trả", "Cơ sở trợ giúp xã hội", "Số tổng đài");
		assertThat(html).containsPattern("<select id=\"f-channel\" name=\"channel\"")
			.containsPattern("data-shown-when=\"f-channel\" data-shown-values=\"OTHER_HOTLINE\"[^>]*>\\s*<label for=\"f-hotlineNumber\"")
			.containsPattern("type=\"checkbox\" name=\"exploitationForms\" value=\"ONLINE_SCAM_CENTRE\"")
			.containsPattern("type=\"checkbox\" name=\"recruitmentContexts\" value=\"FOREIGN_MARRIAGE\"")
			.containsPattern("type=\"radio\" name=\"returnMode\" value=\"RESCUED_BY_BORDER_GUARD\"")
			.containsPattern("name=\"residenceArea\"");
	}

	@Test
	void theFactsAreReadFromTheFormAsTheApiReadsThem() throws Exception {
		when(intake.register(any(), any())).thenReturn(new RegisteredReferral(CASE, "QNG-2026-000008", List.of(), List.of()));
		mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "OTHER_HOTLINE").param("hotlineNumber", " 18001567 ").param("reportKind", "CRIME_REPORT")
				.param("area", "QNG").param("receivedAt", "2026-11-20T08:30").param("immediateDanger", "false")
				.param("returnMode", "SELF_RETURN").param("residenceArea", "QNG-12345")
				.param("exploitationForms", "ONLINE_SCAM_CENTRE", "FORCED_LABOUR_FISHING").param("exploitationForms._present", "1")
				.param("recruitmentContexts", "ONLINE_CONTACT").param("recruitmentContexts._present", "1")
				.param("traffickingScope", "CROSS_BORDER").param("destinationCountry", "KH"))
			.andExpect(status().isFound());
		ArgumentCaptor<ReferralRequest> request = ArgumentCaptor.forClass(ReferralRequest.class);
		verify(intake).register(request.capture(), any());

		assertThat(request.getValue().facts()).isEqualTo(new IntakeFacts(ReportKind.CRIME_REPORT, "18001567",
				ReturnMode.SELF_RETURN, TraffickingScope.CROSS_BORDER,
				List.of(ExploitationForm.ONLINE_SCAM_CENTRE, ExploitationForm.FORCED_LABOUR_FISHING),
				List.of(RecruitmentContext.ONLINE_CONTACT), "KH", "QNG-12345"));
	}

	@Test
	void badCodesComeBackBesideTheirFieldsAndNothingIsSaved() throws Exception {
		String unknownCode = page(mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "POLICE").param("area", "QNG").param("receivedAt", "2026-11-20T08:30")
				.param("immediateDanger", "false").param("exploitationForms", "SEXUAL_EXPLOITATION", "FISHING"))
			.andExpect(status().isBadRequest()));
		String badNumbers = page(mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "OTHER_HOTLINE").param("hotlineNumber", "1800-1567").param("area", "QNG")
				.param("receivedAt", "2026-11-20T08:30").param("immediateDanger", "false")
				.param("residenceArea", "Quảng Ngãi"))
			.andExpect(status().isBadRequest()));
		String noNumber = page(mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "OTHER_HOTLINE").param("area", "QNG").param("receivedAt", "2026-11-20T08:30")
				.param("immediateDanger", "false"))
			.andExpect(status().isBadRequest()));

		assertThat(byId(unknownCode, "f-exploitationForms-error")).isEqualTo("Mã này không có trong danh sách được chấp nhận.");
		assertThat(byId(badNumbers, "f-hotlineNumber-error")).contains("3 đến 12 chữ số");
		assertThat(byId(badNumbers, "f-residenceArea-error")).contains("Mã địa bàn");
		assertThat(byId(noNumber, "f-hotlineNumber-error")).contains("Ghi số tổng đài");
		verify(intake, never()).register(any(), any());
	}

	@Test
	void casePageShowsTheFactsInVietnamese() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		String html = page(mvc.perform(get("/cases/" + CASE).with(police())).andExpect(status().isOk()));

		assertThat(byId(html, "fact-report-kind")).isEqualTo("Người trở về từ nước ngoài");
		assertThat(byId(html, "fact-hotline-number")).isEqualTo("18001567");
		assertThat(byId(html, "fact-return-mode")).isEqualTo("Tự trở về qua biên giới");
		assertThat(byId(html, "fact-residence")).isEqualTo("QNG-12345");
		assertThat(byId(html, "fact-scope")).isEqualTo("Ra nước ngoài, xuyên biên giới");
		assertThat(byId(html, "fact-exploitation"))
			.isEqualTo("Bị ép làm việc tại trung tâm lừa đảo trực tuyến, Cưỡng bức lao động trên tàu cá, đánh bắt hải sản");
		assertThat(byId(html, "fact-recruitment")).isEqualTo("Quen qua mạng xã hội, không gian mạng");
		assertThat(byId(html, "fact-destination")).isEqualTo("KH");
	}

	@Test
	void badPhoneAndBadMinorSexComeBackBesideTheirFieldsAndNothingIsSaved() throws Exception {
		String html = page(mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "HOTLINE_111").param("area", "QNG").param("receivedAt", "2026-11-20T08:30")
				.param("immediateDanger", "false").param("person.fullName", CANARY).param("person.phone", "abc-def")
				.param("accompanyingMinors[0].sex", "Q"))
			.andExpect(status().isBadRequest()));
		assertThat(byId(html, "f-person-phone-error")).contains("Số điện thoại");
		assertThat(byId(html, "f-accompanyingMinors-0-sex-error")).contains("Giới tính");
		assertThat(html).contains("role=\"alert\"", "value=\"" + CANARY + "\"");
		assertThat(title(html)).doesNotContain("Canary").isEqualTo("Tiếp nhận tin báo — Lối Về");
		verify(intake, never()).register(any(), any());
	}

	@Test
	void anAreaTheTableOfAdministrativeUnitsDoesNotKnowComesBackBesideItsField() throws Exception {
		String html = page(mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "POLICE").param("area", "QNG-99999").param("receivedAt", "2026-11-20T08:30")
				.param("immediateDanger", "false"))
			.andExpect(status().isBadRequest()));
		assertThat(byId(html, "f-area-error")).contains("Không có tỉnh, thành phố (hoặc xã, phường) với mã này");
		verify(intake, never()).register(any(), any());
	}

	@Test
	void savedReferralRedirectsToItsRegisteredPage() throws Exception {
		when(intake.register(any(), any())).thenReturn(new RegisteredReferral(CASE, "QNG-2026-000007", List.of(), List.of()));
		mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "POLICE").param("area", "QNG").param("receivedAt", "2026-11-20T08:30")
				.param("immediateDanger", "true").param("accompanyingMinors[0].sex", "F"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/cases/" + CASE + "/registered"));
	}

	@Test
	void anotherProvincesAreaIsTheForbiddenPage() throws Exception {
		when(intake.register(any(), any())).thenThrow(ApiException.forbidden("intake.other-area", "GLI"));
		String html = page(mvc.perform(post("/referrals").with(police()).with(csrf())
				.param("channel", "POLICE").param("area", "GLI").param("receivedAt", "2026-11-20T08:30")
				.param("immediateDanger", "false").param("person.fullName", CANARY))
			.andExpect(status().isForbidden()));
		assertThat(title(html)).isEqualTo("Không có quyền — Lối Về");
		assertThat(html).contains("GLI").doesNotContain(CANARY);
	}

	@Test
	void registeredPageShowsTheReferenceAndEveryFlag() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of(new CaseFlags.Flag(CaseFlags.Kind.RE_TRAFFICKING_RISK,
				UUID.randomUUID(), OTHER, "QNG-2025-000042", "QNG", EnumSet.of(MatchKind.ID_NUMBER, MatchKind.PHONE), NOW))));
		String html = page(mvc.perform(get("/cases/" + CASE + "/registered").with(police())).andExpect(status().isOk()));
		assertThat(byId(html, "reference")).isEqualTo("QNG-2026-000007");
		assertThat(html).contains("id=\"flags\"", "Nguy cơ bị mua bán lại", "hồ sơ đã đóng QNG-2025-000042",
				"số định danh, số điện thoại", "href=\"/cases/" + OTHER + "\"", "href=\"/inbox\"", "href=\"/referrals/new\"");
	}

	@Test
	void caseListSearchesByReferenceAndLabelsEveryColumn() throws Exception {
		when(cases.list(any(), eq("qng-2026"), eq(Stage.VERIFICATION), isNull(), isNull(), eq(0), eq(CasePages.PAGE_SIZE)))
			.thenReturn(new CasePage(List.of(new CaseSummary(CASE, "QNG-2026-000007", "HOTLINE_111", "QNG", NOW,
					Stage.VERIFICATION, 2, true)), 0, CasePages.PAGE_SIZE, 1));
		String html = page(mvc.perform(get("/cases").param("q", "qng-2026").param("stage", "VERIFICATION").with(police()))
			.andExpect(status().isOk()));
		assertThat(title(html)).isEqualTo("Hồ sơ của địa bàn — Lối Về");
		assertThat(html).contains("<table id=\"cases\"", "data-case-id=\"" + CASE + "\"", "data-reference=\"QNG-2026-000007\"",
				"data-stage=\"VERIFICATION\"", "Tổng đài 111", "20/11/2026", "Xác minh", "status overdue");
	}

	@Test
	void emptyCaseListSaysWhy() throws Exception {
		when(cases.list(any(), any(), any(), eq(true), eq(java.time.YearMonth.of(2026, 11)), eq(0), eq(CasePages.PAGE_SIZE)))
			.thenReturn(new CasePage(List.of(), 0, CasePages.PAGE_SIZE, 0));
		String html = page(mvc.perform(get("/cases").param("overdue", "true").param("received", "2026-11")
			.with(supervisor())).andExpect(status().isOk()));
		assertThat(html).contains("empty-state", "Không có hồ sơ nào khớp", "value=\"2026-11\"")
			.doesNotContain("<table id=\"cases\"");
	}

	@Test
	void casePageShowsTheChainTheDiagramAndTheCaseworkersForms() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		when(criminalCases.linkedTo(eq(CASE), any())).thenReturn(List.of(new CriminalCaseSummary(OTHER,
				"15/2026/QĐ-CSHS", Charge.ARTICLE_150, CriminalCaseStatus.INITIATED, 2, NOW)));
		String html = page(mvc.perform(get("/cases/" + CASE).with(police())).andExpect(status().isOk()));
		assertThat(title(html)).isEqualTo("Hồ sơ QNG-2026-000007 — Lối Về");
		assertThat(html).contains("<ol id=\"timeline\"", "data-task-key=\"Task_Classify\"", "data-state=\"done\"",
				"data-task-key=\"Task_InitialVerification\"", "data-state=\"overdue\"", "quá hạn 1 ngày · 19/11/2026",
				"Công an / Police", "20/11/2026 09:15", "Rút lại sự đồng ý cho cả hồ sơ", "id=\"diagram-victim-referral\"",
				"src=\"/cases/" + CASE + "/diagram/victim-referral.svg\"", "bước hiện tại: Xác minh ban đầu",
				"hx-get=\"/cases/" + CASE + "/persons-panel\"", "id=\"withdrawal-form\"",
				"data-confirm=", "href=\"/criminal-cases/" + OTHER + "\"", "15/2026/QĐ-CSHS",
				"Điều 150 Bộ luật Hình sự: mua bán người", "Đã khởi tố", "Kết quả giải quyết tin báo",
				"Khởi tố vụ án · 20/11/2026", "id=\"report-resolution-form\"")
			.doesNotContain("id=\"transfer-form\"", "id=\"cockpit-link\"");
		String health = page(mvc.perform(get("/cases/" + CASE).with(officer("health.qng", Officer.CASEWORKER, "health", "QNG")))
			.andExpect(status().isOk()));
		assertThat(health).as("only the police and the border guard resolve reports").doesNotContain("id=\"report-resolution-form\"");
	}

	@Test
	void aReportResolutionInTheFutureIsRefusedNextToItsFieldAndNothingIsRecorded() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		String html = page(mvc.perform(post("/cases/" + CASE + "/report-resolution").with(police()).with(csrf())
				.param("outcome", "INITIATED").param("decidedOn", "2999-01-01"))
			.andExpect(status().isBadRequest()));
		assertThat(html).contains("id=\"report-resolution-form\"", "2999-01-01");
		verify(cases, never()).resolveReport(any(), any(), any(), any());
	}

	@Test
	void everyPageHasItsEnglish() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		RequestPostProcessor english = officer("police.qng", Officer.CASEWORKER, "police", "QNG", "en");
		assertThat(title(page(mvc.perform(get("/cases/" + CASE).with(english)).andExpect(status().isOk()))))
			.isEqualTo("Case QNG-2026-000007 — Lối Về");
		assertThat(page(mvc.perform(get("/referrals/new").with(english)).andExpect(status().isOk())))
			.contains("Receive a report", "Hotline 111", "Accompanying minors");
	}

	@Test
	void supervisorGetsTransferAndCockpitButNoCaseworkerForms() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		String html = page(mvc.perform(get("/cases/" + CASE).with(supervisor())).andExpect(status().isOk()));
		assertThat(html).contains("id=\"transfer-form\"", "/camunda/app/cockpit/default/#/process-instance/pi-1")
			.doesNotContain("id=\"withdrawal-form\"");
	}

	@Test
	void anotherProvincesCaseIsTheForbiddenPage() throws Exception {
		when(cases.view(eq(CASE), any())).thenThrow(ApiException.forbidden("case.other-area", CASE));
		String html = page(mvc.perform(get("/cases/" + CASE).with(officer("police.gli", Officer.CASEWORKER, "police", "GLI")))
			.andExpect(status().isForbidden()));
		assertThat(title(html)).isEqualTo("Không có quyền — Lối Về");
	}

	@Test
	void badTransferAreaReRendersTheCasePageWithTheMessageBesideTheField() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		String html = page(mvc.perform(post("/cases/" + CASE + "/transfer").param("area", "gia lai").with(supervisor())
				.with(csrf())).andExpect(status().isBadRequest()));
		assertThat(byId(html, "f-area-error")).contains("Mã địa bàn");
		assertThat(html).contains("value=\"gia lai\"", "role=\"alert\"");
		verify(cases, never()).transfer(any(), any(), any());
	}

	@Test
	void aTransferToAProvinceTheTableDoesNotKnowIsRefusedBesideTheField() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		String html = page(mvc.perform(post("/cases/" + CASE + "/transfer").param("area", "XYZ").with(supervisor())
				.with(csrf())).andExpect(status().isBadRequest()));
		assertThat(byId(html, "f-area-error")).contains("danh mục đơn vị hành chính");
		verify(cases, never()).transfer(any(), any(), any());
	}

	@Test
	void transferredCaseLeavesTheSupervisorOnTheListWithTheConfirmation() throws Exception {
		mvc.perform(post("/cases/" + CASE + "/transfer").param("area", "GLI").with(supervisor()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/cases"));
		verify(cases).transfer(eq(CASE), eq("GLI"), any());
		when(cases.list(any(), any(), any(), any(), any(), eq(0), eq(CasePages.PAGE_SIZE)))
			.thenReturn(new CasePage(List.of(), 0, CasePages.PAGE_SIZE, 0));
		assertThat(page(mvc.perform(get("/cases").flashAttr("done", "transfer").with(supervisor()))))
			.contains("role=\"status\"", "Đã chuyển hồ sơ sang địa bàn mới.");
	}

	@Test
	void missingWithdrawalReasonIsRefusedBesideTheField() throws Exception {
		when(cases.view(eq(CASE), any())).thenReturn(view(List.of()));
		String html = page(mvc.perform(post("/cases/" + CASE + "/consent-withdrawal").with(police()).with(csrf()))
			.andExpect(status().isBadRequest()));
		assertThat(byId(html, "f-reason-error")).isEqualTo("Trường bắt buộc.");
		verify(cases, never()).withdrawConsent(any(), any(), any());
	}

	@Test
	void diagramIsServedAsAnImageWithTheCurrentStepMarkedAndItsOwnPolicy() throws Exception {
		when(cases.currentActivities(eq(CASE), any())).thenReturn(Map.of(ReferralProcess.KEY,
				java.util.Set.of(ReferralProcess.INITIAL_VERIFICATION, ReferralProcess.PROTECTION), "victim-protection",
				java.util.Set.of("Task_ApplyProtection")));
		String svg = mvc.perform(get("/cases/" + CASE + "/diagram/victim-referral.svg").with(police()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("image/svg+xml")))
			.andExpect(header().string("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"))
			.andReturn().getResponse().getContentAsString();
		assertThat(svg).containsPattern("<g class=\"" + CaseDiagrams.CURRENT
				+ " [^\"]*\" data-element-id=\"Task_InitialVerification\"");
		assertThat(svg).containsPattern("<g class=\"" + CaseDiagrams.CURRENT
				+ " [^\"]*\" data-element-id=\"CallActivity_Protection\"");
		assertThat(svg).doesNotContainPattern("class=\"" + CaseDiagrams.CURRENT + " [^\"]*\" data-element-id=\"Task_Classify\"");
	}

	@Test
	void anotherProvincesDiagramIsForbidden() throws Exception {
		when(cases.currentActivities(eq(CASE), any())).thenThrow(ApiException.forbidden("case.other-area", CASE));
		mvc.perform(get("/cases/" + CASE + "/diagram/victim-referral.svg").with(police())).andExpect(status().isForbidden());
	}

	@Test
	void unknownDiagramIsNotFound() throws Exception {
		when(cases.currentActivities(eq(CASE), any())).thenReturn(Map.of());
		mvc.perform(get("/cases/" + CASE + "/diagram/no-such-process.svg").with(police())).andExpect(status().isNotFound());
	}

	@Test
	void dashboardLinksEveryNumberToItsCases() throws Exception {
		when(dashboard.of(any())).thenReturn(new Dashboard.Figures(Map.of(Stage.VERIFICATION, 3, Stage.CLASSIFICATION, 1),
				Map.of("health", 2), List.of(new Dashboard.LateStep(ReferralProcess.INITIAL_VERIFICATION, "Xác minh ban đầu", 2)),
				4, List.of(new CaseProgress.ProvinceEscalation(CASE, ReferralProcess.INITIAL_VERIFICATION, "Xác minh ban đầu",
						NOW.minusSeconds(86_400), NOW)),
				Map.of("health", new Dashboard.Workload(5, 2)), java.time.YearMonth.of(2026, 11), 7, 4));
		String html = page(mvc.perform(get("/dashboard").with(supervisor())).andExpect(status().isOk()));
		assertThat(title(html)).isEqualTo("Tổng quan địa bàn — Lối Về");
		assertThat(html).contains("id=\"by-stage\"", "href=\"/cases?stage=VERIFICATION\" data-stage=\"VERIFICATION\">3</a>",
				"id=\"overdue-by-agency\"", "Sở Y tế, cơ sở trợ giúp xã hội / Health department, social assistance",
				"href=\"/cases?overdue=true\">2</a>", "id=\"received-this-month\"", "Tiếp nhận tháng 11/2026", "href=\"/cases?received=2026-11\"",
				"href=\"/cases?received=2026-10\"",
				"tháng trước: 4", "href=\"/cases/" + CASE + "\"");
	}

	/** A case in verification, its initial verification a day overdue, classified, consent withdrawn. */
	static CaseView view(List<CaseFlags.Flag> flags) {
		return new CaseView(CASE, "QNG-2026-000007", "HOTLINE_111", "INLAND", "QNG", "QNG", NOW.minusSeconds(7200), false,
				FACTS, "police.qng", NOW.minusSeconds(7000), Stage.VERIFICATION, null, List.of(), flags,
				List.of(new CaseProgress.CompletedStep(ReferralProcess.CLASSIFY, "Phân loại tin báo", List.of("police"),
						"police.qng", Instant.parse("2026-11-20T02:15:00Z"))),
				List.of(new CaseProgress.OpenStep("t-2", ReferralProcess.KEY, ReferralProcess.INITIAL_VERIFICATION,
						"Xác minh ban đầu", List.of("health", "police"), null, Instant.parse("2026-11-16T02:20:00Z"),
						Instant.parse("2026-11-19T02:20:00Z"), true)),
				List.of(), List.of(new CaseMilestones.Milestone(CaseMilestones.Kind.CONSENT_WITHDRAWN, "PERSON_DECLINED", "police.qng",
						Instant.parse("2026-11-20T02:50:00Z"))), "pi-1",
				new ReportResolution(ReportResolution.ReportDecision.INITIATED, LocalDate.parse("2026-11-20"), "police.qng"));
	}
}
