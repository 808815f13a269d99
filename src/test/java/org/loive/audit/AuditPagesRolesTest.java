package org.loive.audit;

import org.junit.jupiter.api.Test;
import org.loive.access.KeycloakProperties;
import org.loive.platform.Problems;
import org.loive.platform.web.Forms;
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


import static org.hamcrest.Matchers.containsString;
import static org.loive.support.PageLogin.officer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The auditor's pages behind the application's own page chain: only auditors, and a refusal is audited. */
@WebMvcTest(controllers = AuditPages.class, properties = "loive.keycloak.client-secret=slice-test", includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "org\\.loive\\.access\\.SecurityConfiguration"))
@ImportAutoConfiguration(RestClientAutoConfiguration.class)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import({ Forms.class, Problems.class, AuditPagesTest.FixedClock.class })
class AuditPagesRolesTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditTrail trail;

	@MockitoBean
	AuditorActions actions;

	@MockitoBean
	AuditLog log;


	@Test
	void aCaseworkerIsRefusedTheTrailAndTheRefusalIsRecorded() throws Exception {
		mvc.perform(get("/audit/persons/{id}/accesses", AuditPagesTest.PERSON)
			.with(officer("police.qng", "caseworker", "police")))
			.andExpect(status().isForbidden());

		verify(actions, never()).disclose(any(), any(Boolean.class));
		verify(log).recordAlone(any());
	}

	@Test
	void anAuditorPassesTheSameChain() throws Exception {
		mvc.perform(get("/audit/reviews").with(officer("auditor.qng", "auditor")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Cache-Control", containsString("no-store")));

		verify(log, never()).recordAlone(any());
	}
}
