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

import java.util.LinkedHashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.loive.support.PageLogin.officer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The research export from the reports page: the scope asked, an attachment never cached, what was done in headers, supervisors only. */
@WebMvcTest(controllers = ResearchExportPages.class, properties = "loive.keycloak.client-secret=slice-test",
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.loive\\.access\\.SecurityConfiguration"))
@ImportAutoConfiguration(RestClientAutoConfiguration.class)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import({ Forms.class, Problems.class, VietnamTime.class, ReportPagesTest.SystemClock.class })
class ResearchExportPagesTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ResearchExport research;

	@MockitoBean
	AuditLog audit;

	@Test
	void theCountryExportIsACsvAttachmentSayingWhatWasGeneralisedAndDropped() throws Exception {
		Map<String, Integer> levels = new LinkedHashMap<>();
		levels.put("yearOfRegistration", 1);
		levels.put("gender", 0);
		when(research.export(any(), eq(ResearchExport.Scope.COUNTRY))).thenReturn(new ResearchExport.Result(
				new ReportViews.Export("\uFEFFyearOfRegistration,gender\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
						"text/csv;charset=UTF-8", "nghien-cuu-htcds-VN.csv"), 588, 19, 11, levels));

		mvc.perform(get("/reports/research-export.csv").param("scope", "country").with(ReportPagesTest.supervisor()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"nghien-cuu-htcds-VN.csv\""))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("X-Loive-K", "11"))
			.andExpect(header().string("X-Loive-Rows", "588"))
			.andExpect(header().string("X-Loive-Suppressed-Rows", "19"))
			.andExpect(header().string("X-Loive-Generalisation", "yearOfRegistration=1, gender=0"))
			.andExpect(content().string(containsString("yearOfRegistration,gender")));
	}

	@Test
	void theLinkWithoutScopeExportsTheProvinceAndAnUnknownScopeIsABadRequest() throws Exception {
		when(research.export(any(), eq(ResearchExport.Scope.PROVINCE))).thenReturn(new ResearchExport.Result(
				new ReportViews.Export(new byte[0], "text/csv;charset=UTF-8", "nghien-cuu-htcds-QNG.csv"), 0, 0, 11, Map.of()));

		mvc.perform(get("/reports/research-export.csv").with(ReportPagesTest.supervisor())).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("nghien-cuu-htcds-QNG.csv")));
		mvc.perform(get("/reports/research-export.csv").param("scope", "world").with(ReportPagesTest.supervisor()))
			.andExpect(status().isBadRequest());
		verify(research, never()).export(any(), eq(ResearchExport.Scope.COUNTRY));
	}

	@Test
	void onlySupervisorsGetIt() throws Exception {
		mvc.perform(get("/reports/research-export.csv").with(officer("police.qng", Officer.CASEWORKER, "police")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports/research-export.csv").param("scope", "country").with(officer("auditor", Officer.AUDITOR)))
			.andExpect(status().isForbidden());
		verify(research, never()).export(any(), any());
	}
}
