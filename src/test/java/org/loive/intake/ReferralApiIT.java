package org.loive.intake;

import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loive.support.Api.token;

/** Intake through the API: what is accepted, what is refused and how, and that refusals change nothing. */
class ReferralApiIT extends IntegrationTest {

	static final String VALID = """
			{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":true}""".formatted(JUST_RECEIVED);

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
