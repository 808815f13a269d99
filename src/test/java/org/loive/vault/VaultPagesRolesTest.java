package org.loive.vault;

import org.junit.jupiter.api.Test;
import org.loive.access.KeycloakProperties;
import org.loive.audit.AuditLog;
import org.loive.platform.Problems;
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


import static org.loive.support.PageLogin.officer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The key page behind the application's own page chain: administrators only, a refusal audited. */
@WebMvcTest(controllers = VaultPages.class, properties = "loive.keycloak.client-secret=slice-test",
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.loive\\.access\\.SecurityConfiguration"))
@ImportAutoConfiguration(RestClientAutoConfiguration.class)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import(Problems.class)
class VaultPagesRolesTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	VaultKeyFile keys;

	@MockitoBean
	KeyRotations rotations;

	@MockitoBean
	AuditLog log;


	@Test
	void anAuditorCannotStartARotation() throws Exception {
		mvc.perform(post("/admin/vault/key-rotations").with(csrf())
			.with(officer("auditor.qng", "auditor")))
			.andExpect(status().isForbidden());

		verify(rotations, never()).start(any());
		verify(log).recordAlone(any());
	}

	@Test
	void anAdministratorPassesTheSameChain() throws Exception {
		mvc.perform(get("/admin/vault").with(officer("admin", "admin"))).andExpect(status().isOk());

		verify(log, never()).recordAlone(any());
	}
}
