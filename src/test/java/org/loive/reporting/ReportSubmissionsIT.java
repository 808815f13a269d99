package org.loive.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Submitting a report through the real stack: the calendar offers it, the submission is frozen and sealed into the
 * audit chain, the verifier checks the seal (and names the submission's event once its stored figures are changed
 * behind the application's back), the same request twice makes one submission, a correction is version 2 and needs
 * a reason, auditors see submissions but not their figures, caseworkers nothing.
 */
class ReportSubmissionsIT extends IntegrationTest {

	static final String SUPERVISOR = "supervisor.qng";
	static final String AUDITOR = "auditor";
	static final String CASEWORKER = "police.qng";
	static final String FORM = """
			{"documentNo":"15/BC-BCĐ","signerName":"Nguyễn Văn An","confirmed":true%s}""";

	@Test
	void aSubmittedReportIsFrozenSealedVerifiedAndCorrectedByANewVersion() throws Exception {
		JsonNode line = submittable();
		String query = "/api/v1/reports/submissions?obligation=" + line.get("obligation").asText() + "&period="
				+ URLEncoder.encode(line.get("periodParameter").asText(), StandardCharsets.UTF_8);
		int seen = line.get("latest").isNull() ? 0 : line.get("latest").get("version").asInt();
		String key = UUID.randomUUID().toString();

		Api.Reply unconfirmed = submit(query + "&expectedVersion=" + seen, key, """
				{"signerName":"Nguyễn Văn An","confirmed":false}""");
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(unconfirmed.body().toString()).contains("confirmed");

		Api.Reply made = submit(query + "&expectedVersion=" + seen, key, FORM.formatted(""));
		assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
		assertThat(made.body().get("version").asInt()).isEqualTo(seen + 1);
		String id = made.body().get("id").asText();
		long seq = made.body().get("auditSeq").asLong();
		Api.Reply replay = submit(query + "&expectedVersion=" + seen, key, FORM.formatted(""));
		assertThat(replay.body().get("id").asText()).as("the same request again is the same submission").isEqualTo(id);
		assertThat(submit(query + "&expectedVersion=" + seen, UUID.randomUUID().toString(), FORM.formatted("")).status())
			.as("a stale version is a conflict").isEqualTo(409);

		JsonNode event = Api.get("/api/v1/audit/events?action=REPORT_SUBMIT&size=200", Api.token(AUDITOR)).body();
		String sha256 = made.body().get("sha256").asText();
		assertThat(StreamSupport.stream(event.get("items").spliterator(), false)
			.filter(item -> item.get("seq").asLong() == seq).findFirst().orElseThrow().get("purpose").asText())
			.endsWith(":sha256:" + sha256);
		JsonNode verified = Api.get("/api/v1/audit/verify", Api.token(AUDITOR)).body();
		assertThat(verified.get("status").asText()).isEqualTo("INTACT");
		assertThat(verified.get("sealsChecked").asInt()).isGreaterThanOrEqualTo(1);

		JsonNode shown = Api.get("/api/v1/reports/submissions/" + id, Api.token(SUPERVISOR)).body();
		assertThat(shown.get("sealHolds").asBoolean()).isTrue();
		assertThat(shown.get("figures").get("suppressed").asBoolean()).as("what left the province").isTrue();
		HttpResponse<byte[]> document = HttpClient.newHttpClient().send(Api.builder("/api/v1/reports/submissions/" + id + "/document",
				Api.token(SUPERVISOR)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(document.body()));
				XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
			assertThat(text.getText()).contains("15/BC-BCĐ").contains("Nguyễn Văn An").contains("BÁO CÁO");
		}

		assertThatThrownBy(() -> asRuntimeRole("update report_submission set figures = '{}' where id = '" + id + "'"))
			.as("the application's own role cannot change a submission").isInstanceOf(SQLException.class);
		String original = figures(id);
		asSuperuser("update report_submission set figures = replace(figures, '\"count\":', '\"count\":1') where id = '" + id + "'");
		try {
			JsonNode broken = Api.get("/api/v1/audit/verify", Api.token(AUDITOR)).body();
			assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
			assertThat(broken.get("reason").asText()).isEqualTo("seal");
			assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
			assertThat(Api.get("/api/v1/reports/submissions/" + id, Api.token(SUPERVISOR)).body().get("sealHolds").asBoolean())
				.isFalse();
		}
		finally {
			asSuperuser("update report_submission set figures = '" + original.replace("'", "''") + "' where id = '" + id + "'");
		}
		assertThat(Api.get("/api/v1/audit/verify", Api.token(AUDITOR)).body().get("status").asText()).isEqualTo("INTACT");

		Api.Reply withoutReason = submit(query + "&expectedVersion=" + (seen + 1), null, FORM.formatted(""));
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.body().toString()).contains("reason");
		Api.Reply corrected = submit(query + "&expectedVersion=" + (seen + 1), null,
				FORM.formatted(",\"reason\":\"Bổ sung số liệu của xã Ba Tơ\""));
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(corrected.body().get("version").asInt()).isEqualTo(seen + 2);
		JsonNode versions = Api.get("/api/v1/reports/submissions/" + corrected.body().get("id").asText(),
				Api.token(SUPERVISOR)).body().get("versions");
		assertThat(versions.findValuesAsText("id")).contains(id).hasSize(seen + 2);
		assertThat(Api.get("/api/v1/reports/submissions/" + id, Api.token(SUPERVISOR)).body().get("summary").get("sha256")
			.asText()).as("the first version is kept as it was").isEqualTo(sha256);

		JsonNode audited = Api.get("/api/v1/reports/submissions/" + id, Api.token(AUDITOR)).body();
		assertThat(audited.get("sealHolds").asBoolean()).isTrue();
		assertThat(audited.get("figures").isNull()).as("auditors see the seal, not the figures").isTrue();
		assertThat(Api.get("/api/v1/reports/submissions/" + id + "/document", Api.token(AUDITOR)).status()).isEqualTo(403);
		assertThat(Api.get("/api/v1/reports/submissions", Api.token(CASEWORKER)).status()).isEqualTo(403);
		assertThat(Api.get("/api/v1/reports/submissions/" + UUID.randomUUID(), Api.token(SUPERVISOR)).status()).isEqualTo(404);
	}

	@Test
	void aPeriodNotInTheCalendarOrNotOverCannotBeSubmitted() {
		assertThat(submit("/api/v1/reports/submissions?obligation=bcd138-month&period=2026-13", null, FORM.formatted(""))
			.status()).isEqualTo(400);
		assertThat(submit("/api/v1/reports/submissions?obligation=no-such&period=2026-11", null, FORM.formatted(""))
			.status()).isEqualTo(404);
		JsonNode calendar = Api.get("/api/v1/reports/calendar", Api.token(SUPERVISOR)).body();
		StreamSupport.stream(calendar.spliterator(), false)
			.filter(line -> line.get("status").asText().equals("UPCOMING"))
			.findFirst()
			.ifPresent(line -> assertThat(submit("/api/v1/reports/submissions?obligation=" + line.get("obligation").asText()
					+ "&period=" + URLEncoder.encode(line.get("periodParameter").asText(), StandardCharsets.UTF_8), null,
					FORM.formatted("")).body().toString()).contains("period"));
	}

	/** A line of the calendar that may be submitted: its period is over. */
	private static JsonNode submittable() {
		Api.Reply calendar = Api.get("/api/v1/reports/calendar", Api.token(SUPERVISOR));
		assertThat(calendar.status()).as(String.valueOf(calendar.body())).isEqualTo(200);
		return StreamSupport.stream(calendar.body().spliterator(), false)
			.filter(line -> !line.get("status").asText().equals("UPCOMING"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the calendar has a report due: " + calendar.body()));
	}

	private static Api.Reply submit(String path, String key, String body) {
		HttpRequest.Builder request = Api.builder(path, Api.token(SUPERVISOR)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return Api.send(request.build());
	}

	private static String figures(String id) throws SQLException {
		try (Connection connection = superuser(); Statement sql = connection.createStatement();
				var rows = sql.executeQuery("select figures from report_submission where id = '" + id + "'")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static void asSuperuser(String statement) throws SQLException {
		try (Connection connection = superuser(); Statement sql = connection.createStatement()) {
			sql.execute("set session_replication_role = replica");
			sql.execute(statement);
		}
	}

	private static void asRuntimeRole(String statement) throws SQLException {
		try (Connection connection = TestPostgres.get().connect(TestPostgres.RUNTIME); Statement sql = connection.createStatement()) {
			sql.execute("set search_path to loive");
			sql.execute(statement);
		}
	}

	private static Connection superuser() throws SQLException {
		Connection connection = TestPostgres.get().connect(TestPostgres.superuser());
		try (Statement sql = connection.createStatement()) {
			sql.execute("set search_path to loive");
		}
		return connection;
	}
}
