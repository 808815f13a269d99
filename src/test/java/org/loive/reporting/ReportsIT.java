package org.loive.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.junit.jupiter.api.Test;
import org.loive.platform.Vietnam;
import org.loive.support.Api;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.workflow.ReferralProcess;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports through the real stack: a case received and classified through the API is counted by this month's
 * report of its province, lies behind its figure, and the exports say what the API says, suppressed.
 */
class ReportsIT extends IntegrationTest {

	static final Caseworker POLICE = Caseworker.as("police.qng");
	static final Caseworker SUPERVISOR = Caseworker.as("supervisor.qng");

	@Test
	void aCaseReceivedAndClassifiedCountsInItsMonthAndTheExportsAgreeWithTheApi() throws Exception {
		String month = YearMonth.now(Vietnam.ZONE).toString();
		String caseId = POLICE.receives("""
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,"reportKind":"CRIME_REPORT"}"""
			.formatted(LocalDate.now(Vietnam.ZONE).atStartOfDay(Vietnam.ZONE).plusMinutes(1).toInstant())).get("caseId").asText();
		JsonNode before = indicator(month, "K1");
		POLICE.does(caseId, ReferralProcess.CLASSIFY, "{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}");

		JsonNode after = indicator(month, "K1");
		assertThat(after.get("numerator").asLong()).isEqualTo(before.get("numerator").asLong() + 1);
		assertThat(after.get("denominator").asLong()).isEqualTo(before.get("denominator").asLong());
		JsonNode behind = Api.get("/api/v1/reports/indicators/K1/cases?period=" + month, SUPERVISOR.token()).body();
		assertThat(behind.findValuesAsText("caseId")).contains(caseId);

		List<CSVRecord> csv = csv(month);
		CSVRecord k1 = csv.stream().filter(row -> row.get(0).equals("K1")).findFirst().orElseThrow();
		long numerator = after.get("numerator").asLong();
		assertThat(String.join(";", k1.toList())).as("the export's K1, suppressed as it leaves the province")
			.contains(numerator >= 5 ? Long.toString(numerator) : "<5");

		HttpResponse<byte[]> docx = download("/api/v1/reports/export?format=DOCX&period=" + month);
		assertThat(docx.statusCode()).isEqualTo(200);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				XWPFWordExtractor text = new XWPFWordExtractor(document)) {
			assertThat(text.getText()).contains("BÁO CÁO").contains("Nơi nhận");
		}
		assertThat(Api.get("/api/v1/reports?period=2026-Q5", SUPERVISOR.token()).status()).isEqualTo(400);
		assertThat(Api.get("/api/v1/reports/indicators/K9/cases", SUPERVISOR.token()).status()).isEqualTo(404);
	}

	private static JsonNode indicator(String period, String id) {
		Api.Reply reply = Api.get("/api/v1/reports?period=" + period, SUPERVISOR.token());
		assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
		return StreamSupport.stream(reply.body().get("indicators").spliterator(), false)
			.filter(value -> value.get("id").asText().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private static List<CSVRecord> csv(String period) throws Exception {
		HttpResponse<byte[]> reply = download("/api/v1/reports/export?format=CSV&period=" + period);
		assertThat(reply.statusCode()).isEqualTo(200);
		String text = new String(reply.body(), StandardCharsets.UTF_8);
		assertThat(text).as("UTF-8 with a byte order mark").startsWith("\uFEFF");
		try (var parser = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
			return parser.getRecords();
		}
	}

	private static HttpResponse<byte[]> download(String path) throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(Api.builder(path, SUPERVISOR.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
