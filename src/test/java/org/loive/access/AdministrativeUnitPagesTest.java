package org.loive.access;

import org.junit.jupiter.api.Test;
import org.loive.access.AdministrativeUnitTable.Level;
import org.loive.access.AdministrativeUnitTable.Unit;
import org.loive.audit.AuditLog;
import org.loive.platform.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrator's page of administrative units: the table, an upload's preview or its wrong lines, the import. */
@WebMvcTest(AdministrativeUnitPages.class)
@Import(Problems.class)
class AdministrativeUnitPagesTest {

	static final byte[] CSV = "code,name,province_code\n21172,Xã Tịnh Khê,51\n".getBytes(StandardCharsets.UTF_8);
	static final Unit COMMUNE = new Unit("21172", Level.COMMUNE, null, "Xã Tịnh Khê", "Xa Tinh Khe", "51", null, null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AdministrativeUnits units;

	@MockitoBean
	UnitImports imports;

	@MockitoBean
	AuditLog log;

	static RequestPostProcessor admin() {
		RequestPostProcessor login = oidcLogin().idToken(token -> token.claim("preferred_username", "admin")
			.claim("roles", List.of("admin"))
			.claim("groups", List.of()));
		return request -> {
			request.addPreferredLocale(Locale.forLanguageTag("vi"));
			return login.postProcessRequest(request);
		};
	}

	private String page(ResultActions result) throws Exception {
		String html = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).as("every text from a bundle").doesNotContain("??");
		return html;
	}

	private void table() {
		when(imports.counts()).thenReturn(new UnitImports.Counts(34, 0));
		when(units.provinces()).thenReturn(List.of(new AdministrativeUnits.Province("QNG", "51", "Tỉnh Quảng Ngãi",
				"Quang Ngai Province")));
	}

	@Test
	void thePageShowsTheTableAndTheUpload() throws Exception {
		table();

		String html = page(mvc.perform(get("/admin/administrative-units").with(admin())).andExpect(status().isOk()));

		assertThat(html).contains("<title>Đơn vị hành chính — Lối Về</title>", "Danh mục có 34 tỉnh, thành phố và 0 xã",
				"Tỉnh Quảng Ngãi", "Quang Ngai Province", "enctype=\"multipart/form-data\"", "name=\"file\"")
			.doesNotContain("id=\"units-import\"");
	}

	@Test
	void anUploadShowsWhatItWouldChangeAndOffersTheImportOfTheSameBytes() throws Exception {
		table();
		when(imports.preview(CSV)).thenReturn(new UnitImports.Result(1, 0, 0,
				List.of(new UnitsCsv.Line(2, COMMUNE, UnitsCsv.Change.ADDED, List.of())), "abc", false));

		String html = page(mvc.perform(multipart("/admin/administrative-units/preview")
				.file(new MockMultipartFile("file", "xa.csv", "text/csv", CSV)).with(admin()).with(csrf()))
			.andExpect(status().isOk()));

		assertThat(html).contains("Thêm 1, sửa 0, giữ nguyên 0.", "Xã Tịnh Khê", "Thêm mới", "id=\"units-import\"",
				"name=\"csv\" value=\"" + Base64.getEncoder().encodeToString(CSV) + "\"");
		verify(imports, never()).apply(any(), any());
	}

	@Test
	void anUploadWithWrongLinesListsThemByLineAndColumnAndImportsNothing() throws Exception {
		table();
		when(imports.preview(any())).thenThrow(new UnitImports.UnitsRefused(List.of(
				new UnitsCsv.LineError(3, "code", "units.csv.province-code"),
				new UnitsCsv.LineError(7, null, "units.csv.columns"))));

		String html = page(mvc.perform(multipart("/admin/administrative-units/preview")
				.file(new MockMultipartFile("file", "sai.csv", "text/csv", CSV)).with(admin()).with(csrf()))
			.andExpect(status().isBadRequest()));

		assertThat(html).contains("role=\"alert\"", "Dòng 3, cột code: Mã tỉnh, thành phố gồm 2 chữ số",
				"Dòng 7: Số cột của dòng khác với dòng tiêu đề.").doesNotContain("id=\"units-import\"");
		verify(imports, never()).apply(any(), any());
	}

	@Test
	void theImportAppliesThePreviewedBytesAndConfirms() throws Exception {
		UnitImports.Result done = new UnitImports.Result(1, 0, 34, List.of(), "abc", true);
		when(imports.apply(eq(CSV), any())).thenReturn(done);

		mvc.perform(multipart("/admin/administrative-units/import").param("csv", Base64.getEncoder().encodeToString(CSV))
				.with(admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/administrative-units"))
			.andExpect(flash().attribute("imported", new AdministrativeUnitPages.Imported(1, 0, 34)));
	}
}
