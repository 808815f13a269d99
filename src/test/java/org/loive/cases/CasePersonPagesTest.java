package org.loive.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
import org.loive.platform.web.VietnamTime;
import org.loive.vault.Consents;
import org.loive.vault.PersonalData;
import org.loive.vault.Section;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The persons panel and its forms, with the services and the decision point replaced: what is offered,
 * what a reveal returns and with which headers, a refusal as an htmx alert, a bad field's message in place,
 * and no victim data in a title or a URL.
 */
@WebMvcTest(CasePersonPages.class)
@Import({ CasePersonPanel.class, Forms.class, Problems.class, VietnamTime.class, IntakePagesTest.FixedClock.class })
class CasePersonPagesTest {

	private static final UUID CASE = UUID.randomUUID();
	private static final UUID VICTIM = UUID.randomUUID();
	private static final UUID RELATIVE = UUID.randomUUID();
	private static final UUID TASK = UUID.randomUUID();
	private static final VictimDataAccess.CaseScope QNG = new VictimDataAccess.CaseScope(CASE, "QNG");
	private static final String NAME = "Nguyễn Thị Hoa";
	private static final String PHONE = "0912 345 678";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CasePersonRecords records;
	@MockitoBean
	private Cases cases;
	@MockitoBean
	private CasePersons persons;
	@MockitoBean
	private VictimDataAccess access;
	@MockitoBean
	private AuditLog audit;

	@BeforeEach
	void aCaseOfQuangNgaiWithAVictimAndARelative() {
		when(cases.scope(CASE)).thenReturn(QNG);
		when(persons.coded(CASE)).thenReturn(List.of(new CasePersons.CodedPerson(VICTIM, CasePersons.Role.VICTIM, "F", "16-17"),
				new CasePersons.CodedPerson(RELATIVE, CasePersons.Role.RELATIVE, null, null)));
		when(access.readable(any(), eq(QNG), any(), anySet())).thenReturn(new VictimDataAccess.Readable(
				Set.of("identity", "contact"), Map.of("narrative", VictimDataAccess.Refusal.NO_CONSENT, "health",
						VictimDataAccess.Refusal.NOT_DUTY, "legal", VictimDataAccess.Refusal.NOT_DUTY), true));
	}

	@Test
	void thePanelOffersOnlyTheSectionsTheDecisionPointAllowsAndSaysWhyNotTheOthers() throws Exception {
		String html = html(mvc.perform(htmx(get("/cases/{c}/persons-panel", CASE).param("task", TASK.toString())
			.with(caseworker()))).andExpect(status().isOk()).andReturn());
		assertThat(html).contains("id=\"persons-panel-content\"")
			.contains("data-person-id=\"" + VICTIM + "\"", "data-role=\"VICTIM\"", "data-role=\"RELATIVE\"")
			.contains("Nạn nhân", "Người thân", "Nữ", "16-17 tuổi")
			.contains("data-reveal=\"identity\"", "data-reveal=\"contact\"")
			.doesNotContain("data-reveal=\"narrative\"", "data-reveal=\"health\"", "data-reveal=\"legal\"")
			.contains("chưa đồng ý chia sẻ", "không thuộc nhiệm vụ")
			.contains("class=\"sections-form\"", "class=\"consent-form\"", "id=\"add-person-form\"")
			.contains("name=\"task\" value=\"" + TASK + "\"")
			.doesNotContain("break-glass-form", "<html");
		assertThat(count(html, "data-reveal=\"identity\"")).isEqualTo(2);
		assertThat(count(html, "autocomplete=\"off\"")).isEqualTo(count(html, "<input") - count(html, "type=\"hidden\"")
				+ count(html, "<textarea") + count(html, "<select"));
		assertNothingPersonalInTitlesOrUrls(html);
	}

