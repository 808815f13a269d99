package org.loive.access;

import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.IntegrationTest;
import org.loive.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.Api.token;

/**
 * The table of administrative units in the running application: the 34 provinces there from the start, the
 * administrator's import previewed, applied, applied again to no effect and refused whole for one bad line, and
 * areas of intake and of transfer checked against it.
 */
class AdministrativeUnitsIT extends IntegrationTest {

	static final String IMPORTS = "/api/v1/admin/administrative-units/imports";

	@Autowired
	JdbcClient jdbc;

	/** A commune code of this run: Quảng Ngãi's communes are not shipped. */
	final String commune = String.valueOf(ThreadLocalRandom.current().nextInt(90_000, 99_999));

	@Test
	void theProvincesOfThe2025MapAreThereFromTheStart() {
		Reply provinces = Api.get("/api/v1/admin/administrative-units/provinces", token("admin"));

		assertThat(provinces.status()).isEqualTo(200);
		assertThat(provinces.body().findValuesAsText("shortCode")).hasSize(34).contains("QNG", "GLI");
		assertThat(Api.get("/api/v1/admin/administrative-units/provinces", token("police.qng")).status()).isEqualTo(403);
	}

	@Test
	void aCommuneIsPreviewedThenImportedOnceAndThenTakenAsAnArea() {
		String csv = "code,name,province_code\n" + commune + ",Xã Thử Nghiệm,51\n";

		Reply preview = Api.post(IMPORTS + "?dryRun=true", token("admin"), "text/csv", csv);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body().get("added").asInt()).isEqualTo(1);
		assertThat(preview.body().get("applied").asBoolean()).isFalse();
		assertThat(referral("QNG-" + commune).status()).as("a preview changes nothing").isEqualTo(400);

		Reply imported = Api.post(IMPORTS, token("admin"), "text/csv", csv);
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.body().get("added").asInt()).isEqualTo(1);
		Reply again = Api.post(IMPORTS, token("admin"), "text/csv", csv);
		assertThat(again.body().get("added").asInt() + again.body().get("changed").asInt()).isZero();
		assertThat(again.body().get("unchanged").asInt()).isEqualTo(1);

		assertThat(referral("QNG-" + commune).status()).isEqualTo(201);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'ADMINISTRATIVE_UNITS_IMPORT' and username = 'admin'""")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(2);
		assertThat(Api.post(IMPORTS, token("police.qng"), "text/csv", csv).status()).isEqualTo(403);
	}

	@Test
	void oneBadLineIsNamedAndNothingOfTheFileIsImported() {
		String other = String.valueOf(Integer.parseInt(commune) - 1);
		Reply refused = Api.post(IMPORTS, token("admin"), "text/csv",
				"\uFEFFcode,name,province_code\n" + other + ",Xã Tốt,51\n123,Xã Sai Mã,51\n");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("lines[3].code");
		assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("5 chữ số");
		assertThat(jdbc.sql("select count(*) from administrative_unit where code = :code").param("code", other)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void anUnknownProvinceOrCommuneIsA400OnTheArea() {
		for (String area : new String[] { "XYZ", "QNG-00001" }) {
			Reply reply = referral(area);
			assertThat(reply.status()).as(area).isEqualTo(400);
			assertThat(reply.body().get("errors").findValuesAsText("field")).as(area).containsExactly("area");
			assertThat(reply.body().get("errors").get(0).get("message").asText()).contains("danh mục đơn vị hành chính");
		}
		String caseId = referral("QNG").body().get("caseId").asText();
		Reply transfer = Api.post("/api/v1/cases/" + caseId + "/transfer", token("supervisor.qng"), "{\"area\":\"ZZZ\"}");
		assertThat(transfer.status()).isEqualTo(400);
		assertThat(transfer.body().get("errors").findValuesAsText("field")).containsExactly("area");
	}

	@Test
	void theAdministratorUploadsPreviewsAndImportsThroughThePage() {
		WebSession admin = WebSession.logIn(BASE, "admin");
		byte[] csv = ("code,name,province_code\n" + (Integer.parseInt(commune) - 2) + ",Xã Trang Quản Trị,52\n")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> preview = admin.postMultipart("/admin/administrative-units/preview", Map.of(), "file",
				"xa.csv", csv);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("Thêm 1, sửa 0, giữ nguyên 0.", "Xã Trang Quản Trị", "id=\"units-import\"");

		HttpResponse<String> imported = admin.postMultipart("/admin/administrative-units/import",
				Map.of("csv", Base64.getEncoder().encodeToString(csv)), null, null, null);
		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(admin.follow(imported).body()).contains("Đã nhập danh mục: thêm 1, sửa 0, giữ nguyên 0.");
		assertThat(admin.postMultipart("/admin/administrative-units/import", Map.of("csv", "x"), null, null, null)
			.statusCode()).as("not base64").isEqualTo(400);
	}

	private static Reply referral(String area) {
		return Api.post("/api/v1/referrals", token("police.qng"), """
				{"channel":"HOTLINE_111","area":"%s","receivedAt":"2026-11-20T08:30:00Z","immediateDanger":false}"""
			.formatted(area));
	}
}
