package org.loive.vault;

import org.junit.jupiter.api.Test;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrator's key page in a web slice: keys, rotations and their polling, a start and its refusals. */
@WebMvcTest(VaultPages.class)
@Import(Problems.class)
class VaultPagesTest {

	/** 08:00 on 1 December 2026 in Vietnam. */
	static final Instant AT = Instant.parse("2026-12-01T01:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	VaultKeyFile keys;

	@MockitoBean
	KeyRotations rotations;

	@MockitoBean
	AuditLog log;

	static RequestPostProcessor admin() {
		return admin(Locale.forLanguageTag("vi"));
	}

	static RequestPostProcessor admin(Locale language) {
		OidcLoginRequestPostProcessor login = oidcLogin().idToken(token -> token.claim("preferred_username", "admin")
			.claim("roles", List.of("admin"))
			.claim("groups", List.of())
			.claim("area", "QNG"));
		return request -> {
			request.addPreferredLocale(language);
			return login.postProcessRequest(request);
		};
	}

	static KeyRotations.Rotation running() {
		return new KeyRotations.Rotation(3, 2222, "admin", AT, 1000, 400, 600, false, null);
	}

	static KeyRotations.Rotation finished() {
		return new KeyRotations.Rotation(2, 1111, "admin", AT.minusSeconds(86_400), 800, 800, 0, true, AT.minusSeconds(86_000));
	}

	/** An element's start tag holding all the attributes, in any order. */
	private static String tag(String name, String... attributes) {
		StringBuilder pattern = new StringBuilder("<" + name + "\\b");
		for (String attribute : attributes) {
			pattern.append("(?=[^>]*\\s").append(java.util.regex.Pattern.quote(attribute)).append(")");
		}
		return pattern.append("[^>]*>").toString();
	}

	private static String page(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	@Test
	void theKeysAndRotationsAreShownAndARunningOnePolls() throws Exception {
		when(keys.keys()).thenReturn(List.of(new KeyEncryptionKeys.KeyInfo(1111, "DISABLED", false),
				new KeyEncryptionKeys.KeyInfo(2222, "ENABLED", true)));
		when(rotations.all()).thenReturn(List.of(running(), finished()));

		String html = page(mvc.perform(get("/admin/vault").with(admin())).andExpect(status().isOk()));

		assertThat(html).contains("<title>Khóa mã hóa — Lối Về</title>")
			.contains("<table id=\"vault-keys\"")
			.contains("<tr data-key-id=\"2222\" data-status=\"ENABLED\">")
			.contains("Đang dùng")
			.contains("Đã vô hiệu")
			.contains("Khóa chính (bọc khóa dữ liệu mới)")
			.contains("Lần xoay vòng 3, 01/12/2026 08:00")
			.contains("<button type=\"submit\" id=\"start-rotation\"")
			.containsPattern("<form method=\"post\" action=\"/admin/vault/key-rotations\" data-confirm=\"[^\"]+\">")
			.containsPattern(tag("div", "data-rotation-id=\"3\"", "data-state=\"RUNNING\"",
					"hx-get=\"/admin/vault/key-rotations/3\"", "hx-trigger=\"every 2s\"", "hx-swap=\"outerHTML\""))
			.containsPattern(tag("progress", "id=\"progress-3\"", "max=\"1000\"", "value=\"400\""))
			.containsPattern(tag("div", "data-rotation-id=\"2\"", "data-state=\"FINISHED\""))
			.doesNotContain("hx-get=\"/admin/vault/key-rotations/2\"")
			.doesNotContain("??");
	}

	@Test
	void theKeyPageHasItsEnglishLabels() throws Exception {
		when(keys.keys()).thenReturn(List.of(new KeyEncryptionKeys.KeyInfo(2222, "ENABLED", true)));
		when(rotations.all()).thenReturn(List.of(running(), finished()));

		String html = page(mvc.perform(get("/admin/vault").with(admin(Locale.ENGLISH))).andExpect(status().isOk()));

		assertThat(html).contains("<title>Encryption keys — Lối Về</title>").contains("Re-wrapping").contains("Finished")
			.doesNotContain("??");
	}

	@Test
	void noRotationYetSaysWhatToDo() throws Exception {
		when(keys.keys()).thenReturn(List.of(new KeyEncryptionKeys.KeyInfo(1111, "ENABLED", true)));
		when(rotations.all()).thenReturn(List.of());

		String html = page(mvc.perform(get("/admin/vault").with(admin())).andExpect(status().isOk()));

		assertThat(html).contains("Chưa có lần xoay vòng khóa nào.").contains("Khi cài đặt");
	}

	@Test
	void theProgressFragmentStopsPollingOnceFinished() throws Exception {
		when(rotations.find(2)).thenReturn(Optional.of(finished()));

		String html = page(mvc.perform(get("/admin/vault/key-rotations/2").with(admin())).andExpect(status().isOk()));

		assertThat(html).startsWith("<div class=\"rotation panel\"")
			.contains("data-state=\"FINISHED\"")
			.contains("Đã hoàn tất")
			.doesNotContain("hx-trigger")
			.doesNotContain("<html");
	}

	@Test
	void theProgressFragmentOfARunningRotationKeepsPolling() throws Exception {
		when(rotations.find(3)).thenReturn(Optional.of(running()));

		String html = page(mvc.perform(get("/admin/vault/key-rotations/3").with(admin())).andExpect(status().isOk()));

		assertThat(html).contains("data-state=\"RUNNING\"").contains("hx-trigger=\"every 2s\"").contains("Còn lại");
	}

	@Test
	void anUnknownRotationIsTheNotFoundPage() throws Exception {
		when(rotations.find(9)).thenReturn(Optional.empty());

		String html = page(mvc.perform(get("/admin/vault/key-rotations/9").with(admin())).andExpect(status().isNotFound()));

		assertThat(html).contains("<title>Không tìm thấy — Lối Về</title>").contains("Không tìm thấy lần xoay vòng khóa 9.");
	}

	@Test
	void aStartIsTheServicesAsTheAdministrator() throws Exception {
		when(rotations.start(any())).thenReturn(running());

		mvc.perform(post("/admin/vault/key-rotations").with(admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/vault"))
			.andExpect(flash().attribute("started", 3L));

		verify(rotations).start(new AuditEvent.Actor("admin", null, "admin"));
	}

	@Test
	void aStartWhileOneRunsIsA409WithTheReasonInAnAlert() throws Exception {
		when(rotations.start(any())).thenThrow(ApiException.conflict("vault.rotation-running"));
		when(keys.keys()).thenReturn(List.of(new KeyEncryptionKeys.KeyInfo(2222, "ENABLED", true)));
		when(rotations.all()).thenReturn(List.of(running()));

		String html = page(mvc.perform(post("/admin/vault/key-rotations").with(admin()).with(csrf()))
			.andExpect(status().isConflict()));

		assertThat(html).contains("<div class=\"alert alert-error\" role=\"alert\">")
			.contains("Đang có một lần xoay vòng khóa chưa xong.")
			.contains("<table id=\"vault-keys\"");
	}

	@Test
	void aStartWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/admin/vault/key-rotations").with(admin())).andExpect(status().isForbidden());

		verify(rotations, never()).start(any());
	}
}
