package org.loive.reporting;

import org.junit.jupiter.api.Test;
import org.loive.access.KeycloakProperties;
import org.loive.audit.AuditLog;
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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The research export through the API: the same CSV as the page, a problem for an unknown scope, supervisors only. */
@WebMvcTest(controllers = ResearchExportController.class, properties = "loive.keycloak.client-secret=slice-test",
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.loive\\.access\\.SecurityConfiguration"))
@ImportAutoConfiguration(RestClientAutoConfiguration.class)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import({ Forms.class, Problems.class, VietnamTime.class, ReportPagesTest.SystemClock.class })
class ResearchExportControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ResearchExport research;

	@MockitoBean
	AuditLog audit;

	@Test
	void theApiGivesTheCsvOfTheScopeAsked() throws Exception {
		when(research.export(any(), eq(ResearchExport.Scope.COUNTRY))).thenReturn(new ResearchExport.Result(
				new ReportViews.Export("\uFEFFyearOfRegistration\r\n2026\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
						"text/csv;charset=UTF-8", "nghien-cuu-htcds-VN.csv"), 1, 0, 11, Map.of("yearOfRegistration", 0)));

		mvc.perform(get("/api/v1/reports/research-export").param("scope", "COUNTRY").with(token("supervisor")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("X-Loive-Rows", "1"))
			.andExpect(content().string(containsString("yearOfRegistration")));
	}

	@Test
	void anUnknownScopeIsAProblemAndACaseworkerIsForbidden() throws Exception {
		mvc.perform(get("/api/v1/reports/research-export").param("scope", "world").with(token("supervisor")))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		mvc.perform(get("/api/v1/reports/research-export").with(token("caseworker"))).andExpect(status().isForbidden());
		verify(research, never()).export(any(), any());
	}

	private static RequestPostProcessor token(String role) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.claim("preferred_username", role + ".qng").claim("roles", List.of(role)).claim("area", "QNG"))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
