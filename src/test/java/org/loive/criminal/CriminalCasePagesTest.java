package org.loive.criminal;

import org.junit.jupiter.api.Test;
import org.loive.access.KeycloakProperties;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
import org.loive.platform.web.VietnamTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.PageLogin.officer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The criminal-case pages behind the application's page chain, rendered by the real templates, forms and
 * bundles with the service replaced: the list, the case page with the form of the agency whose turn it is,
 * each refusal beside its field, a conflict as its error page, the role gates.
 */
@WebMvcTest(controllers = CriminalCasePages.class, properties = "loive.keycloak.client-secret=slice-test",
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.loive\\.access\\.SecurityConfiguration"))
@ImportAutoConfiguration(RestClientAutoConfiguration.class)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import({ Forms.class, Problems.class, VietnamTime.class, CriminalCasePagesTest.SystemClock.class })
class CriminalCasePagesTest {

	static final UUID ID = UUID.fromString("3b1f0c7a-9d2e-4f5a-8b6c-1d2e3f4a5b6c");
	static final UUID CASE = UUID.fromString("6f1c2b9e-0d4a-4c1e-9a53-2f7f6b7c8d90");
	static final Instant AT = Instant.parse("2026-11-20T03:00:00Z");

	@TestConfiguration
	static class SystemClock {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CriminalCases cases;

	@MockitoBean
	AuditLog audit;

	static RequestPostProcessor police() {
		return signedIn("police.qng", "caseworker", "police");
	}

	static RequestPostProcessor procuracy() {
		return signedIn("procuracy.qng", "caseworker", "procuracy");
	}

	/** A QNG officer signed in through Keycloak, reading Vietnamese. */
	static RequestPostProcessor signedIn(String username, String role, String... groups) {
		RequestPostProcessor login = officer(username, role, groups);
		return request -> {
			request.addHeader("Accept-Language", "vi");
			return login.postProcessRequest(request);
		};
	}

	@Test
	void theProvincesListShowsEachCaseAndThePoliceTheFormThatOpensOne() throws Exception {
		when(cases.list(any(), eq(0), eq(CriminalCasePages.PAGE_SIZE))).thenReturn(new CriminalCaseController.CriminalCasePage(
				List.of(new CriminalCaseSummary(ID, "15/2026/QĐ-CSHS", Charge.ARTICLE_151, CriminalCaseStatus.SOLVED, 2, AT)),
				0, CriminalCasePages.PAGE_SIZE, 1));

		String html = page(mvc.perform(get("/criminal-cases").with(police())).andExpect(status().isOk()));

		assertThat(title(html)).isEqualTo("Vụ án hình sự của tỉnh — Lối Về");
		assertThat(html).contains("href=\"/criminal-cases/" + ID + "\"", "15/2026/QĐ-CSHS",
				"Điều 151 Bộ luật Hình sự: mua bán người dưới 16 tuổi", "Đã khám phá", "20/11/2026",
				"id=\"new-criminal-case-form\"", "name=\"reference\"", "name=\"charge\"");
		assertThat(page(mvc.perform(get("/criminal-cases").with(procuracy())).andExpect(status().isOk())))
			.as("only the police open a case").doesNotContain("id=\"new-criminal-case-form\"");
	}

	@Test
	void aBadCaseNumberComesBackBesideItsFieldAndNothingIsOpened() throws Exception {
		when(cases.list(any(), eq(0), eq(CriminalCasePages.PAGE_SIZE)))
			.thenReturn(new CriminalCaseController.CriminalCasePage(List.of(), 0, CriminalCasePages.PAGE_SIZE, 0));

		String html = page(mvc.perform(post("/criminal-cases").param("reference", "<script>").param("charge", "ARTICLE_150")
			.with(police()).with(csrf())).andExpect(status().isBadRequest()));

		assertThat(byId(html, "f-reference-error")).startsWith("Số vụ án gồm chữ, số");
		assertThat(html).contains("role=\"alert\"");
		verify(cases, never()).create(any(), any());
	}

	@Test
	void anOpenedCaseLeadsToItsPage() throws Exception {
		when(cases.create(any(), any())).thenReturn(ID);

		mvc.perform(post("/criminal-cases").param("reference", "Vụ án 15/2026").param("charge", "ARTICLE_150")
			.with(police()).with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/criminal-cases/" + ID));

		verify(cases).create(eq(new CriminalCaseController.NewCriminalCase("Vụ án 15/2026", Charge.ARTICLE_150)), any());
	}

	@Test
	void theProcuracySeesItsFormWithProsecutionChosenOnceTheCaseIsSolved() throws Exception {
		when(cases.view(eq(ID), any())).thenReturn(view(CriminalCaseStatus.SOLVED));

		String html = page(mvc.perform(get("/criminal-cases/" + ID).with(procuracy())).andExpect(status().isOk()));

		assertThat(title(html)).isEqualTo("Vụ án 15/2026/QĐ-CSHS — Lối Về");
		assertThat(html).contains("id=\"milestone-form\"", "Mốc tiếp theo: Truy tố", "data-milestone=\"INITIATED\"",
				"data-milestone=\"SOLVED\"", "href=\"/cases/" + CASE + "\"", "QNG-2026-000007", "type=\"date\"")
			.containsPattern("value=\"PROSECUTED\"[^>]*checked|checked[^>]*value=\"PROSECUTED\"")
			.doesNotContain("id=\"link-form\"");
	}

	@Test
	void beforeTheProcuracysTurnItHasNoFormAndThePoliceHaveTheirs() throws Exception {
		when(cases.view(eq(ID), any())).thenReturn(view(CriminalCaseStatus.INITIATED));

		assertThat(page(mvc.perform(get("/criminal-cases/" + ID).with(procuracy())).andExpect(status().isOk())))
			.doesNotContain("id=\"milestone-form\"", "id=\"link-form\"");
		assertThat(page(mvc.perform(get("/criminal-cases/" + ID).with(police())).andExpect(status().isOk())))
			.contains("id=\"milestone-form\"", "id=\"link-form\"", "Mốc tiếp theo: Khám phá");
	}

	@Test
	void aMissingDayAndADayTheServiceRefusesComeBackBesideTheDateField() throws Exception {
		when(cases.view(eq(ID), any())).thenReturn(view(CriminalCaseStatus.SOLVED));

		String missing = page(mvc.perform(post("/criminal-cases/" + ID + "/milestones").param("milestone", "PROSECUTED")
			.with(procuracy()).with(csrf())).andExpect(status().isBadRequest()));
		assertThat(byId(missing, "f-date-error")).isEqualTo("Trường bắt buộc.");
		verify(cases, never()).record(any(), any(), any());

		doThrow(new InvalidRequestException(List.of(new InvalidRequestException.Rejection("date", "validation.not-in-future"))))
			.when(cases).record(eq(ID), any(), any());
		String future = page(mvc.perform(post("/criminal-cases/" + ID + "/milestones").param("milestone", "PROSECUTED")
			.param("date", "2099-01-01").with(procuracy()).with(csrf())).andExpect(status().isBadRequest()));
		assertThat(byId(future, "f-date-error")).isEqualTo("Ngày không được ở tương lai.");
		assertThat(future).contains("value=\"2099-01-01\"");
	}

	@Test
	void aMilestoneOutOfOrderIsTheConflictPage() throws Exception {
		doThrow(ApiException.conflict("criminal-case.out-of-order", Milestone.TRIED, CriminalCaseStatus.SOLVED))
			.when(cases).record(eq(ID), any(), any());

		String html = page(mvc.perform(post("/criminal-cases/" + ID + "/milestones").param("milestone", "TRIED")
			.param("date", "2026-11-20").param("outcome", "CONVICTED")
			.with(signedIn("court.qng", "caseworker", "court")).with(csrf())).andExpect(status().isConflict()));

		assertThat(html).contains("Không ghi được mốc TRIED");
		verify(cases).record(eq(ID), eq(new CriminalCaseController.MilestoneRecord(Milestone.TRIED,
				LocalDate.of(2026, 11, 20), TrialOutcome.CONVICTED)), any());
	}

	@Test
	void linkingAndUnlinkingGoBackToTheCase() throws Exception {
		mvc.perform(post("/criminal-cases/" + ID + "/cases").param("reference", " qng-2026-000007 ").with(police()).with(csrf()))
			.andExpect(status().isFound()).andExpect(redirectedUrl("/criminal-cases/" + ID));
		verify(cases).link(eq(ID), eq("QNG-2026-000007"), any());

		mvc.perform(post("/criminal-cases/" + ID + "/cases/" + CASE + "/unlink").with(police()).with(csrf()))
			.andExpect(status().isFound()).andExpect(redirectedUrl("/criminal-cases/" + ID));
		verify(cases).unlink(eq(ID), eq(CASE), any());
	}

	@Test
	void supervisorsReadAndRecordNothingAuditorsSeeNothing() throws Exception {
		when(cases.view(eq(ID), any())).thenReturn(view(CriminalCaseStatus.SOLVED));
		RequestPostProcessor supervisor = signedIn("supervisor.qng", "supervisor");

		assertThat(page(mvc.perform(get("/criminal-cases/" + ID).with(supervisor)).andExpect(status().isOk())))
			.doesNotContain("id=\"milestone-form\"", "id=\"link-form\"");
		mvc.perform(post("/criminal-cases/" + ID + "/milestones").param("milestone", "PROSECUTED").param("date", "2026-11-20")
			.with(supervisor).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/criminal-cases").with(signedIn("auditor", "auditor"))).andExpect(status().isForbidden());
		verify(cases, never()).record(any(), any(), any());
		verify(cases, never()).list(any(), any(Integer.class), any(Integer.class));
	}

	@Test
	void theCasePageHasItsEnglish() throws Exception {
		when(cases.view(eq(ID), any())).thenReturn(view(CriminalCaseStatus.SOLVED));

		String html = page(mvc.perform(get("/criminal-cases/" + ID).with(officer("procuracy.qng", "caseworker", "procuracy"))
			.header("Accept-Language", "en")).andExpect(status().isOk()));

		assertThat(title(html)).isEqualTo("Criminal case 15/2026/QĐ-CSHS — Lối Về");
		assertThat(html).contains("Next milestone: Prosecuted", "Penal Code article 150: trafficking in persons");
	}

	private static CriminalCaseView view(CriminalCaseStatus status) {
		List<CriminalCaseView.RecordedMilestone> milestones = java.util.Arrays.stream(Milestone.values())
			.filter(milestone -> milestone.ordinal() < status.ordinal())
			.map(milestone -> new CriminalCaseView.RecordedMilestone(milestone, LocalDate.of(2026, 11, 1 + milestone.ordinal()),
					null, "police.qng", AT))
			.toList();
		return new CriminalCaseView(ID, "15/2026/QĐ-CSHS", "QNG", Charge.ARTICLE_150, status, "police.qng", AT,
				milestones, List.of(new CriminalCaseView.LinkedReferral(CASE, "QNG-2026-000007", "police.qng", AT)));
	}

	private static String page(ResultActions result) throws Exception {
		String html = result.andReturn().getResponse().getContentAsString();
		assertThat(html).as("every text from a bundle").doesNotContain("??");
		return html;
	}

	private static String title(String html) {
		Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(html);
		assertThat(title.find()).isTrue();
		return title.group(1);
	}

	/** The text of the element with this id, tags removed. */
	private static String byId(String html, String id) {
		Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
		assertThat(element.find()).as("element #" + id).isTrue();
		return element.group(1).strip();
	}
}
