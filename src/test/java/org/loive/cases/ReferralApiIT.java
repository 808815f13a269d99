package org.loive.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.workflow.ReferralProcess;
import org.loive.workflow.ExploitationForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.Api.token;

/** Intake through the API: what is accepted, what is refused and how, and that refusals change nothing. */
class ReferralApiIT extends IntegrationTest {

	static final String VALID = """
			{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":true}""".formatted(JUST_RECEIVED);

	static final Caseworker POLICE = Caseworker.as("police.qng");

	@Autowired
	JdbcClient jdbc;

	@Test
	void referralOpensACaseWithAHumanReference() {
		Reply reply = Api.post("/api/v1/referrals", token("police.qng"), VALID);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.body().get("reference").asText()).matches("QNG-2026-\\d{6}");
		assertThat(jdbc.sql("select channel from referral_case where id = ?::uuid")
			.param(reply.body().get("caseId").asText())
			.query(String.class)
			.single()).isEqualTo("HOTLINE_111");
	}

	@Test
	void theAnswerNamesThePersonsRegisteredAsTheCaseViewListsThem() {
		Reply reply = Api.post("/api/v1/referrals", token("police.qng"), """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"Trần Thị Bé","sex":"F"},
				 "accompanyingMinors":[{"sex":"M","birthDate":"2018-03-01"},{"sex":"F","birthDate":"2020-05-01"}]}"""
			.formatted(JUST_RECEIVED));

		assertThat(reply.status()).isEqualTo(201);
		JsonNode persons = reply.body().get("persons");
		assertThat(StreamSupport.stream(persons.spliterator(), false).map(p -> p.get("role").asText()))
			.containsExactly("IDENTIFYING", "ACCOMPANYING_MINOR", "ACCOMPANYING_MINOR");
		JsonNode listed = POLICE.caseView(reply.body().get("caseId").asText()).get("persons");
		assertThat(listed.get(0)).isEqualTo(persons.get(0));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(persons);
	}

	static final String FACTS = """
			{"channel":"OTHER_HOTLINE","hotlineNumber":"18001567","reportKind":"CRIME_REPORT","area":"QNG",
			 "receivedAt":"%s","immediateDanger":false,"place":"BORDER_AREA","returnMode":"SELF_RETURN",
			 "residenceArea":"QNG-12345","exploitationForms":["ONLINE_SCAM_CENTRE","FORCED_LABOUR_FISHING","ONLINE_SCAM_CENTRE"],
			 "recruitmentContexts":["ONLINE_CONTACT","LABOUR_EXPORT_FIRM"],"traffickingScope":"CROSS_BORDER",
			 "destinationCountry":"KH"}""".formatted(JUST_RECEIVED);

	@Test
	void theFactsTheReportsCountAreKeptAsCodesAndShownInTheCaseView() {
		JsonNode referral = POLICE.receives(FACTS);
		String caseId = referral.get("caseId").asText();

		JsonNode facts = POLICE.caseView(caseId).get("facts");
		assertThat(facts.get("reportKind").asText()).isEqualTo("CRIME_REPORT");
		assertThat(facts.get("hotlineNumber").asText()).isEqualTo("18001567");
		assertThat(facts.get("returnMode").asText()).isEqualTo("SELF_RETURN");
		assertThat(facts.get("residenceArea").asText()).isEqualTo("QNG-12345");
		assertThat(facts.get("traffickingScope").asText()).isEqualTo("CROSS_BORDER");
		assertThat(facts.get("destinationCountry").asText()).isEqualTo("KH");
		assertThat(texts(facts.get("exploitationForms"))).as("each form once")
			.containsExactly("ONLINE_SCAM_CENTRE", "FORCED_LABOUR_FISHING");
		assertThat(texts(facts.get("recruitmentContexts"))).containsExactly("ONLINE_CONTACT", "LABOUR_EXPORT_FIRM");
		assertThat(jdbc.sql("""
				select concat_ws(' ', report_kind, hotline_number, return_mode, trafficking_scope,
				                 array_to_string(exploitation_forms, ','), array_to_string(recruitment_contexts, ','),
				                 destination_country, residence_area)
				from referral_case where id = ?::uuid""").param(caseId).query(String.class).single())
			.isEqualTo("CRIME_REPORT 18001567 SELF_RETURN CROSS_BORDER ONLINE_SCAM_CENTRE,FORCED_LABOUR_FISHING "
					+ "ONLINE_CONTACT,LABOUR_EXPORT_FIRM KH QNG-12345");
	}

	@Test
	void aReportWithoutTheFactsAndTheFormerSingleExploitationFormAreStillAccepted() {
		JsonNode bare = POLICE.caseView(POLICE.receives(VALID).get("caseId").asText()).get("facts");
		JsonNode former = POLICE.caseView(POLICE.receives(VALID.replace("}", ",\"exploitationForm\":\"FORCED_LABOUR\"}"))
			.get("caseId").asText()).get("facts");

		assertThat(bare.get("reportKind").isNull()).isTrue();
		assertThat(bare.get("exploitationForms")).isEmpty();
		assertThat(bare.get("recruitmentContexts")).isEmpty();
		assertThat(texts(former.get("exploitationForms"))).containsExactly("FORCED_LABOUR");
	}

	@Test
	void aPersonWhoCameBackAcrossTheBorderOnTheirOwnIsReceivedByTheBorderGuard() {
		String caseId = POLICE.receives(VALID.replace("HOTLINE_111", "SELF_REPORT")
			.replace("}", ",\"returnMode\":\"SELF_RETURN\"}")).get("caseId").asText();

		JsonNode open = POLICE.caseView(caseId).get("openTasks");
		assertThat(open).hasSize(1);
		assertThat(open.get(0).get("taskKey").asText()).isEqualTo(ReferralProcess.BORDER_RECEPTION);
		assertThat(texts(open.get(0).get("agencies"))).containsExactly("border-guard");
	}

	@Test
	void everyBadCodeIsNamedByItsFieldWithoutEchoingItAndChangesNothing() {
		long before = cases();
		Map<String, String> badCodes = new LinkedHashMap<>();
		badCodes.put("reportKind", FACTS.replace("\"CRIME_REPORT\"", "\"RUMOUR_CANARY\""));
		badCodes.put("returnMode", FACTS.replace("\"SELF_RETURN\"", "\"SWAM_CANARY\""));
		badCodes.put("traffickingScope", FACTS.replace("\"CROSS_BORDER\"", "\"GALACTIC_CANARY\""));
		badCodes.put("exploitationForms[1]", FACTS.replace("\"FORCED_LABOUR_FISHING\"", "\"FISHING_CANARY\""));
		badCodes.put("recruitmentContexts[0]", FACTS.replace("\"ONLINE_CONTACT\"", "\"LOTTERY_CANARY\""));
		badCodes.put("channel", FACTS.replace("\"OTHER_HOTLINE\"", "\"PIGEON_CANARY\""));
		for (Map.Entry<String, String> bad : badCodes.entrySet()) {
			Reply reply = post(bad.getValue());
			assertThat(reply.status()).as(bad.getKey()).isEqualTo(400);
			assertThat(reply.body().get("errors")).as(bad.getKey()).singleElement().satisfies(error -> {
				assertThat(error.get("field").asText()).isEqualTo(bad.getKey());
				assertThat(error.get("message").asText()).isEqualTo("Mã này không có trong danh sách được chấp nhận.");
			});
			assertThat(reply.raw().body()).doesNotContain("CANARY");
		}

		Reply patterns = post(FACTS.replace("18001567", "1800 CANARY").replace("QNG-12345", "Quảng Ngãi Canary")
			.replace("\"ONLINE_CONTACT\"", "null"));
		assertThat(patterns.status()).isEqualTo(400);
		assertThat(patterns.body().get("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("hotlineNumber", "residenceArea", "recruitmentContexts[0]");
		assertThat(patterns.raw().body()).doesNotContain("Canary", "CANARY");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void theOpenApiDocumentDescribesTheFactsInVietnameseAndEnglish() {
		JsonNode schemas = Api.get("/v3/api-docs", null).body().get("components").get("schemas");
		JsonNode request = schemas.get("ReferralRequest").get("properties");
		JsonNode facts = schemas.get("IntakeFacts");

		assertThat(texts(request.get("reportKind").get("enum"))).containsExactly("DENUNCIATION", "CRIME_REPORT",
				"PROSECUTION_PETITION", "PERSON_RETURNED", "OTHER");
		assertThat(texts(request.get("returnMode").get("enum"))).contains("SELF_RETURN", "RESCUED_BY_BORDER_GUARD");
		assertThat(texts(request.get("exploitationForms").get("items").get("enum")))
			.contains("ONLINE_SCAM_CENTRE", "FORCED_LABOUR_FISHING");
		assertThat(texts(request.get("channel").get("enum"))).contains("OTHER_HOTLINE", "FOREIGN_AUTHORITY_HANDOVER",
				"SOCIAL_ASSISTANCE_FACILITY", "HEALTH_FACILITY", "MASS_ORGANISATION");
		for (String field : List.of("reportKind", "hotlineNumber", "returnMode", "residenceArea", "exploitationForms",
				"recruitmentContexts", "traffickingScope")) {
			assertThat(request.get(field).get("description").asText()).as(field).contains(" / ");
			assertThat(facts.get("properties").get(field).get("description").asText()).as(field).contains(" / ");
		}
		assertThat(request.has("hotlineNumberValid")).isFalse();
		assertThat(schemas.get("CaseView").get("properties").get("facts").get("$ref").asText()).endsWith("/IntakeFacts");
	}

	@Test
	void aHotlineNumberGoesWithAnotherHotlineAndOnlyWithIt() {
		Reply missing = post(FACTS.replace("\"hotlineNumber\":\"18001567\",", ""));
		Reply misplaced = post(FACTS.replace("OTHER_HOTLINE", "HOTLINE_111"));

		for (Reply reply : List.of(missing, misplaced)) {
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.body().get("errors")).singleElement().satisfies(error -> {
				assertThat(error.get("field").asText()).isEqualTo("hotlineNumber");
				assertThat(error.get("message").asText()).startsWith("Ghi số tổng đài");
			});
		}
	}

	@Test
	void badPersonalFieldsAreNamedWithoutEchoingTheirValuesAndChangeNothing() {
		long cases = jdbc.sql("select count(*) from referral_case").query(Long.class).single();
		Reply reply = post("""
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"Nguyễn Thị Canary","birthDate":"2999-01-01","nationality":"vn","phone":"gọi Canary",
				           "ageBand":"17"},
				 "narrative":"%s","accompanyingMinors":[{"sex":"Q"}]}""".formatted(JUST_RECEIVED, "Canary ".repeat(3000)));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("person.birthDate",
				"person.nationality", "person.phone", "person.ageBand", "narrative", "accompanyingMinors[0].sex");
		assertThat(reply.raw().body()).doesNotContain("Canary");
		assertThat(jdbc.sql("select count(*) from referral_case").query(Long.class).single()).isEqualTo(cases);
	}

	@Test
	void everyMissingOrInvalidFieldIsNamed() {
		Reply reply = post("{\"area\":\"qng\",\"receivedAt\":\"2999-01-01T00:00:00Z\"}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.body().get("title").asText()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(reply.body().get("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("channel", "area", "receivedAt", "immediateDanger");
	}

	@Test
	void wrongTypesAndMalformedJsonAreRefused() {
		assertThat(post(VALID.replace("true", "\"yes\"")).body().get("errors").findValuesAsText("field"))
			.containsExactly("immediateDanger");
		assertThat(post(VALID.replace("HOTLINE_111", "FAX")).body().get("errors").findValuesAsText("field"))
			.containsExactly("channel");
		Reply malformed = post("{\"channel\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().get("type").asText()).endsWith("json-malformed");
	}

	@Test
	void messagesAreVietnameseFirstAndEnglishOnRequest() {
		HttpRequest english = Api.builder("/api/v1/referrals", token("police.qng"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en-GB")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();

		assertThat(post("{}").body().get("detail").asText()).startsWith("Yêu cầu có trường không hợp lệ");
		assertThat(Api.send(english).body().get("detail").asText()).startsWith("The request has invalid fields");
	}

	@Test
	void otherMediaTypesAndOversizedBodiesAreRefused() {
		Reply text = Api.post("/api/v1/referrals", token("police.qng"), "text/plain", VALID);
		Reply huge = Api.post("/api/v1/referrals", token("police.qng"), "{\"x\":\"" + "a".repeat(2_000_000) + "\"}");

		assertThat(text.status()).isEqualTo(415);
		assertThat(text.body().get("status").asInt()).isEqualTo(415);
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.body().get("status").asInt()).isEqualTo(413);
	}

	@Test
	void oversizedChunkedBodyIsRefusedWhileRead() {
		HttpRequest chunked = Api.builder("/api/v1/referrals", token("police.qng"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(
					() -> new ByteArrayInputStream(("{\"channel\":\"" + "a".repeat(2_000_000) + "\"}").getBytes())))
			.build();

		assertThat(Api.send(chunked).status()).isEqualTo(413);
	}

	@Test
	void refusedRequestsChangeNothing() {
		long before = cases();

		post("{\"channel\":\"POLICE\"}");
		Api.post("/api/v1/referrals", token("police.gli"), VALID);
		Api.post("/api/v1/referrals", null, VALID);
		Api.post("/api/v1/referrals", token("auditor"), VALID);

		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void officersReceiveReportsOnlyInTheirOwnArea() {
		Reply reply = Api.post("/api/v1/referrals", token("police.gli"), VALID);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.body().get("detail").asText()).contains("QNG");
	}

	@Test
	void concurrentIntakesGetConsecutiveReferencesWithoutGapsOrDuplicates() throws Exception {
		String gia = VALID.replace("QNG", "GLI");
		Callable<String> intake = () -> Api.post("/api/v1/referrals", token("police.gli"), gia)
			.body()
			.get("reference")
			.asText();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> futures = pool.invokeAll(IntStream.range(0, 24).mapToObj(i -> intake).toList());
			List<Integer> numbers = futures.stream()
				.map(ReferralApiIT::value)
				.map(reference -> Integer.parseInt(reference.substring("GLI-2026-".length())))
				.sorted()
				.toList();
			int first = numbers.get(0);
			assertThat(numbers).containsExactlyElementsOf(IntStream.range(first, first + 24).boxed().toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<String> texts(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
	}

	private long cases() {
		return jdbc.sql("select count(*) from referral_case").query(Long.class).single();
	}

	private static Reply post(String body) {
		return Api.post("/api/v1/referrals", token("police.qng"), body);
	}

	private static String value(Future<String> future) {
		try {
			return future.get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