	@Test
	void aSupervisorGetsNoRevealButtonsButABreakGlassFormPerPerson() throws Exception {
		when(access.readable(any(), eq(QNG), any(), anySet())).thenReturn(new VictimDataAccess.Readable(Set.of(),
				Map.of("identity", VictimDataAccess.Refusal.NO_VICTIM_DATA), false));
		String html = html(mvc.perform(htmx(get("/cases/{c}/persons-panel", CASE).with(supervisor())))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(html).doesNotContain("data-reveal=", "sections-form", "add-person-form")
			.contains("Đọc khẩn cấp (break-glass)", "Khẩn cấp về an toàn", "name=\"reference\"");
		assertThat(count(html, "class=\"break-glass-form\"")).isEqualTo(2);
	}

	@Test
	void aRevealReturnsTheSectionReadByTheOneServiceAndIsNeverCached() throws Exception {
		when(records.read(CASE, VICTIM, EnumSet.of(Section.IDENTITY), caseworkerOfficer())).thenReturn(
				new CasePersonRecords.PersonView(VICTIM, CasePersons.Role.VICTIM, new PersonalData(
						new PersonalData.Identity(NAME, null, LocalDate.of(2004, 3, 15), "F", "VN", null, null), null, null, null, null)));
		MvcResult result = mvc.perform(htmx(post("/cases/{c}/persons/{p}/reveal", CASE, VICTIM).param("sections", "identity")
			.param("task", TASK.toString())
			.with(caseworker())
			.with(csrf())))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn();
		assertThat(html(result)).contains("class=\"revealed\" data-section=\"identity\"", NAME, "15/03/2004", "<dd>Nữ</dd>",
				"Việc xem đã được ghi nhật ký", "Ẩn", "hx-get=\"/cases/" + CASE + "/persons/" + VICTIM + "/hidden\"");
		assertNothingPersonalInTitlesOrUrls(html(result));
		String page = html(mvc.perform(vi(post("/cases/{c}/persons/{p}/reveal", CASE, VICTIM)).param("sections", "identity")
			.with(caseworker())
			.with(csrf())).andExpect(status().isOk()).andReturn());
		assertThat(page).contains("<title>Dữ liệu đã xem — Lối Về</title>", "<h1>Dữ liệu đã xem</h1>", NAME);
		assertNothingPersonalInTitlesOrUrls(page);
	}

	@Test
	void aRefusedRevealIsA403AlertForHtmxAndTheErrorPageOtherwise() throws Exception {
		when(records.read(eq(CASE), eq(VICTIM), eq(EnumSet.of(Section.HEALTH)), any()))
			.thenThrow(ApiException.forbidden("access.section-not-allowed", "health"));
		String alert = html(mvc.perform(htmx(post("/cases/{c}/persons/{p}/reveal", CASE, VICTIM).param("sections", "health")
			.with(caseworker())
			.with(csrf()))).andExpect(status().isForbidden()).andReturn());
		assertThat(alert).contains("class=\"alert alert-error\" role=\"alert\"", "Không có quyền")
			.doesNotContain("<html", "revealed");
		String page = html(mvc.perform(vi(post("/cases/{c}/persons/{p}/reveal", CASE, VICTIM).param("sections", "health")
			.with(caseworker())
			.with(csrf()))).andExpect(status().isForbidden()).andReturn());
		assertThat(page).contains("<html", "<h1>Không có quyền</h1>");
	}

	@Test
	void aBadPhoneIsShownNextToItsFieldAndNothingIsWritten() throws Exception {
		String html = html(mvc.perform(htmx(post("/cases/{c}/persons/{p}/sections", CASE, VICTIM)
			.param("identity.fullName", NAME)
			.param("contact.phone", "call me")
			.with(caseworker())
			.with(csrf()))).andExpect(status().isBadRequest()).andReturn());
		Matcher error = Pattern.compile("id=\"(f-contact-phone-" + VICTIM + ")-error\"[^>]*>([^<]+)<").matcher(html);
		assertThat(error.find()).isTrue();
		assertThat(error.group(2)).contains("Số điện thoại gồm 6 đến 32 chữ số");
		assertThat(html).contains("name=\"identity.fullName\" value=\"" + NAME + "\"", "role=\"alert\"");
		verify(records, never()).amend(any(), any(), any(), any());
		assertNothingPersonalInTitlesOrUrls(html);
	}

	@Test
	void anEmptyWriteNeedsASectionAndAGoodOneIsConfirmedOnTheCasePage() throws Exception {
		String empty = html(mvc.perform(htmx(post("/cases/{c}/persons/{p}/sections", CASE, VICTIM).with(caseworker())
			.with(csrf()))).andExpect(status().isBadRequest()).andReturn());
		assertThat(empty).contains("Cần ít nhất một phần dữ liệu");
		mvc.perform(post("/cases/{c}/persons/{p}/sections", CASE, VICTIM).param("contact.phone", PHONE)
			.with(caseworker())
			.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/cases/" + CASE));
		verify(records).amend(CASE, VICTIM, new PersonalData(null, new PersonalData.Contact(PHONE, null), null, null, null),
				caseworkerOfficer());
	}

	@Test
	void aBreakGlassReadGoesToTheServiceWithItsReasonAndWarnsOfTheReview() throws Exception {
		when(records.breakGlass(CASE, VICTIM, EnumSet.of(Section.CONTACT), VictimDataAccess.BreakGlassReason.SAFETY_EMERGENCY,
				"123/QĐ-CA", supervisorOfficer())).thenReturn(new CasePersonRecords.PersonView(VICTIM,
						CasePersons.Role.VICTIM, new PersonalData(null, new PersonalData.Contact(PHONE, null), null, null, null)));
		String html = html(mvc.perform(htmx(post("/cases/{c}/persons/{p}/break-glass", CASE, VICTIM)
			.param("sections", "contact")
			.param("reason", "SAFETY_EMERGENCY")
			.param("reference", "123/QĐ-CA")
			.with(supervisor())
			.with(csrf())))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn());
		assertThat(html).contains("Lần đọc này được đánh dấu để thanh tra xem xét", PHONE, "data-section=\"contact\"",
				"class=\"break-glass-form\"");
		assertNothingPersonalInTitlesOrUrls(html);
	}

	@Test
	void aBreakGlassWithoutReasonIsShownAgainAndReadsNothing() throws Exception {
		String html = html(mvc.perform(htmx(post("/cases/{c}/persons/{p}/break-glass", CASE, VICTIM)
			.param("sections", "contact")
			.with(supervisor())
			.with(csrf()))).andExpect(status().isBadRequest()).andReturn());
		assertThat(html).contains("class=\"break-glass-form\"", "id=\"f-reason-" + VICTIM + "-error\"", "role=\"alert\"")
			.doesNotContain("class=\"revealed\"");
		verify(records, never()).breakGlass(any(), any(), any(), any(), any(), any());
	}

	@Test
	void withoutHtmxThePanelIsAPageAndAnUnknownCaseTheErrorPage() throws Exception {
		String html = html(mvc.perform(vi(get("/cases/{c}/persons-panel", CASE)).with(caseworker()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(html).contains("<title>Người trong hồ sơ — Lối Về</title>", "<h1>Người trong hồ sơ</h1>",
				"class=\"breadcrumb\"", "id=\"persons-panel-content\"");
		UUID unknown = UUID.randomUUID();
		when(cases.visible(eq(unknown), any())).thenThrow(ApiException.notFound("case.not-found", unknown));
		assertThat(html(mvc.perform(vi(get("/cases/{c}/persons-panel", unknown)).with(caseworker()))
			.andExpect(status().isNotFound())
			.andReturn())).contains("<title>Không tìm thấy — Lối Về</title>");
	}

	@Test
	void aConsentIsGrantedWithTheSectionCodesAndTheAgencyAndThePanelComesBackConfirmed() throws Exception {
		String html = html(mvc.perform(htmx(post("/cases/{c}/persons/{p}/consents", CASE, VICTIM).param("purpose", "LEGAL_AID")
			.param("recipientAgency", "LEGAL_AID")
			.param("sections", "identity", "legal")
			.param("task", TASK.toString())
			.with(caseworker())
			.with(csrf()))).andExpect(status().isOk()).andReturn());
		verify(records).grant(CASE, VICTIM, Consents.Purpose.LEGAL_AID, Agency.LEGAL_AID,
				EnumSet.of(Section.IDENTITY, Section.LEGAL), caseworkerOfficer());
		assertThat(html).contains("class=\"alert alert-ok\" role=\"status\"", "Đã ghi nhận đồng ý chia sẻ.",
				"id=\"persons-panel-content\"");
	}

	@Test
	void aConsentIsListedWithLabelsAndItsWithdrawalAsksASecondTime() throws Exception {
		UUID consent = UUID.randomUUID();
		when(records.consents(eq(CASE), eq(VICTIM), any())).thenReturn(List.of(new Consents.Consent(consent, VICTIM,
				Consents.Purpose.HEALTH_CARE, Agency.HEALTH, EnumSet.of(Section.NARRATIVE),
				Instant.parse("2026-03-14T02:30:00Z"), "police.qng", null, null)));
		String html = html(mvc.perform(htmx(get("/cases/{c}/persons-panel", CASE)).with(caseworker()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(html).contains("Chăm sóc sức khỏe", Agency.HEALTH.label(), "Lời khai, tường trình",
				"police.qng · 14/03/2026 09:30", "Còn hiệu lực", "data-confirm=\"Rút lại lần đồng ý này?",
				"/consents/" + consent + "/withdrawal\"");
		mvc.perform(vi(post("/cases/{c}/persons/{p}/consents/{id}/withdrawal", CASE, VICTIM, consent)).with(caseworker())
			.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/cases/" + CASE))
			.andExpect(flash().attribute("done", "Đã rút lại lần đồng ý."));
		verify(records).withdraw(CASE, VICTIM, consent, caseworkerOfficer());
	}

	@Test
	void aPersonAddedWithARoleTheServiceRefusesIsShownAgainWithItsMessage() throws Exception {
		when(records.add(eq(CASE), eq(CasePersons.Role.VICTIM), any(), any())).thenThrow(new InvalidRequestException(
				List.of(new InvalidRequestException.Rejection("role", "validation.role-added"))));
		String html = html(mvc.perform(htmx(post("/cases/{c}/persons", CASE).param("role", "VICTIM")
			.param("person.fullName", NAME)
			.with(caseworker())
			.with(csrf()))).andExpect(status().isBadRequest()).andReturn());
		assertThat(html).contains("id=\"f-role-add-person-error\"", "name=\"person.fullName\" value=\"" + NAME + "\"");
		assertNothingPersonalInTitlesOrUrls(html);
	}

	@Test
	void aRevealOfASectionThatDoesNotExistIsABadRequest() throws Exception {
		mvc.perform(htmx(post("/cases/{c}/persons/{p}/reveal", CASE, VICTIM).param("sections", "everything")
			.with(caseworker())
			.with(csrf()))).andExpect(status().isBadRequest());
		verify(records, never()).read(any(), any(), any(), any());
	}

	private static void assertNothingPersonalInTitlesOrUrls(String html) {
		Matcher titles = Pattern.compile("<title>([^<]*)</title>").matcher(html);
		while (titles.find()) {
			assertThat(titles.group(1)).doesNotContain(NAME, PHONE);
		}
		Matcher urls = Pattern.compile("(?:href|action|hx-get|hx-post|src)=\"([^\"]*)\"").matcher(html);
		while (urls.find()) {
			assertThat(urls.group(1)).matches("[/a-z0-9?=&.#-]*").doesNotContain(NAME, PHONE);
		}
	}

	private static int count(String html, String text) {
		return html.split(Pattern.quote(text), -1).length - 1;
	}

	private static String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return vi(request).header("HX-Request", "true");
	}

	private static MockHttpServletRequestBuilder vi(MockHttpServletRequestBuilder request) {
		return request.locale(Locale.forLanguageTag("vi"));
	}

	private static Officer caseworkerOfficer() {
		return new Officer("police.qng", Set.of(Officer.CASEWORKER), Set.of("police"), "QNG");
	}

	private static Officer supervisorOfficer() {
		return new Officer("supervisor.qng", Set.of(Officer.SUPERVISOR), Set.of(), "QNG");
	}

	private static SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor caseworker() {
		return login(caseworkerOfficer());
	}

	private static SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor supervisor() {
		return login(supervisorOfficer());
	}

	private static SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor login(Officer officer) {
		return oidcLogin().idToken(token -> token.claim("preferred_username", officer.username())
			.claim("roles", List.copyOf(officer.roles()))
			.claim("groups", List.copyOf(officer.agencies()))
			.claim("area", officer.area()));
	}
}
