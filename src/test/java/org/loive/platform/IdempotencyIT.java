package org.loive.platform;

import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;
import org.loive.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that retries, a double click, a resubmitted page: each acts once. */
class IdempotencyIT extends IntegrationTest {

	static final String NAME = "Trịnh Thị Lặp Lại";
	static final String REFERRAL = """
			{"channel":"HOTLINE_111","area":"QNG","place":"INLAND","receivedAt":"%s","immediateDanger":false,
			 "person":{"fullName":"%s","sex":"F"},"narrative":"Gọi lại sau khi mất kết nối"}""".formatted(JUST_RECEIVED, NAME);

	@Autowired
	JdbcClient jdbc;

	@Test
	void anIntakeRetriedAfterATimeoutOpensOneCase() {
		String key = UUID.randomUUID().toString();
		long before = cases();

		Reply first = intake(key, REFERRAL);
		Reply retry = intake(key, REFERRAL);

		assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body().get("caseId")).isEqualTo(first.body().get("caseId"));
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(cases()).isEqualTo(before + 1);
		assertThat(new String(jdbc.sql("select body from idempotency_key where key = :key").param("key", key)
			.query(byte[].class).single(), java.nio.charset.StandardCharsets.UTF_8)).as("no victim data kept")
			.contains(first.body().get("caseId").asText()).doesNotContain(NAME).doesNotContain("Lặp");
	}

	@Test
	void theSameKeyForAnotherRequestIsRefusedAndChangesNothing() {
		String key = UUID.randomUUID().toString();
		assertThat(intake(key, REFERRAL).status()).isEqualTo(201);
		long before = cases();

		Reply other = intake(key, REFERRAL.replace("HOTLINE_111", "WALK_IN"));

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.header("Content-Type")).startsWith("application/problem+json");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aRefusedRequestLeavesTheKeyFreeForTheCorrectedOne() {
		String key = UUID.randomUUID().toString();
		Reply refused = intake(key, REFERRAL.replace("\"sex\":\"F\"", "\"sex\":\"UNKNOWN-SEX\""));
		assertThat(refused.status()).isEqualTo(400);

		assertThat(intake(key, REFERRAL).status()).isEqualTo(201);
	}

	@Test
	void concurrentTwinsOpenOneCase() throws Exception {
		String key = UUID.randomUUID().toString();
		long before = cases();
		List<Reply> replies = new ArrayList<>();
		ExecutorService twins = Executors.newFixedThreadPool(6);
		try {
			List<Future<Reply>> sent = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				sent.add(twins.submit(() -> intake(key, REFERRAL)));
			}
			for (Future<Reply> reply : sent) {
				replies.add(reply.get());
			}
		}
		finally {
			twins.shutdown();
		}

		assertThat(replies).extracting(Reply::status).allMatch(status -> status == 201 || status == 409);
		assertThat(replies).filteredOn(reply -> reply.status() == 201).extracting(reply -> reply.body().get("caseId"))
			.isNotEmpty().containsOnly(replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body()
				.get("caseId"));
		assertThat(cases()).isEqualTo(before + 1);
		assertThat(intake(key, REFERRAL).status()).as("a later retry gets the first answer").isEqualTo(201);
	}

	/**
	 * An API request's key is taken in its own transaction: while it runs, a twin waits a moment and is told to come
	 * back; when its node dies before it commits, nothing of it stays, its key included, and the retry acts at once.
	 */
	@Test
	void aKeyWhoseRequestDiedBeforeItCommittedIsFreeAtOnce() throws Exception {
		String known = UUID.randomUUID().toString();
		assertThat(intake(known, REFERRAL).status()).isEqualTo(201);
		String owner = jdbc.sql("select owner from idempotency_key where key = :key").param("key", known)
			.query(String.class).single();
		String key = UUID.randomUUID().toString();
		long before = cases();
		// a first request running on another node: its key taken in its transaction, not yet committed
		try (Connection node = TestPostgres.get().connect(TestPostgres.RUNTIME)) {
			node.setAutoCommit(false);
			try (PreparedStatement take = node.prepareStatement(
					"insert into loive.idempotency_key (owner, key, fingerprint, started_at) values (?, ?, ?, now())")) {
				take.setString(1, owner);
				take.setString(2, key);
				take.setString(3, "0".repeat(64));
				take.executeUpdate();
			}
			Reply twin = intake(key, REFERRAL);
			assertThat(twin.status()).as(twin.raw().body()).isEqualTo(409);
			assertThat(twin.header("Retry-After")).isEqualTo("1");
			// the node dies: its transaction ends as its connection's end ends it
			node.rollback();
		}
		Reply retry = intake(key, REFERRAL);
		assertThat(retry.status()).as(retry.raw().body()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(cases()).isEqualTo(before + 1);
		assertThat(intake(key, REFERRAL).header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void aKeyIsItsUsersOwn() {
		String key = UUID.randomUUID().toString();
		Reply police = intake(key, REFERRAL);
		Reply border = Api.send(Api.builder("/api/v1/referrals", Api.token("border.qng"))
			.header("Content-Type", "application/json").header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(REFERRAL)).build());

		assertThat(border.status()).isEqualTo(201);
		assertThat(border.body().get("caseId")).isNotEqualTo(police.body().get("caseId"));
		assertThat(intake("  spaces are not a key  ", REFERRAL).status()).isEqualTo(400);
	}

	@Test
	void aResubmittedIntakePageOpensOneCase() {
		WebSession police = WebSession.logIn(BASE, "police.qng");
		String form = police.get("/referrals/new").body();
		String key = form.replaceAll("(?s).*name=\"_idempotency\" value=\"([^\"]+)\".*", "$1");
		assertThat(key).as("the form carries a key of its own").hasSize(36);
		Map<String, String> intake = new LinkedHashMap<>();
		intake.put("_idempotency", key);
		intake.put("channel", "HOTLINE_111");
		intake.put("area", "QNG");
		intake.put("receivedAt", LocalDateTime.now(Vietnam.ZONE).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString());
		intake.put("immediateDanger", "false");
		intake.put("person.fullName", NAME);
		intake.put("person.sex", "F");
		long before = cases();

		HttpResponse<String> first = police.post("/referrals", intake);
		HttpResponse<String> again = police.post("/referrals", intake);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(cases()).isEqualTo(before + 1);
		assertThat(Set.of(police.get("/referrals/new").body().replaceAll("(?s).*name=\"_idempotency\" value=\"([^\"]+)\".*",
				"$1"))).as("a new rendering, a new key").doesNotContain(key);
	}

	private static Reply intake(String key, String body) {
		return Api.send(Api.builder("/api/v1/referrals", Api.token("police.qng"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private long cases() {
		return jdbc.sql("select count(*) from referral_case").query(Long.class).single();
	}
}
